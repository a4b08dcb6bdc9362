import ArgumentParser
import Foundation
import SalesDaemon

extension Salesd {
    /// `salesd run`: the daemon, in the foreground (systemd runs it the same way).
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run the daemon in the foreground.",
            discussion: """
                Without a config file the embedded example plan runs, so this works on a fresh
                machine. Under systemd, use the units instead:

                  systemctl --user enable --now salesd.socket

                Stop with Ctrl-C or SIGTERM; SIGHUP (or 'salesd ctl reload') re-reads the config.
                """
        )

        @Option(help: ArgumentHelp("The plan to run. (default: $XDG_CONFIG_HOME/salesd/config.json, else the embedded plan)", valueName: "path"))
        var config: String?

        @Option(help: ArgumentHelp("Where to listen. (default: the socket systemd passes, else $XDG_RUNTIME_DIR/salesd/control.sock)", valueName: "path"))
        var socket: String?

        @Option(help: ArgumentHelp("Where the ledger lives. (default: $XDG_STATE_HOME/salesd, else ~/.local/state/salesd)", valueName: "path"))
        var stateDir: String?

        @Flag(help: "Start an empty ledger even though one was kept in the state folder before and is gone.")
        var newLedger = false

        func run() throws {
            let options = DaemonOptions(
                configPath: config, socketPath: socket, stateDirectory: stateDir, newLedger: newLedger)
            Foundation.exit(Daemon.run(options: options))
        }
    }
}
