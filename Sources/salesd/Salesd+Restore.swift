import ArgumentParser
import Foundation
import SalesLedger

extension Salesd {
    /// `salesd restore FILE`: a backup put in place of the ledger, the old one kept aside.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Replace the ledger with a backup (the current one is kept aside).",
            discussion: """
                Checks FILE with SQLite's integrity_check and that it is a salesd ledger, then
                renames the current ledger to ledger.sqlite.before-restore-<time> and puts a copy
                of FILE in its place. Refuses while the daemon runs: stop it first
                (systemctl --user stop salesd).
                """)

        @Argument(help: ArgumentHelp("The backup to restore (from 'salesd backup').", valueName: "file"))
        var file: String

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() throws {
            let restored: Ledger.Restored
            do {
                restored = try StateFolder.restore(file, into: ledgerOptions.folder)
            } catch {
                throw CommandFailure("salesd: \(error)")
            }
            let target = ledgerOptions.folder.appendingPathComponent(Ledger.fileName).path
            var lines = ["Restored \(restored.events) events from \(file) into \(target)"]
            if let aside = restored.keptAside { lines.append("The ledger it replaced is kept as \(aside)") }
            Output.print(lines)
        }
    }
}
