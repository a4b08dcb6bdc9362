import ArgumentParser
import Foundation
import SalesLedger

extension Salesd {
    /// `salesd backup FILE`: a consistent copy of the ledger, safe while the daemon runs.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the ledger to FILE, safely while the daemon runs.",
            discussion: """
                Uses SQLite's online backup API on a read-only connection, so the daemon keeps
                recording meanwhile and the copy is one consistent, self-contained file.
                Put it back with 'salesd restore FILE'.
                """)

        @Argument(help: ArgumentHelp("Where to write the copy (replaced if it exists).", valueName: "file"))
        var file: String

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() throws {
            let ledger = try ledgerOptions.openForReading()
            let events: Int
            do {
                events = try ledger.backup(to: file)
            } catch {
                throw CommandFailure("salesd: \(error)")
            }
            Output.print(["Backed up \(events) events from \(ledger.path) to \(file)"])
        }
    }
}
