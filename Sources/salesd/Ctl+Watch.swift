import ArgumentParser
import Foundation
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl watch`: follows what the daemon announces, live.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every announcement (reminders, records, reloads) as it happens.",
            discussion: "With --json, one JSON object per line. Stop with Ctrl-C.")

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.client.stream(WatchCall()) { reply in
                Output.print([options.json
                    ? JSONOutput.line(reply)
                    : WatchLine.line(reply.announcement, receivedAt: Date())])
                // Each line must reach a pipe now, not when the buffer fills.
                fflush(nil)
            }
        }
    }
}
