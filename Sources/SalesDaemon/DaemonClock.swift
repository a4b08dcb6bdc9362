import Foundation

/// The daemon's wall clock. Tests of the real binary may shift it by an offset read from the
/// file named in `SALESD_TEST_CLOCK_OFFSET_FILE` (seconds, may be negative), re-read whenever the
/// daemon is told the clock changed — the same path a real clock jump takes.
public struct DaemonClock: Sendable {
    let offsetFile: String?
    private(set) var offset: TimeInterval = 0

    public init(environment: [String: String]) {
        offsetFile = environment["SALESD_TEST_CLOCK_OFFSET_FILE"]
        reload()
    }

    public var now: Date { Date().addingTimeInterval(offset) }

    /// The real instant at which this clock shows `date`.
    func realInstant(for date: Date) -> Date { date.addingTimeInterval(-offset) }

    mutating func reload() {
        guard let offsetFile, let text = try? String(contentsOfFile: offsetFile, encoding: .utf8) else { return }
        offset = TimeInterval(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}
