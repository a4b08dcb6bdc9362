import ArgumentParser
import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan

extension Salesd {
    /// `salesd export --csv|--json`: every ledger event, oldest first, on stdout.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dump the ledger as CSV or JSON Lines on standard output.",
            discussion: """
                Columns: \(EventExport.columns.joined(separator: ", ")).
                Times are UTC ISO 8601 with milliseconds; days are the plan's local days.
                'salesd import FILE' reads either format back into an empty ledger.
                """)

        enum Format: String, EnumerableFlag {
            case csv, json
        }

        @Flag(help: "Output format (JSON is one object per line).")
        var format: Format

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() throws {
            let ledger = try ledgerOptions.openForReading()
            var out = BufferedOutput()
            if format == .csv { out.write(EventExport.csvHeader()) }
            try ledger.forEachEvent { event in
                out.write(format == .csv ? EventExport.csvRow(event) : EventExport.jsonLine(event))
            }
            out.flush()
        }
    }

    /// `salesd import FILE`: an export read back into an empty ledger.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load an export (CSV or JSON Lines) into an empty ledger.",
            discussion: """
                Refuses a ledger that already has events (point --state-dir at a new folder), and a
                folder a daemon is running on (it names the process).
                """)

        @Argument(help: ArgumentHelp("The export to read ('-' for standard input).", valueName: "file"))
        var file: String

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() throws {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : FileManager.default.contents(atPath: file)
            guard let data else { throw CommandFailure("salesd: cannot read \(file)") }
            let events: [SalesPlan.Event]
            do {
                events = try EventExport.parse(String(decoding: data, as: UTF8.self))
            } catch {
                throw CommandFailure("salesd: \(file): \(error)")
            }
            let state = try ledgerOptions.takeForWriting(role: "salesd import")
            let ledger = state.ledger
            do {
                try ledger.importEvents(events)
            } catch {
                throw CommandFailure("salesd: \(error)")
            }
            Output.print(["Imported \(events.count) events into \(ledger.path)"])
        }
    }
}

/// Collects lines and writes them to stdout in large chunks (exports can be millions of lines).
struct BufferedOutput {
    private var buffer = Data()

    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
