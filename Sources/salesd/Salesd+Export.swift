import ArgumentParser
import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan

extension Salesd {
    /// `salesd export --csv|--json`: every ledger event, oldest first, on stdout.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Dump the ledger as CSV (--csv) or JSON Lines (--json) on standard output.",
            usage: "salesd export (--csv | --json) [--config <path>] [--state-dir <path>]",
            discussion: """
                Columns: \(EventExport.columns.joined(separator: ", ")).
                Times are UTC ISO 8601 with milliseconds; days are the plan's local days.
                'salesd import FILE' reads either format back into an empty ledger.
                """)

        // Two flags rather than one EnumerableFlag: argument-parser would print a required
        // enumerable flag as "--csv --json" in the usage line, and a missing one as "--csv <csv>".
        @Flag(help: "Write CSV with a header row.")
        var csv = false

        @Flag(help: "Write JSON Lines: one object per event.")
        var json = false

        @Flag(help: ArgumentHelp("Write the people's events as CSV instead (names, companies and notes included); 'salesd import --people' reads it back."))
        var people = false

        @OptionGroup var ledgerOptions: LedgerOptions

        enum Format { case csv, json }

        var format: Format { csv ? .csv : .json }

        static var usageText: String { "salesd export --csv > ledger.csv   (or: salesd export --json > ledger.jsonl)" }

        func validate() throws {
            if people {
                if json { throw ValidationError("--people writes CSV; leave out --json") }
                return
            }
            if csv == json {
                throw ValidationError((csv ? "give one format, not both" : "give a format") + ": " + Self.usageText)
            }
        }

        func run() throws {
            let ledger = try ledgerOptions.openForReading()
            var out = BufferedOutput()
            if people {
                out.write(PeopleCSV.header())
                for event in try ledger.personEvents() { out.write(PeopleCSV.row(event)) }
                return out.flush()
            }
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
            commandName: "import",
            abstract: "Load an export (CSV or JSON Lines) into an empty ledger.",
            discussion: """
                Refuses a ledger that already has events (point --state-dir at a new folder), and a
                folder a daemon is running on (it names the process). When there is no config file
                yet (a new machine), the plan the export recorded last is written as the config, so
                the daemon scores the history against it instead of the example plan.
                """)

        @Argument(help: ArgumentHelp("The export to read ('-' for standard input).", valueName: "file"))
        var file: String

        @Flag(help: ArgumentHelp("""
            Read people instead: a CSV with the header name,company,step,last touch,note; LinkedIn's \
            Connections.csv (everyone at the first step, Connected On as the last touch); or a file of \
            'salesd export --people' (into a ledger without people yet).
            """))
        var people = false

        @OptionGroup var ledgerOptions: LedgerOptions

        func run() throws {
            if people { return try PeopleImport(file: file, ledgerOptions: ledgerOptions).run() }
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
            Output.print(["Imported \(events.count) events into \(ledger.path)"] + restorePlan(from: events))
        }

        /// A fresh home has no config, so the daemon would run the embedded example against the
        /// imported history: the plan recorded last is written as the config instead. An existing
        /// config (or one given with --config) is left alone.
        private func restorePlan(from events: [SalesPlan.Event]) -> [String] {
            guard ledgerOptions.config == nil else { return [] }
            let path = Paths().configFile
            if FileManager.default.fileExists(atPath: path) {
                return ["Kept the config at \(path); past days are scored against the plans the export recorded"]
            }
            guard let latest = events.last(where: { $0.kind == .plan }), let text = latest.payload,
                  (try? SalesPlan.Plan.parse(Data(text.utf8))) != nil else {
                return ["The export records no plan to restore; write one with: salesd init"]
            }
            let url = URL(fileURLWithPath: path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                return ["Could not write the recorded plan to \(path) (\(FileProblem.describe(error))); "
                        + "write one with: salesd init"]
            }
            return ["Restored the plan recorded last (in force from \(latest.day)) to \(path)",
                    "Check it with: salesd check-config   (a running daemon takes it with: salesd ctl reload)"]
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
