import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl plan [--day D] [--days N]`: the week ahead as the plan asks it.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Show the plan for the week ahead (or some other days): times, actions, targets, days off.",
            discussion: """
                Each day lists its actions in time order: the reminder times, the action's id and
                step, the target, and how it re-reminds ("every 1h until 17:00").

                  salesd ctl plan                       today and the six days after it
                  salesd ctl plan --day tomorrow
                  salesd ctl plan --day 2026-12-21 --days 14
                """)

        @Option(help: ArgumentHelp("The first day: YYYY-MM-DD, today, yesterday or tomorrow. (default: today)", valueName: "date"))
        var day: PlanDayArgument?

        @Option(help: ArgumentHelp("How many days to show (1 to 31). (default: 7, or 1 with --day)", valueName: "n"))
        var days: Int?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            try ValidationError.check("--days", days, within: PlanCall.dayRange)
        }

        func run() throws {
            let call = PlanCall(day: day?.text, days: days ?? (day == nil ? 7 : 1))
            try options.show(options.client.call(call), lines: PlanText.lines)
        }
    }
}
