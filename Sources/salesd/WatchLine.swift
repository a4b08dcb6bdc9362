import Foundation
import SalesControl

/// One line per announcement for `salesd ctl watch`: `09:30:00 reminder connection-requests  Send 5 …`.
enum WatchLine {
    static func line(_ announcement: JSONValue?, receivedAt now: Date, timeZone: TimeZone = .current) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "HH:mm:ss"
        var line = formatter.string(from: now) + " " + (announcement?["kind"]?.string ?? "event")
        if let action = announcement?["action"]?.string { line += " " + action }
        let message = announcement?["message"]?.string ?? announcement?["title"]?.string ?? ""
        if !message.isEmpty { line += "  " + message }
        if announcement?["late"]?.bool == true { line += " (late)" }
        return line
    }
}
