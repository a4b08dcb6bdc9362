import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A Varlink server on a Unix socket, served on one serial queue: a Dispatch source accepts,
/// a ``SocketPoller`` watches the clients.
///
/// It answers `org.varlink.service` itself, refuses unknown interfaces and methods, and hands
/// every other call to `handler` on `queue`. Only clients running as `allowedUID` are served.
/// ``start(path:)``, ``start(listeningFD:socketPath:)`` and ``stop()`` may be called from any
/// thread, `queue` included; stop the server before releasing it.
public final class VarlinkServer: @unchecked Sendable {
    // All mutable state is confined to `queue` (checked by dispatchPrecondition on entry points).

    /// Called on `queue` for each call to one of the service's own interfaces.
    public typealias Handler = (VarlinkRequest) -> Void

    /// The serial queue that owns the server, its connections and the handler's state.
    public let queue: DispatchQueue
    public let service: VarlinkServiceInfo
    /// The largest accepted message in bytes; a client sending more is disconnected.
    public let maxMessageSize: Int
    /// Connections beyond this many are closed right after accept.
    public let maxConnections: Int
    /// Seconds a client may take to finish a message it started sending.
    public let idleTimeout: TimeInterval
    /// Bytes of replies a client may leave unread before it is disconnected.
    public let maxOutputBuffer: Int
    /// The only user id allowed to talk to the server (default: the server's effective uid).
    public let allowedUID: UInt32
    /// The Varlink error a client gets when every connection is busy (parameters: kind, message).
    public var busyError = "org.varlink.service.PermissionDenied"
    /// Receives one-line notes about refused or dropped clients (for the log); called on `queue`.
    public var onDiagnostic: ((String) -> Void)?

    private let handler: Handler
    private let interfaces: [String: VarlinkServiceInfo.Interface]
    private var listenFD: Int32 = -1
    private var listener: DispatchSourceRead?
    private var listenerSuspended = false
    /// The socket file this server created, identified by device and inode so stop() never
    /// removes a file that replaced it.
    private var ownedSocket: (path: String, device: UInt64, inode: UInt64)?
    private var connections: [UInt64: VarlinkConnection] = [:]
    private var poller: SocketPoller?
    private var nextToken: UInt64 = 1
    /// A descriptor held in reserve: when the process runs out, giving it up lets the server
    /// accept one more client to make room for or to tell why it is refused.
    private var reserveFD: Int32 = -1
    /// Marks `queue`, so start() and stop() know whether they already run on it.
    private let queueKey = DispatchSpecificKey<Bool>()

