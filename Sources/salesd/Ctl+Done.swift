import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl done ACTION [COUNT]`: records what was done.
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Record that you did an action (COUNT times, default 1).",
            discussion: """
                  salesd ctl done connection-requests          one more
                  salesd ctl done connection-requests 3        three more
                  salesd ctl done follow-ups --day yesterday --note "caught up"

                Undo a mistake with: salesd ctl undo ACTION
                """)

        @Argument(help: "The action's id, as in 'salesd ctl today'.", completion: PlanCompletion.actions)
        var action: String

        @Argument(help: "How many units to record.")
        var count: Int = 1

        @Option(help: ArgumentHelp("A note kept with the entry.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("The day it was done: YYYY-MM-DD, today or yesterday. (default: today)", valueName: "date"))
        var day: DayArgument?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            guard count >= 1 else {
                throw ValidationError("COUNT must be a whole number of at least 1, not \(count). To take entries back: salesd ctl undo \(action)")
            }
        }

        func run() throws {
            let call = DoneCall(action: action, count: count, note: note, day: day?.text)
            try options.show(options.client.call(call), line: RecordText.done)
        }
    }
}
