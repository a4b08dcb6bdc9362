import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl log`: the history of what was recorded.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Show the history: done, skipped, snoozed, days off, results and their notes.",
            discussion: """
                Entries an undo took back are marked "(undone)". Default: the last 7 days.

                  salesd ctl log
                  salesd ctl log --action connection-requests --from 2026-11-01
                  salesd ctl log --step follow-up --from yesterday --to today
                  salesd ctl log --json
                """)

        @Option(help: ArgumentHelp("Only this action's entries.", valueName: "action"), completion: PlanCompletion.actions)
        var action: String?

        @Option(help: ArgumentHelp("Only the entries of this step's actions.", valueName: "step"), completion: PlanCompletion.steps)
        var step: String?

        @Option(help: ArgumentHelp("The first day: YYYY-MM-DD, today or yesterday. (default: 6 days before --to)", valueName: "date"))
        var from: PlanDayArgument?

        @Option(help: ArgumentHelp("The last day: YYYY-MM-DD, today or yesterday. (default: today)", valueName: "date"))
        var to: PlanDayArgument?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let call = LogCall(action: action, step: step, from: from?.text, to: to?.text)
            try options.show(options.client.call(call), lines: LogText.lines)
        }
    }
}
