import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl result KIND [VALUE]`: records a lag measure.
    struct Result: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a result the actions lead to (a client, a proposal, a booked call).",
            discussion: """
                The scoreboard shows results next to the actions of the same weeks.

                  salesd ctl result conversation-booked
                  salesd ctl result client 1 --note "Acme retainer"
                  salesd ctl result revenue 4500
                """)

        @Argument(help: "What kind of result, e.g. client, proposal, conversation-booked, revenue.")
        var kind: String

        @Argument(help: "How much (default 1).")
        var value: Double?

        @Option(help: ArgumentHelp("A note kept with the entry.", valueName: "text"))
        var note: String?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if let value, !value.isFinite {
                throw ValidationError("VALUE must be a finite number, not \(value)")
            }
        }

        func run() throws {
            let reply = try options.client.call(ResultCall(kind: kind, value: value, note: note))
            Output.print(options.json ? [JSONOutput.pretty(reply)] : [RecordText.result(reply)])
        }
    }
}
