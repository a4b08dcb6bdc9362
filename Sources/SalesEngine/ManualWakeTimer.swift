import Foundation

/// The wake timer for tests: it only remembers the instant armed, and the test decides when
/// that time has come.
public final class ManualWakeTimer: WakeTimer {
    public private(set) var armed: Date?

    public init() {}

    public func arm(at date: Date) {
        armed = date
    }
}
