import Foundation
import SalesContract
import SalesPlan

/// One line per announcement for `salesd ctl watch`: `09:30:00 reminder connection-requests  Send 5 …`.
///
/// The time is the daemon's, in the plan's zone, like every other time the line shows.
enum WatchLine {
    static func line(_ event: WatchEvent, receivedAt now: Date) -> String {
        let clock = event.at.map(WireTime.clockWithSeconds) ?? Timestamp.localWall(now, in: .current).suffix(8).description
        var line = clock + " " + event.kind
        if let action = event.action { line += " " + action }
        let message = event.message.isEmpty ? event.title ?? "" : event.message
        if !message.isEmpty { line += "  " + message }
        if event.late, !message.contains("late") { line += " (late)" }
        return line
    }
}
