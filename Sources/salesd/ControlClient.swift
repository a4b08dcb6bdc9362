import Foundation
import SalesContract
import SalesControl

/// Calls `io.salesd.Control` methods, turning every failure into a ``CommandFailure`` with salesd's exit codes.
struct ControlClient {
    var socketPath: String

    /// Sends `call` and returns its typed reply.
    func call<C: ControlCall>(_ call: C) throws(CommandFailure) -> C.Reply {
        do {
            return try VarlinkClient(path: socketPath).call(C.qualifiedName, call, replying: C.Reply.self)
        } catch {
            throw ControlFailure.failure(for: error, socket: socketPath)
        }
    }

    /// Sends `call` with `more` and hands each reply to `body` as it arrives, until the daemon ends the stream.
    func stream<C: ControlCall>(_ call: C, _ body: (C.Reply) -> Void) throws(CommandFailure) {
        do {
            try VarlinkClient(path: socketPath).stream(C.qualifiedName, call, replying: C.Reply.self) { reply in
                body(reply)
                return true
            }
        } catch {
            throw ControlFailure.failure(for: error, socket: socketPath)
        }
    }
}
