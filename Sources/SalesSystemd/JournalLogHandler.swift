import Foundation
import Logging
import SalesPlan

/// A swift-log handler for salesd's diagnostics ("notification server gone, ignoring").
///
/// Writes journal entries with `PRIORITY` from the level, `SYSLOG_IDENTIFIER=salesd`, the
/// source location, and metadata as `SALESD_`-prefixed fields; and/or readable stderr lines.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let systemdJournal: Bool
    private let standardError: (@Sendable (String) -> Void)?
    private let now: @Sendable () -> Date
    /// nil: the plan's zone, as ``DisplayZone`` has it when the line is written.
    private let zone: TimeZone?

    /// - Parameters:
    ///   - label: the logger's label, written as `SALESD_LOGGER`.
    ///   - systemdJournal: write entries to the systemd journal.
    ///   - standardError: receives readable lines (with trailing newline), or `nil` for none.
    ///   - zone: the zone of the time at the start of stderr lines (default: ``DisplayZone``).
    ///   - now: the clock for stderr lines.
    public init(
        label: String, systemdJournal: Bool, standardError: (@Sendable (String) -> Void)?,
        zone: TimeZone? = nil, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.label = label
        self.systemdJournal = systemdJournal
        self.standardError = standardError
        self.zone = zone
        self.now = now
    }

    /// Writes a line to the process's standard error.
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error { merged["error"] = "\(error)" }
        let sorted = merged.sorted { $0.key < $1.key }

        if systemdJournal {
            var fields = [
                JournalField("MESSAGE", event.message.description),
                JournalField("PRIORITY", String(Self.priority(event.level))),
                JournalField("SYSLOG_IDENTIFIER", "salesd"),
                JournalField("SALESD_LOGGER", label),
                JournalField("CODE_FILE", event.file),
                JournalField("CODE_LINE", String(event.line)),
                JournalField("CODE_FUNC", event.function),
            ]
            fields += sorted.map { JournalField("SALESD_" + JournalField.sanitizedName($0.key), "\($0.value)") }
            // A log line that cannot be written has nowhere better to go; dropping it is right.
            _ = JournalSender.send(fields)
        }
        if let standardError {
            var line = "\(Timestamp.localWall(now(), in: zone ?? DisplayZone.shared.zone)) \(event.level): \(event.message)"
            if !sorted.isEmpty { line += " (" + sorted.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")" }
            standardError(line + "\n")
        }
    }

    /// The syslog priority journald expects for `level`.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
