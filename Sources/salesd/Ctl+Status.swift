import ArgumentParser
import Foundation
import SalesContract
import SalesStatus

extension Salesd.Ctl {
    /// `salesd ctl status`: is the daemon up, what plan it runs, what fires next.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the daemon, its plan, today's progress and the next reminder.",
            discussion: """
                  salesd ctl status --oneline   one line for a panel or a prompt:
                                                3/8 done today · 2 behind · next 14:30 Send follow-ups
                  salesd ctl status --waybar    the same as a waybar custom module's JSON
                                                ("return-type": "json"): text, tooltip, class
                                                ("on-pace" or "behind"), alt, percentage
                """)

        @Flag(help: "Print one line: today's progress, the week's pace and the next reminder.")
        var oneline = false

        @Flag(help: "Print that line as JSON for a waybar custom module (\"return-type\": \"json\").")
        var waybar = false

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if oneline && waybar { throw ValidationError("--oneline and --waybar are two forms of one line: pick one") }
            if waybar && options.json { throw ValidationError("--waybar already prints JSON: leave out --json") }
        }

        func run() throws {
            guard oneline || waybar else { return try Self.show(options) }
            let client = options.client
            let reply = try client.call(StatusCall())
            let line = PanelLine(status: reply, scoreboard: try client.call(WeekCall(weeks: 1)).scoreboard)
            if waybar {
                Output.print([line.waybarJSON])
            } else if options.json {
                Output.print([JSONOutput.pretty(object: [
                    "text": line.text, "tooltip": line.tooltip, "class": line.paceClass, "percentage": line.percentage,
                ])])
            } else {
                Output.print([line.text])
            }
        }

        /// Asks the daemon and prints its answer (also the fast path of ``QuickStatus``).
        static func show(_ options: CtlOptions) throws(CommandFailure) {
            try options.show(options.client.call(StatusCall()), lines: { StatusText.lines($0, now: Date()) })
        }
    }
}
