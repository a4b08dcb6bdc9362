import Dispatch
import Foundation

/// One desktop notification sent by a short-lived command (the `OnFailure=` unit's
/// `salesd notify-failure`), which waits for the server's answer and then exits.
public enum DesktopNotice {
    /// Sends one notification on the session bus and waits, at most `timeout`, for its id.
    ///
    /// - Parameters:
    ///   - summary: the title line.
    ///   - body: the text (escaped for servers with "body-markup" is not needed: plain text
    ///     without `<`, `>` or `&` is the caller's to give).
    ///   - critical: urgency 2 (stays until dismissed on most servers) rather than normal.
    /// - Returns: the server's id, or why nothing was shown.
    public static func post(
        summary: String, body: String, critical: Bool, address: String? = nil, timeout: Duration = .seconds(10)
    ) -> Result<UInt32, any Error> {
        let queue = DispatchQueue(label: "salesd.notice")
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        queue.async {
            do throws(BusError) {
                let connection =
                    if let address { try BusConnection.connect(address: address, queue: queue) } else {
                        try BusConnection.sessionBus(queue: queue)
                    }
                let message = try connection.methodCall(
                    destination: "org.freedesktop.Notifications", path: "/org/freedesktop/Notifications",
                    interface: "org.freedesktop.Notifications", member: "Notify")
                message.append("salesd")
                message.append(UInt32(0))
                message.append(DesktopNotifier.appIcon)
                message.append(summary)
                message.append(body)
                message.append([String]())
                message.append([
                    "urgency": .byte(critical ? 2 : 1),
                    "category": .string("x-salesd.failure"),
                    "desktop-entry": .string("salesd"),
                ])
                message.append(Int32(-1))
                try connection.call(message, timeout: timeout) { reply in
                    if let error = reply.error(operation: "show a notification") {
                        outcome.result = .failure(error)
                    } else {
                        outcome.result = reply.readUInt32().map { .success($0) }
                    }
                    outcome.connection = nil
                    done.signal()
                }
                outcome.connection = connection
            } catch {
                outcome.result = .failure(error)
                done.signal()
            }
        }
        let seconds = Double(timeout.components.seconds) + 1
        if done.wait(timeout: .now() + seconds) == .timedOut {
            return queue.sync { .failure(BusError(operation: "show a notification", code: ETIMEDOUT)) }
        }
        return queue.sync {
            outcome.result ?? .failure(BusError(operation: "read the notification's id", code: EBADMSG))
        }
    }

    /// What the bus queue found; read only on that queue.
    private final class Outcome: @unchecked Sendable {  // Touched only on the notice's queue.
        var result: Result<UInt32, any Error>?
        var connection: BusConnection?
    }
}
