import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl skip ACTION`: excuses an action for today.
    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "skip",
            abstract: "Excuse an action for today: no more reminders, the streak is kept.")

        @Argument(help: "The action's id, as in 'salesd ctl today'.", completion: PlanCompletion.actions)
        var action: String

        @Option(help: ArgumentHelp("Why, kept in the ledger.", valueName: "text"))
        var reason: String?

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.show(options.client.call(SkipCall(action: action, reason: reason)), line: RecordText.skip)
        }
    }
}