    /// - Parameters:
    ///   - queue: the serial queue every handler and callback runs on.
    ///   - service: what GetInfo reports and the interfaces served.
    ///   - maxMessageSize: largest call accepted, in bytes (default 64 KiB).
    ///   - maxConnections: simultaneous clients (default 128).
    ///   - idleTimeout: seconds to finish a started message (default 30).
    ///   - maxOutputBuffer: unread reply bytes tolerated per client (default 1 MiB).
    ///   - allowedUID: the user allowed to connect (default: this process's effective uid).
    ///   - handler: answers calls to the service's interfaces.
    public init(
        queue: DispatchQueue,
        service: VarlinkServiceInfo,
        maxMessageSize: Int = VarlinkFramer.defaultMaxMessageSize,
        maxConnections: Int = 128,
        idleTimeout: TimeInterval = 30,
        maxOutputBuffer: Int = 1 << 20,
        allowedUID: UInt32 = geteuid(),
        handler: @escaping Handler
    ) {
        self.queue = queue
        self.service = service
        self.maxMessageSize = maxMessageSize
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.maxOutputBuffer = maxOutputBuffer
        self.allowedUID = allowedUID
        self.handler = handler
        interfaces = Dictionary(service.allInterfaces.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        queue.setSpecific(key: queueKey, value: true)
    }

    /// Runs `body` on `queue`, directly when already there.
    private func onQueue<T>(_ body: () -> T) -> T {
        DispatchQueue.getSpecific(key: queueKey) == true ? body() : queue.sync(execute: body)
    }

    /// Number of open client connections.
    public var connectionCount: Int {
        dispatchPrecondition(condition: .onQueue(queue))
        return connections.count
    }

    /// Binds `path` (see ``bindSocket(path:)``) and serves it; stop() removes the socket file.
    public func start(path: String) throws(VarlinkServerError) {
        let fd = try Self.bindSocket(path: path)
        do {
            try start(listeningFD: fd, socketPath: path)
        } catch {
            Glibc.close(fd)
            unlink(path)
            throw error
        }
    }

    /// Serves an already listening socket, e.g. one passed by systemd socket activation.
    ///
    /// - Parameter socketPath: the socket file to remove on stop(), if this process created it.
    /// - Throws: `.system` when the process cannot watch clients (it is out of descriptors);
    ///   `fd` is then left to the caller.
    public func start(listeningFD fd: Int32, socketPath: String? = nil) throws(VarlinkServerError) {
        try onQueue { Result { () throws(VarlinkServerError) in try startOnQueue(listeningFD: fd, socketPath: socketPath) } }.get()
    }

    private func startOnQueue(listeningFD fd: Int32, socketPath: String?) throws(VarlinkServerError) {
        precondition(listener == nil, "VarlinkServer started twice")
        do {
            poller = try SocketPoller(queue: queue) { [weak self] event in self?.connections[event.token]?.ready(event) }
        } catch {
            throw .system(operation: error.operation, path: socketPath ?? "descriptor \(fd)", errno: error.errno)
        }
        UnixSocket.setNonBlocking(fd)
        listenFD = fd
        if let socketPath, let identity = Self.identity(of: socketPath) {
            ownedSocket = (socketPath, identity.device, identity.inode)
        }
        holdReserveDescriptor()
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.acceptPending() }
        source.setCancelHandler { Glibc.close(fd) }
        listener = source
        source.resume()
    }

    /// Closes the listener and every connection (streams get `onClose`), and removes the socket
    /// file if this server created it.
    public func stop() {
        onQueue { stopOnQueue() }
    }

    private func stopOnQueue() {
        if let listener {
            listener.cancel()
            if listenerSuspended { listener.resume() }
        }
        listener = nil
        listenerSuspended = false
        for connection in Array(connections.values) { connection.close() }
        poller?.stop()
        poller = nil
        if reserveFD >= 0 { Glibc.close(reserveFD) }
        reserveFD = -1
        if let owned = ownedSocket, let identity = Self.identity(of: owned.path),
           identity.device == owned.device, identity.inode == owned.inode {
            unlink(owned.path)
        }
        ownedSocket = nil
    }

    // MARK: Accepting

