import Foundation

/// The service manager as a list, for tests: each notification as systemd would receive it
/// (`READY=1`, `STATUS=…`, `RELOADING=1`, `STOPPING=1`, `WATCHDOG=1`).
///
/// `@unchecked Sendable`: `notifications` is only touched while holding `lock`.
public final class RecordingServiceManager: ServiceManager, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [[String]] = []
    public let watchdogInterval: Duration?

    public init(watchdogInterval: Duration? = nil) {
        self.watchdogInterval = watchdogInterval
    }

    /// Every notification so far, oldest first; each is its assignments in order.
    public var notifications: [[String]] { lock.withLock { sent } }

    public func ready(status: String?) { record(["READY=1"] + (status.map { ["STATUS=" + $0] } ?? [])) }
    public func status(_ text: String) { record(["STATUS=" + text]) }
    public func reloading() { record(["RELOADING=1"]) }
    public func stopping() { record(["STOPPING=1"]) }
    public func watchdogPing() { record(["WATCHDOG=1"]) }

    private func record(_ assignments: [String]) { lock.withLock { sent.append(assignments) } }
}
