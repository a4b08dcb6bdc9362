import ArgumentParser
import Foundation
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl status`: is the daemon up, what plan it runs, what fires next.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the daemon, its plan, today's progress and the next reminder.")

        @OptionGroup var options: CtlOptions

        func run() throws {
            let reply = try options.client.call(StatusCall())
            Output.print(options.json ? [JSONOutput.pretty(reply)] : StatusText.lines(reply, now: Date()))
        }
    }
}
