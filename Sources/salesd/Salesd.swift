import ArgumentParser
import Foundation
import SalesDaemon

/// `salesd`: the daemon, its control client, and the config tools in one binary.
@main
struct Salesd: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keeps a written sales process running: daily actions, reminders, a scoreboard.",
        discussion: """
            Start with a plan, check it, then run the daemon (or let systemd start it):

              salesd init               write the example plan to your config file
              salesd check-config       validate it; list the next reminders
              salesd run                run the daemon in the foreground
              salesd ctl next           what's the next step?
              salesd ctl done connection-requests 2
              salesd backup FILE        copy the ledger, also while the daemon runs
              salesd restore FILE       put a backup back (with the daemon stopped)

            Exit codes: 0 success, 1 refused (the message says why), 2 usage error,
            3 daemon not reachable.
            """,
        version: SalesdVersion.current,
        subcommands: [
            Run.self, Ctl.self, Init.self, CheckConfig.self, Report.self, Export.self, Import.self,
            Backup.self, Restore.self, PrepareState.self,
        ]
    )

    /// Parses, runs, and exits with salesd's own codes: usage errors exit 2 (not argument-parser's 64),
    /// and a ``CommandFailure`` prints its lines and exits with its status.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Output.error(failure.lines)
            Foundation.exit(failure.status)
        } catch {
            let status = ExitStatus.mapping(exitCode(for: error))
            guard status == ExitStatus.usage else { exit(withError: error) }
            Output.error([fullMessage(for: error)])
            Foundation.exit(status)
        }
    }
}
