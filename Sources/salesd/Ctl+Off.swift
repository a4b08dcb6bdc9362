import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl off [DATE]`: marks a day off.
    struct Off: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "off",
            abstract: "Mark a day off (default today): no reminders, no streak broken.",
            discussion: """
                  salesd ctl off
                  salesd ctl off 2026-12-24 --reason "Christmas Eve"
                  salesd ctl off --from 2026-12-24 --to 2027-01-02 --reason "holidays"

                A day already off (by the config's daysOff or an earlier off) is left as it is: \
                "already", exit 0. A vacation (--from, --to; at most 366 days) is recorded whole \
                or not at all, each of its days off; the days already off stay as they were. Take \
                a day off back with: salesd ctl undo --day DATE (a vacation, one day at a time).
                """)

        @Argument(help: ArgumentHelp("The day: YYYY-MM-DD, today, yesterday or tomorrow.", valueName: "date"))
        var day: PlanDayArgument?

        @Option(help: ArgumentHelp("Why, kept in the ledger.", valueName: "text"))
        var reason: String?

        @Option(help: ArgumentHelp("The first day of a vacation (default today).", valueName: "date"))
        var from: PlanDayArgument?

        @Option(help: ArgumentHelp("The last day of a vacation, included.", valueName: "date"))
        var to: PlanDayArgument?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if from != nil, to == nil { throw ValidationError("--from needs --to: the last day of the vacation") }
            if from != nil, day != nil { throw ValidationError("give the first day either as DATE or with --from, not both") }
        }

        func run() throws {
            let first = from ?? day
            let call = DayOffCall(day: first?.text, reason: reason, through: to?.text)
            try options.show(options.client.call(call), line: RecordText.dayOff)
        }
    }
}
