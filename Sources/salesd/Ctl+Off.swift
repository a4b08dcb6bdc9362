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

                A day already off (by the config's daysOff or an earlier off) is left as it is:
                "already", exit 0. Take a day off back with: salesd ctl undo --day DATE
                """)

        @Argument(help: ArgumentHelp("The day: YYYY-MM-DD, today, yesterday or tomorrow.", valueName: "date"))
        var day: PlanDayArgument?

        @Option(help: ArgumentHelp("Why, kept in the ledger.", valueName: "text"))
        var reason: String?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let reply = try options.client.call(DayOffCall(day: day?.text, reason: reason))
            Output.print(options.json ? [JSONOutput.pretty(reply)] : [RecordText.dayOff(reply)])
        }
    }
}
