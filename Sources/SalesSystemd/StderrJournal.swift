import Foundation
import SalesEngine
import SalesPlan

/// Writes announcements as readable lines, for a person running salesd in a terminal.
///
/// `2026-11-27 09:30:00 reminder connection-requests: Send 5 connection requests (Connect · 0 of 5 today)`
/// Called only on the daemon's queue, like every `Journal`.
public final class StderrJournal: Journal {
    /// The zone the line's time is shown in: the one given, else ``DisplayZone``'s (the plan's).
    public var zone: TimeZone {
        get { fixedZone ?? DisplayZone.shared.zone }
        set { fixedZone = newValue }
    }
    private var fixedZone: TimeZone?
    private let now: () -> Date
    private let write: (String) -> Void

    /// - Parameters:
    ///   - zone: the zone for the time at the start of each line; nil follows ``DisplayZone``.
    ///   - now: the clock stamping each line.
    ///   - write: receives each line, with its trailing newline.
    public init(zone: TimeZone?, now: @escaping () -> Date = Date.init, write: @escaping (String) -> Void) {
        self.fixedZone = zone
        self.now = now
        self.write = write
    }

    /// Writes to the process's standard error.
    public convenience init(zone: TimeZone?) {
        self.init(zone: zone) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public func record(_ announcement: Announcement) {
        write(Self.line(for: announcement, at: now(), in: zone))
    }

    /// The text written for `announcement` at `date`: one line, then the body indented.
    public static func line(for announcement: Announcement, at date: Date, in zone: TimeZone) -> String {
        var head = Timestamp.localWall(date, in: zone)
        // "started: salesd 0.1.0 started: …" and "day-off: Day off: …" say it twice: a message
        // that names its kind (and its action) stands alone.
        if namesItsKind(announcement) {
            head += " \(announcement.message)"
        } else {
            head += " \(announcement.kind.rawValue)"
            if let action = announcement.action { head += " \(action)" }
            head += ": \(announcement.message)"
        }
        // The engine's message already says how late a reminder is; the body only when it adds something.
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let body = announcement.body, !announcement.message.contains(body) {
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "    " + $0.element }
            .joined(separator: "\n") + "\n"
    }

    /// Whether the message's first words already name the announcement's kind (`Done:`,
    /// `Day off:`, `salesd 0.1.0 started:`) and its action, if it has one.
    static func namesItsKind(_ announcement: Announcement) -> Bool {
        let kind = announcement.kind.rawValue.replacingOccurrences(of: "-", with: " ")
        let message = announcement.message.lowercased()
        let words = message.split(separator: " ").prefix(3).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let named = message.hasPrefix(kind) || words.contains { $0.hasPrefix(kind) }
        return named && announcement.action.map { announcement.message.contains($0) } != false
    }
}
