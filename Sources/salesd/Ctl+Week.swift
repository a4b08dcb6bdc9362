import ArgumentParser
import Foundation
import SalesControl
import SalesScore

extension Salesd.Ctl {
    /// `salesd ctl week`: the scoreboard.
    struct Week: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the scoreboard: actions against targets per step, pace, streak, results.",
            discussion: """
                  salesd ctl week
                  salesd ctl week --weeks 4      this week and the three before, side by side
                """)

        @Option(help: "How many weeks to show (1 = this week).")
        var weeks: Int?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if let weeks, weeks < 1 {
                throw ValidationError("--weeks must be at least 1, not \(weeks)")
            }
        }

        func run() throws {
            let reply = try options.client.call("Week", ["weeks": weeks.map { .int(Int64($0)) }])
            if options.json {
                Output.print([JSONOutput.pretty(reply)])
            } else if let object = reply["scoreboard"], let board = try? JSONDecoder().decode(
                Scoreboard.self, from: object.encoded())
            {
                // Rendered here rather than taken from `text`, so colour and width suit this terminal.
                let text = ScoreboardText.render(board, color: Output.useColour(), width: Output.terminalWidth())
                Output.print([text.hasSuffix("\n") ? String(text.dropLast()) : text])
            } else if let text = reply["scoreboard"]?["text"]?.string {
                Output.print([text.hasSuffix("\n") ? String(text.dropLast()) : text])
            } else {
                Output.print([JSONOutput.pretty(reply["scoreboard"]?.object ?? reply)])
            }
        }
    }
}
