import ArgumentParser
import Foundation
import SalesLedger

extension Salesd {
    /// `salesd prepare-state`: what `run` does to its state folder, without running.
    ///
    /// The service runs it outside its sandbox (`ExecStartPre=+`) because the sandbox lets the
    /// daemon write only inside its state folder: creating that folder, moving a ledger out of
    /// systemd 252's `~/.config/salesd`, and writing the marker beside the folder need more.
    struct PrepareState: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prepare-state",
            abstract: "Create the ledger's folder and move an older ledger into it (the service runs this).",
            discussion: """
                Creates the state folder, moves a ledger that systemd 252 kept in ~/.config/salesd
                into it, refuses when the ledger is missing where one was before, and checks it.
                """)

        @Option(help: ArgumentHelp("The ledger's folder. (default: $XDG_STATE_HOME/salesd, else ~/.local/state/salesd)",
                                   valueName: "path"))
        var stateDir: String?

        @Flag(help: "Start an empty ledger even though one was kept in the state folder before and is gone.")
        var newLedger = false

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let folder = stateDir.map { URL(fileURLWithPath: $0) } ?? Ledger.defaultDirectory(environment: environment)
            do {
                let state = try StateFolder.take(
                    folder, role: "salesd prepare-state",
                    legacy: stateDir == nil ? Ledger.legacyDirectory(environment: environment) : nil,
                    newLedger: newLedger)
                for note in state.notes { Output.error(["salesd: \(note)"]) }
            } catch {
                throw CommandFailure("salesd: \(error)")
            }
        }
    }
}
