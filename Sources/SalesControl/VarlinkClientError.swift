#if canImport(Glibc)
import Glibc
#endif

/// Why a call to a Varlink server did not return a result.
public enum VarlinkClientError: Error, Sendable, CustomStringConvertible {
    /// Nothing answers on the socket: it is missing, refuses connections or is not ours to open.
    case unreachable(path: String, reason: String)
    /// The server answered with a Varlink error, e.g. `io.salesd.Control.NoSuchAction`.
    case remote(error: String, reply: VarlinkReply)
    /// The server sent something that is not Varlink, or closed the connection mid-call.
    case protocolViolation(String)
    /// The server did not answer in time.
    case timeout
    /// What answers on the socket runs as another user: nothing was sent to it.
    case untrustedServer(path: String, uid: UInt32)

    /// The human message: a remote error's `message` parameter when it has one.
    public var message: String {
        switch self {
        case .unreachable(let path, let reason):
            return "cannot reach the daemon at \(path): \(reason)"
        case .remote(let error, let reply):
            if let message = (try? reply.parameters(MessageParameter.self))?.message { return message }
            return "the daemon refused: \(error)"
        case .protocolViolation(let detail):
            return "the daemon's answer made no sense: \(detail)"
        case .timeout:
            return "the daemon did not answer in time"
        case .untrustedServer(let path, let uid):
            return "what answers at \(path) runs as uid \(uid), not as you (uid \(geteuid())): nothing was sent to it"
        }
    }

    public var description: String { message }
}

/// The `message` every salesd error carries.
private struct MessageParameter: Decodable {
    let message: String?
}
