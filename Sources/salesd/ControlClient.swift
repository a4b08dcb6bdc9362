import Foundation
import SalesContract
import SalesControl

/// Calls `io.salesd.Control` methods, turning every failure into a ``CommandFailure`` with salesd's exit codes.
struct ControlClient {
    var socketPath: String
    /// The key for the next recording call (`--request`), else a new one per call.
    var request: String?
    /// How long a recording call keeps retrying (with its request key) before the outcome is unknown.
    var patience: TimeInterval = 15

    /// Sends `call` and returns its typed reply.
    func call<C: ControlCall>(_ call: C) throws(CommandFailure) -> C.Reply {
        do {
            return try VarlinkClient(path: socketPath).call(C.qualifiedName, call, replying: C.Reply.self)
        } catch {
            throw ControlFailure.failure(for: error, socket: socketPath)
        }
    }

    /// Sends a call that may change the ledger until it gets a definite answer: a lost answer
    /// is retried with the same request key, which the daemon recognises, so nothing counts
    /// twice. When the daemon stays silent, the outcome is unknown: exit 4, with how to check.
    func call<C: RecordingCall>(_ call: C) throws(CommandFailure) -> C.Reply {
        var call = call
        if call.request == nil { call.request = request ?? UUID().uuidString }
        let deadline = Date().addingTimeInterval(patience)
        var sentOnce = false
        while true {
            var client: VarlinkClient?
            do {
                client = try VarlinkClient(path: socketPath)
                return try client!.call(C.qualifiedName, call, replying: C.Reply.self)
            } catch {
                sentOnce = sentOnce || client?.lastCallSent == true
                // The daemon answered (a lost earlier try would have been answered "already"): definite.
                if case .remote = error { throw ControlFailure.failure(for: error, socket: socketPath) }
                // Nothing ever reached it: definitely nothing recorded, and no reason to wait.
                guard sentOnce else { throw ControlFailure.failure(for: error, socket: socketPath) }
                guard Self.mayClearUp(error), Date() < deadline else {
                    throw ControlFailure.unknownOutcome(of: C.method, request: call.request!, socket: socketPath)
                }
                // A restarting daemon or a ledger locked for a moment: ask again shortly.
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    /// Whether a failure after the call was sent may clear up (a restart, a lock), so asking
    /// again with the same request key can still get the answer.
    private static func mayClearUp(_ error: VarlinkClientError) -> Bool {
        switch error {
        case .timeout, .protocolViolation: true
        case .unreachable(_, let reason): !reason.contains("Permission denied")
        case .remote, .untrustedServer: false
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
