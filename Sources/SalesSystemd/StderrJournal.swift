import Foundation
import SalesEngine

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
        var head = "\(JournalTimestamp.local(date, in: zone)) \(announcement.kind.rawValue)"
        if let action = announcement.action { head += " \(action)" }
        head += ": \(announcement.message)"
        if announcement.late {
            head += announcement.latenessMs.map { " [late by \(lateness($0))]" } ?? " [late]"
        }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let body = announcement.body {
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "    " + $0.element }
            .joined(separator: "\n") + "\n"
    }

    /// `400ms`, `45s`, `2m 5s`, `1h 3m`.
    static func lateness(_ ms: Int) -> String {
        guard ms >= 1000 else { return "\(max(ms, 0))ms" }
        let seconds = ms / 1000
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return [(h, "h"), (m, "m"), (s, "s")].filter { $0.0 != 0 }.map { "\($0.0)\($0.1)" }
            .joined(separator: " ")
    }
}
