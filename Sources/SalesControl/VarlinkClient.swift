#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A blocking Varlink client for command-line tools: one connection, one call at a time.
///
/// Not thread-safe; use it from one thread. After a stream is stopped or an error broke the
/// connection, the next call reconnects.
public final class VarlinkClient {
    /// The socket path connected to.
    public let path: String
    /// Seconds allowed to connect, and to wait for each reply of ``call(_:_:)``.
    public let timeout: TimeInterval
    private let maxReplySize: Int
    private var fd: Int32 = -1
    private var framer: VarlinkFramer
    /// Whether the last call was sent whole: after that, a lost answer leaves its outcome unknown.
    public private(set) var lastCallSent = false

    /// Connects to the server at `path`.
    ///
    /// - Parameters:
    ///   - timeout: seconds to connect and to wait for each reply (default 5).
    ///   - maxReplySize: the largest reply accepted, in bytes (default 16 MiB).
    public init(path: String, timeout: TimeInterval = 5, maxReplySize: Int = 16 << 20) throws(VarlinkClientError) {
        self.path = path
        self.timeout = timeout
        self.maxReplySize = maxReplySize
        framer = VarlinkFramer(maxMessageSize: maxReplySize)
        try connect()
    }

    deinit { disconnect() }

    /// Calls `method` and returns the reply's parameters as `R`; a Varlink error reply throws `.remote`.
    public func call<R: Decodable>(
        _ method: String, _ parameters: some Encodable, replying type: R.Type
    ) throws(VarlinkClientError) -> R {
        try send(try makeCall(method, parameters, more: false))
        let reply = try receive(timeout: timeout)
        guard !reply.continues else {
            disconnect()
            throw .protocolViolation("\(method) sent several replies to a call without \"more\"")
        }
        return try decode(reply, as: type, of: method)
    }

    /// Calls `method` with `more` and hands each reply to `each` until the server ends the stream
    /// or `each` returns false (which closes the connection: that is how Varlink cancels a stream).
    ///
    /// - Parameter timeout: seconds to wait for each reply; nil (the default) waits forever.
    public func stream<R: Decodable>(
        _ method: String, _ parameters: some Encodable, replying type: R.Type, timeout: TimeInterval? = nil,
        _ each: (R) -> Bool
    ) throws(VarlinkClientError) {
        try send(try makeCall(method, parameters, more: true))
        while true {
            let reply = try receive(timeout: timeout)
            guard each(try decode(reply, as: type, of: method)) else {
                disconnect()
                return
            }
            if !reply.continues { return }
        }
    }

    private func makeCall(_ method: String, _ parameters: some Encodable, more: Bool) throws(VarlinkClientError) -> VarlinkCall {
        do {
            return try VarlinkCall(method: method, parameters: parameters, more: more)
        } catch {
            throw .protocolViolation("the parameters of \(method) could not be encoded: \(error)")
        }
    }

    private func decode<R: Decodable>(_ reply: VarlinkReply, as type: R.Type, of method: String) throws(VarlinkClientError) -> R {
        do {
            return try reply.parameters(type)
        } catch {
            disconnect()
            throw .protocolViolation("the reply to \(method) is not what this client expects (\(error)); is the daemon another version?")
        }
    }

    /// Closes the connection; the next call reconnects.
    public func close() { disconnect() }

    // MARK: Connection

    private func connect() throws(VarlinkClientError) {
        let socket = UnixSocket.makeStreamSocket(nonBlocking: false)
        guard socket >= 0 else { throw .unreachable(path: path, reason: UnixSocket.describe(errno: errno)) }
        // On Unix sockets, a blocking connect honours SO_SNDTIMEO while the server's backlog is full.
        setTimeout(socket, SO_SNDTIMEO, timeout)
        if let code = UnixSocket.connect(socket, to: path) {
            Glibc.close(socket)
            if code == EAGAIN || code == EINPROGRESS { throw .timeout }
            throw .unreachable(path: path, reason: UnixSocket.describe(errno: code))
        }
        // A server of another user could be a fake that records nothing: ask the kernel who it is
        // before sending a byte.
        guard let peer = UnixSocket.peer(of: socket), peer.uid == geteuid() else {
            let uid = UnixSocket.peer(of: socket)?.uid ?? UInt32.max
            Glibc.close(socket)
            throw .untrustedServer(path: path, uid: uid)
        }
        fd = socket
        framer = VarlinkFramer(maxMessageSize: maxReplySize)
    }

    private func disconnect() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private func setTimeout(_ socket: Int32, _ option: Int32, _ seconds: TimeInterval?) {
        let total = max(0, seconds ?? 0)
        var value = timeval(tv_sec: Int(total), tv_usec: Int((total - total.rounded(.down)) * 1_000_000))
        if seconds != nil, value.tv_sec == 0, value.tv_usec == 0 { value.tv_usec = 1 }  // 0 would mean "forever"
        _ = setsockopt(socket, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private func send(_ call: VarlinkCall) throws(VarlinkClientError) {
        lastCallSent = false
        if fd < 0 { try connect() }
        defer { if fd >= 0 { lastCallSent = true } }
        let bytes = call.encoded()
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { UnixSocket.send(fd, UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            if sent > 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                disconnect()
                throw .timeout
            }
            // The server may have said why before hanging up (PermissionDenied): prefer its words.
            do {
                _ = try receive(timeout: timeout)
            } catch {
                if case .remote = error {
                    disconnect()
                    throw error
                }
            }
            disconnect()
            throw .protocolViolation("the connection closed while sending \(call.method): \(UnixSocket.describe(errno: code))")
        }
    }

    /// The next reply; an error reply throws `.remote`. Any other failure drops the connection.
    private func receive(timeout: TimeInterval?) throws(VarlinkClientError) -> VarlinkReply {
        guard fd >= 0 else { throw .protocolViolation("not connected") }
        setTimeout(fd, SO_RCVTIMEO, timeout)
        while true {
            let message: [UInt8]?
            do {
                message = try framer.nextMessage()
            } catch {
                disconnect()
                throw .protocolViolation(error.description)
            }
            if let message {
                let reply: VarlinkReply
                do {
                    reply = try VarlinkReply(decoding: message)
                } catch {
                    disconnect()
                    throw .protocolViolation(error.description)
                }
                if let error = reply.error {
                    if reply.continues { disconnect() }
                    throw .remote(error: error, reply: reply)
                }
                return reply
            }
            try readMore()
        }
    }

    private func readMore() throws(VarlinkClientError) {
        let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { buffer -> Int in
            let n = recv(fd, buffer.baseAddress, buffer.count, 0)
            if n > 0 { framer.append(UnsafeBufferPointer(rebasing: buffer[0..<n])) }
            return n
        }
        if count > 0 { return }
        let code = errno
        if count < 0, code == EINTR { return }
        disconnect()
        if count == 0 { throw .protocolViolation("the daemon closed the connection before replying") }
        if code == EAGAIN || code == EWOULDBLOCK { throw .timeout }
        throw .protocolViolation("reading the reply failed: \(UnixSocket.describe(errno: code))")
    }
}
