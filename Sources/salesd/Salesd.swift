import ArgumentParser
import Foundation
import SalesDaemon
import SalesStatus

/// `salesd`: the daemon, its control client, and the config tools in one binary.
@main
struct Salesd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salesd",
        abstract: "Keeps a written sales process running: daily actions, reminders, a scoreboard.",
        discussion: """
            Start with a plan, check it, then run the daemon (or let systemd start it):

              salesd init               write the example plan to your config file
              salesd check-config       validate it; list the next reminders
              salesd run                run the daemon in the foreground
              salesd ctl next           what's the next step?
              salesd ctl done connection-requests 2
              salesd calendar -o FILE   the planned actions as an iCalendar feed
              salesd plan-week          the weekly session: commitments, next week's targets
              salesd backup FILE        copy the ledger, also while the daemon runs
              salesd restore FILE       put a backup back (with the daemon stopped)

            Exit codes: 0 success, 1 refused (the message says why), 2 usage error,
            3 daemon not reachable.
            """,
        version: SalesdVersion.current,
        subcommands: [
            Run.self, Ctl.self, Init.self, CheckConfig.self, Report.self, Export.self, Import.self,
            Backup.self, Restore.self, PrepareState.self, CalendarFeedCommand.self, PlanWeek.self, NotifyFailure.self,
        ]
    )

    /// Parses, runs, and exits with salesd's own codes: usage errors exit 2 (not argument-parser's 64),
    /// and a ``CommandFailure`` prints its lines and exits with its status.
    ///
    /// With `--json` anywhere on the command line, every failure (usage errors too) is one JSON
    /// object on stdout instead (`kind`, `message`, `hint`, `exitCode`); the exit status is the same.
    static func main() {
        let json = CommandLine.arguments.dropFirst().prefix { $0 != "--" }.contains("--json")
        do {
            let arguments = ArgumentRewrite.rewrite(Array(CommandLine.arguments.dropFirst()))
            if let status = QuickStatus(arguments) {
                try Ctl.Status.show(status.options)
                return
            }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            fail(failure, json: json)
        } catch {
            let status = ExitStatus.mapping(exitCode(for: error))
            // Help and --version exit 0 and print as text, --json or not.
            guard status == ExitStatus.usage || (json && status != ExitStatus.success) else { exit(withError: error) }
            if json {
                let usage = fullMessage(for: error).split(separator: "\n").map(String.init)
                    .filter { $0.hasPrefix("Usage:") || $0.contains("--help") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                let hint = usage.isEmpty ? nil : usage.joined(separator: "\n")
                Output.print([JSONOutput.pretty(FailureJSON(
                    kind: FailureJSON.kind(forStatus: status), message: message(for: error), hint: hint, exitCode: status))])
                Foundation.exit(status)
            }
            Output.error([fullMessage(for: error)])
            Foundation.exit(status)
        }
    }

    private static func fail(_ failure: CommandFailure, json: Bool) -> Never {
        // No lines: the command reported the failure itself (check-config --json prints its own object).
        if failure.lines.isEmpty, failure.refusal == nil { Foundation.exit(failure.status) }
        if json {
            Output.print([failure.jsonLine ? JSONOutput.line(failure.json) : JSONOutput.pretty(failure.json)])
        } else {
            Output.error(failure.lines)
        }
        Foundation.exit(failure.status)
    }
}
