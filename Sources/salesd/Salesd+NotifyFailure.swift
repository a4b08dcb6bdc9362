import ArgumentParser
import Foundation
import SalesPlan
import SalesSystemd

extension Salesd {
    /// `salesd notify-failure`: what `salesd-failed.service` (the `OnFailure=` unit of
    /// salesd.service) runs, so a daemon that cannot start at login says why on the desktop
    /// instead of failing unseen.
    struct NotifyFailure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notify-failure",
            abstract: "Show a desktop notification saying why salesd.service failed (run by salesd-failed.service).",
            discussion: """
                systemd runs it through salesd-failed.service when salesd.service fails. It reads
                the failure from systemd's MONITOR_* variables, checks the config the daemon loads,
                and prints what it shows (the journal keeps it).
                """)

        @Option(help: ArgumentHelp("The config file the daemon loads. (default: $XDG_CONFIG_HOME/salesd/config.json)", valueName: "path"))
        var config: String?

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let unit = environment["MONITOR_UNIT"] ?? "salesd.service"
            let body = Self.reason(config: config ?? Paths().configFile, environment: environment)
            let summary = "salesd could not start"
            Output.print(["\(unit): \(summary)"] + body)
            let text = body.joined(separator: "\n")
                .replacingOccurrences(of: "&", with: "and")
                .replacingOccurrences(of: "<", with: "‹")
                .replacingOccurrences(of: ">", with: "›")
            if case .failure(let error) = DesktopNotice.post(summary: summary, body: text, critical: true) {
                throw CommandFailure(["salesd: could not show the notification: \(error)",
                                      "The reason above is in the journal: journalctl --user -u salesd-failed"])
            }
        }

        /// The config's problems when it has any (the usual cause at login), else how the unit ended.
        static func reason(config path: String, environment: [String: String]) -> [String] {
            let restart = "Then: systemctl --user restart salesd"
            if FileManager.default.fileExists(atPath: path) {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
                do {
                    _ = try Plan.parse(data)
                } catch {
                    let errors = error.errors.map(\.description)
                    let count = errors.count
                    var lines = ["\(path) has \(count) problem\(count == 1 ? "" : "s"):"]
                    lines += errors.prefix(3).map { "• " + $0 }
                    if count > 3 { lines.append("… and \(count - 3) more: salesd check-config") }
                    return lines + ["Fix \(count == 1 ? "it" : "them") (salesd check-config checks), then: systemctl --user restart salesd"]
                }
            }
            let result = environment["MONITOR_SERVICE_RESULT"] ?? "failure"
            let how = [environment["MONITOR_EXIT_CODE"], environment["MONITOR_EXIT_STATUS"]].compactMap { $0 }
                .joined(separator: " ")
            return ["salesd.service ended with \(result)\(how.isEmpty ? "" : " (\(how))").",
                    "What it said: journalctl --user -u salesd -n 20", restart]
        }
    }
}
