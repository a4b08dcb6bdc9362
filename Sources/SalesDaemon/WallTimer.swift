import Dispatch
import Foundation
import SalesEngine

/// One wall-clock (CLOCK_REALTIME) deadline on the daemon's queue, re-armed for every wake-up.
/// Between deadlines nothing wakes the process.
final class WallTimer: WakeTimer {
    private let source: DispatchSourceTimer
    private(set) var deadline: Date?

    init(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) {
        source = DispatchSource.makeTimerSource(flags: .strict, queue: queue)
        source.setEventHandler(handler: handler)
        source.schedule(wallDeadline: .distantFuture, leeway: .milliseconds(1))
        source.activate()
    }

    func arm(at date: Date) {
        deadline = date
        let seconds = max(0, date.timeIntervalSince1970)
        let whole = seconds.rounded(.down)
        let spec = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1_000_000_000))
        source.schedule(wallDeadline: DispatchWallTime(timespec: spec), leeway: .milliseconds(1))
    }

    func cancel() { source.cancel() }
}
