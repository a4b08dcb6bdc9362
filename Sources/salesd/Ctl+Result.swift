import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl result KIND [VALUE]`: records a lag measure.
    struct Result: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "result",
            abstract: "Record a result the actions lead to (a client won, a proposal, revenue).",
            discussion: """
                KIND is one of the plan's "results" (by default: client, proposal,
                conversation-booked, revenue in EUR). VALUE is how many (a count, default 1) or how
                much (an amount in the result's currency). The scoreboard shows results next to the
                actions of the same weeks.

                  salesd ctl result client --note "Acme retainer"      one client won
                  salesd ctl result revenue 12000 --note "Acme"        12000 EUR
                  salesd ctl result revenue -500                       a correction
                  salesd ctl undo                                      or take the last one back
                """)

        @Argument(help: "What kind of result: an id of the plan's \"results\" (e.g. client, revenue).",
                  completion: PlanCompletion.results)
        var kind: String

        @Argument(help: "How many, or how much in the result's currency (default 1; negative to correct).")
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
            let call = ResultCall(kind: kind, value: value, note: note)
            try options.show(options.client.call(call), line: RecordText.result)
        }
    }
}