    private func acceptPending() {
        while true {
            // accept4 is not exported by Swift's Glibc module; set the flags right after.
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                let code = errno
                switch code {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    if code == EMFILE || code == ENFILE, reserveFD >= 0 {
                        // One client per wake: the listener fires again while clients wait, and
                        // those just admitted get their calls read first, so none of them looks idle.
                        acceptWithReserve(reason: UnixSocket.describe(errno: code))
                        return
                    }
                    // Accepting again at once would spin; wait until a connection's descriptor is closed.
                    diagnose("cannot accept a client: \(UnixSocket.describe(errno: code)), pausing until a client leaves")
                    if !listenerSuspended, let listener {
                        listener.suspend()
                        listenerSuspended = true
                    }
                    return
                default:
                    diagnose("cannot accept a client: \(UnixSocket.describe(errno: code)), ignoring")
                    return
                }
            }
            UnixSocket.setNonBlocking(fd)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            admit(fd)
        }
    }

    /// Out of descriptors: gives up the reserve to accept the waiting client, then makes room for
    /// it (a watcher or an idle client leaves) or tells it why it is refused.
    private func acceptWithReserve(reason: String) {
        Glibc.close(reserveFD)
        reserveFD = -1
        let fd = accept(listenFD, nil, nil)
        guard fd >= 0 else { return holdReserveDescriptor() }
        UnixSocket.setNonBlocking(fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if makeRoom(reason: reason) {
            // The reserve comes back once the closed connection's descriptor is released.
            admit(fd)
        } else {
            refuseBusy(fd, note: "\(reason) and every connection is busy")
            holdReserveDescriptor()
        }
    }

    private func holdReserveDescriptor() {
        if reserveFD < 0 { reserveFD = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }

    private func descriptorReleased() {
        holdReserveDescriptor()
        if listenerSuspended, let listener {
            listenerSuspended = false
            listener.resume()
        }
    }

    /// Tells a client it cannot be served now, in a Varlink error it can print, and hangs up.
    private func refuseBusy(_ fd: Int32, note: String) {
        diagnose("refused a client: \(note)")
        let message = "the daemon is serving too many clients at once to take another; try again in a moment"
        let reply = VarlinkReply.failure(busyError, parameters: ["kind": "Busy", "message": message]).encoded()
        _ = reply.withUnsafeBytes { UnixSocket.send(fd, $0) }
        Glibc.close(fd)
    }

    private func admit(_ fd: Int32) {
        guard let peer = UnixSocket.peer(of: fd) else {
            diagnose("refused a client whose credentials cannot be read")
            Glibc.close(fd)
            return
        }
        guard peer.uid == allowedUID else {
            diagnose("refused a client of uid \(peer.uid) (pid \(peer.pid)): only uid \(allowedUID) may connect")
            let reply = VarlinkReply.failure(VarlinkService.permissionDenied).encoded()
            _ = reply.withUnsafeBytes { UnixSocket.send(fd, $0) }
            Glibc.close(fd)
            return
        }
        // Idle clients and watchers must not lock a person's command out: when full, the one idle
        // the longest, else the oldest stream, makes room.
        if connections.count >= maxConnections {
            _ = makeRoom(reason: "already \(maxConnections) connections")
        }
        guard connections.count < maxConnections else {
            return refuseBusy(fd, note: "pid \(peer.pid): already \(maxConnections) connections, all busy")
        }
        guard let poller else {
            Glibc.close(fd)
            return
        }
        let connection = VarlinkConnection(fd: fd, token: nextToken, peer: peer, server: self, poller: poller)
        nextToken += 1
        connections[connection.token] = connection
        connection.start()
    }

    /// Closes the connection idle the longest, else the longest-running stream; false if every
    /// connection is busy with a call.
    private func makeRoom(reason: String) -> Bool {
        let open = connections.values
        let victim = open.filter(\.isIdle).min { $0.lastActivity < $1.lastActivity }
            ?? open.filter(\.isStreaming).min { $0.streamStarted < $1.streamStarted }
        guard let victim else { return false }
        diagnose("\(reason): closing the \(victim.isIdle ? "longest-idle connection" : "oldest stream") "
            + "(pid \(victim.peer.pid)) to admit a new client")
        victim.close()
        return true
    }

    /// A connection closed its descriptor: it leaves, the reserve is refilled and accepting resumes.
    func connectionClosed(_ connection: VarlinkConnection) {
        connections[connection.token] = nil
        descriptorReleased()
    }

    func diagnose(_ note: String) {
        onDiagnostic?(note)
    }

    // MARK: Routing

    /// Answers `org.varlink.service` and refuses unknown names; the rest goes to the handler.
    func route(_ request: VarlinkRequest) {
        let call = request.call
        switch call.method {
        case VarlinkService.getInfo:
            request.reply(service.getInfoReply)
        case VarlinkService.getInterfaceDescription:
            guard let name = try? request.parameters(InterfaceParameter.self).interface else {
                request.fail(VarlinkService.invalidParameter, ["parameter": "interface"])
                return
            }
            guard let interface = interfaces[name] else {
                request.fail(VarlinkService.interfaceNotFound, ["interface": name])
                return
            }
            request.reply(["description": interface.description])
        default:
            guard let interface = interfaces[call.interface] else {
                request.fail(VarlinkService.interfaceNotFound, ["interface": call.interface])
                return
            }
            guard interface.name != VarlinkService.interface, interface.methods.contains(request.methodName) else {
                request.fail(VarlinkService.methodNotFound, ["method": call.method])
                return
            }
            guard !call.upgrade else {
                // No method of this server switches protocols.
                request.fail(VarlinkService.invalidParameter, ["parameter": "upgrade"])
                return
            }
            handler(request)
        }
    }
}

/// The parameters of `org.varlink.service.GetInterfaceDescription`.
private struct InterfaceParameter: Decodable {
    let interface: String
}
