import ArgumentParser
import Foundation
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl status`: is the daemon up, what plan it runs, what fires next.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the daemon, its plan, today's progress and the next reminder.")

        @OptionGroup var options: CtlOptions

        func run() throws {
            try Self.show(options)
        }

        /// Asks the daemon and prints its answer (also the fast path of ``QuickStatus``).
        static func show(_ options: CtlOptions) throws(CommandFailure) {
            let reply = try options.client.call(StatusCall())
            Output.print(options.json ? [JSONOutput.pretty(reply)] : StatusText.lines(reply, now: Date()))
        }
    }
}
