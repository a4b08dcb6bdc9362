import Foundation
import SalesControl

/// Calls `io.salesd.Control` methods, turning every failure into a ``CommandFailure`` with salesd's exit codes.
struct ControlClient {
    var socketPath: String

    /// Calls `method` (e.g. `Done`) and returns the reply's parameters.
    func call(_ method: String, _ parameters: [String: JSONValue?] = [:]) throws(CommandFailure) -> [String: JSONValue] {
        do {
            return try VarlinkClient(path: socketPath).call(qualified(method), parameters.compactMapValues { $0 })
        } catch {
            throw ControlFailure.failure(for: error, socket: socketPath)
        }
    }

    /// Calls `method` with `more` and hands each reply to `body` as it arrives, until the daemon ends the stream.
    func stream(_ method: String, _ parameters: [String: JSONValue?] = [:],
                _ body: ([String: JSONValue]) -> Void) throws(CommandFailure) {
        do {
            try VarlinkClient(path: socketPath).stream(qualified(method), parameters.compactMapValues { $0 }) { reply in
                body(reply)
                return true
            }
        } catch {
            throw ControlFailure.failure(for: error, socket: socketPath)
        }
    }

    private func qualified(_ method: String) -> String { ControlInterface.name + "." + method }
}
