import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl undo [ACTION]`: takes back the latest `done` of today.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel today's most recent 'done' (of ACTION, or of any action).")

        @Argument(help: "Only undo this action's latest entry.")
        var action: String?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let reply = try options.client.call(UndoCall(action: action))
            Output.print(options.json ? [JSONOutput.pretty(reply)] : [RecordText.undo(reply)])
        }
    }
}
