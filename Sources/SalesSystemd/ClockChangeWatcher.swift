import CSystemd
import Dispatch
import Glibc

/// Calls a handler when the wall clock is set (a jump, NTP stepping it, a manual change).
///
/// A `timerfd` on `CLOCK_REALTIME` armed with `TFD_TIMER_CANCEL_ON_SET` at a far-future
/// instant never fires on its own; its `read()` fails with `ECANCELED` when the clock is set.
/// Dispatch timers can't tell that a jump happened, so the daemon needs this to recompute.
///
/// Keep the watcher while it should watch: releasing it stops watching and closes its fd.
public final class ClockChangeWatcher {
    private let source: any DispatchSourceRead

    /// Starts watching at once.
    ///
    /// - Parameters:
    ///   - queue: where `handler` runs.
    ///   - handler: called after each clock change.
    public init(queue: DispatchQueue, handler: @escaping @Sendable () -> Void) throws(SystemCallError) {
        let fd = timerfd_create(CLOCK_REALTIME, Int32(TFD_NONBLOCK | TFD_CLOEXEC))
        guard fd >= 0 else { throw Self.error("timerfd_create", errno) }
        guard Self.arm(fd) == 0 else {
            let code = errno
            close(fd)
            throw Self.error("timerfd_settime", code)
        }
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler {
            var expirations: UInt64 = 0
            let count = read(fd, &expirations, MemoryLayout<UInt64>.size)
            let code = errno
            if count < 0 && code != ECANCELED { return }  // EAGAIN: another reader got there first.
            // Re-arm on a change, and also if the far-future instant was somehow reached.
            _ = Self.arm(fd)
            if count < 0 { handler() }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    /// Stops watching and closes the timer.
    public func cancel() { source.cancel() }

    deinit { source.cancel() }

    /// Arms the timer about a century ahead.
    private static func arm(_ fd: Int32) -> Int32 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var spec = itimerspec()
        spec.it_value.tv_sec = now.tv_sec + 100 * 365 * 86_400
        return timerfd_settime(fd, Int32(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET), &spec, nil)
    }

    private static func error(_ call: String, _ code: Int32) -> SystemCallError {
        SystemCallError(
            operation: "watch for wall-clock changes", call: call, code: code,
            hint: "salesd needs timerfd (Linux 3.0+) and may be blocked by a seccomp filter; check SystemCallFilter=")
    }
}
