import ArgumentParser
import Foundation
import SalesContract
import SalesControl

extension Salesd.Ctl {
    /// `salesd ctl watch [--follow]`: follows what the daemon announces, live.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Print every announcement (reminders, records, reloads) as it happens.",
            discussion: """
                With --json, one JSON object per line. Stop with Ctrl-C.

                When the daemon stops, watch says so on stderr and exits 3. With --follow it waits
                instead and carries on when a daemon listens again. It never starts one itself: it
                waits for the socket file to be created anew (as `salesd run` and a restarted
                salesd.socket do) before connecting, so a daemon you stopped stays stopped. A
                socket that systemd keeps listening while salesd.service is stopped is therefore
                not dialled until it is re-created; start the daemon with any other salesd ctl verb.
                """)

        @Flag(help: "Keep watching across daemon restarts.")
        var follow = false

        @OptionGroup var options: CtlOptions

        func run() throws {
            let path = options.socketPath
            var waited = false
            var refusals = 0
            while true {
                let socket = SocketFile(path: path)
                do {
                    try stream(path) {
                        if waited { Output.error(["salesd: the daemon is back at \(path); watching again"]) }
                        waited = false
                        refusals = 0
                    }
                    // The daemon ended the stream on its own: it is stopping.
                } catch let error as VarlinkClientError {
                    switch error {
                    case .unreachable, .timeout:
                        guard follow else {
                            var failure = ControlFailure.failure(for: error, socket: path)
                            failure.jsonLine = true
                            throw failure
                        }
                        if !waited { Output.error(["salesd: no daemon at \(path) yet; waiting for one (Ctrl-C stops)"]) }
                        if socket != nil {
                            // Bound but not listening yet (a daemon starting): a refused connection
                            // starts nothing, so trying again soon is safe.
                            Thread.sleep(forTimeInterval: min(0.05 * Double(1 << min(refusals, 5)), 2))
                            refusals += 1
                        } else {
                            SocketFile.waitForNew(path: path, after: nil)
                        }
                        waited = true
                        continue
                    case .remote, .untrustedServer:
                        throw ControlFailure.failure(for: error, socket: path)
                    case .protocolViolation:
                        break // the connection closed: the daemon stopped
                    }
                }
                let stopped = "salesd: the daemon stopped (\(path) closed the stream)"
                guard follow else {
                    var failure = CommandFailure([stopped, "Keep watching across restarts with: salesd ctl watch --follow"],
                                                 status: ExitStatus.unreachable)
                    failure.jsonLine = true
                    throw failure
                }
                Output.error([stopped + "; waiting for it to come back (Ctrl-C stops)"])
                fflush(nil)
                SocketFile.waitForNew(path: path, after: socket)
                waited = true
            }
        }

        private func stream(_ path: String, connected: () -> Void) throws {
            let client = try VarlinkClient(path: path)
            connected()
            try client.stream(WatchCall.qualifiedName, WatchCall(), replying: WatchCall.Reply.self) { reply in
                Output.print([options.json
                    ? JSONOutput.line(reply)
                    : WatchLine.line(reply.announcement, receivedAt: Date())])
                // Each line must reach a pipe now, not when the buffer fills.
                fflush(nil)
                return true
            }
        }
    }
}
