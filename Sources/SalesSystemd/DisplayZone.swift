import Foundation
import Synchronization

/// The zone a person reads salesd's times in: the plan's. The daemon sets it whenever a plan (or,
/// for a plan without a zone, a new system zone) comes into force; the stderr lines read it, so
/// a line's time and the times in its message are in one zone.
public final class DisplayZone: Sendable {
    /// The process's display zone; the system's until a plan is in force.
    public static let shared = DisplayZone()

    // Log lines may be written from any thread; the daemon's queue sets it.
    private let value: Mutex<TimeZone>

    public init(_ zone: TimeZone = .current) { value = Mutex(zone) }

    public var zone: TimeZone {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
