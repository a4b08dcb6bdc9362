import CSystemd
import Glibc
import SalesEngine

/// Tells systemd about the service's state with `sd_notify` (`Type=notify`).
///
/// Every call is a no-op when `NOTIFY_SOCKET` is unset (not started by systemd).
public struct ServiceNotifier: ServiceManager {
    public init() {}

    /// `true` when systemd is listening for notifications.
    public var isEnabled: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Start-up finished: `READY=1`, with a status line when given.
    public func ready(status: String? = nil) throws(SystemCallError) {
        try send(["READY=1"] + (status.map { ["STATUS=" + Self.oneLine($0)] } ?? []), "report readiness")
    }

    /// The one-line status `systemctl status` shows, e.g. the next reminder.
    public func status(_ text: String) throws(SystemCallError) {
        try send(["STATUS=" + Self.oneLine(text)], "report status")
    }

    /// A reload began: `RELOADING=1` with the monotonic time; follow with `ready(status:)`.
    public func reloading() throws(SystemCallError) {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"], "report a reload")
    }

    /// Shutdown began: `STOPPING=1`.
    public func stopping() throws(SystemCallError) {
        try send(["STOPPING=1"], "report stopping")
    }

    /// Keeps the service alive when `WatchdogSec=` is set: `WATCHDOG=1`.
    public func watchdogPing() throws(SystemCallError) {
        try send(["WATCHDOG=1"], "ping the watchdog")
    }

    /// How often systemd expects `watchdogPing()` at the latest, or `nil` when no watchdog is set.
    /// Ping at half this interval.
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0 else { return nil }
        return .microseconds(Int64(clamping: usec))
    }

    private func send(_ assignments: [String], _ operation: String) throws(SystemCallError) {
        guard isEnabled else { return }
        let result = sd_notify(0, assignments.joined(separator: "\n"))
        if result < 0 {
            throw SystemCallError(
                operation: operation, call: "sd_notify", code: -result,
                hint: "check that NOTIFY_SOCKET (\(String(cString: getenv("NOTIFY_SOCKET")))) names a socket salesd may write to")
        }
    }

    /// Notifications are newline-separated assignments, so a status must stay on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}
