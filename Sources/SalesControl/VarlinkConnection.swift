import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One accepted client: reads calls, answers them in order, and never lets a slow client block
/// the queue (non-blocking I/O, bounded buffers, a deadline on incomplete messages).
final class VarlinkConnection: @unchecked Sendable {
    // All mutable state is confined to `server.queue`, where the poller delivers its events.

    let fd: Int32
    /// Names the connection to the poller; never reused, unlike the descriptor's number.
    let token: UInt64
    let peer: UnixSocket.Peer
    private unowned let server: VarlinkServer
    private let poller: SocketPoller
    private var framer: VarlinkFramer
    /// Whether the client's calls are read now: not after it shut its side, nor while a call is
    /// pending and a whole message already waits behind it.
    private var reading = true
    /// What the poller is armed for; empty once an event fired, until armed again.
    private var armed: SocketPoller.Interest = []
    private var idleTimer: DispatchSourceTimer?
    private var output: [UInt8] = []
    private var outputStart = 0
    /// The call being answered; later calls wait in the framer so replies keep their order.
    private var current: VarlinkRequest?
    private var processing = false
    /// The client shut down its sending side; answer what was asked, then close.
    private var inputClosed = false
    private(set) var isOpen = true
    /// When the client last sent or was sent something; the idlest is evicted when the server is full.
    private(set) var lastActivity = DispatchTime.now()

    /// Open with nothing in flight: no call being answered (a Watch stream counts as one), no
    /// half-received message, no unsent reply.
    /// Streaming replies to a `more` call (a watcher): the first to make room for an interactive client.
    var isStreaming: Bool { isOpen && current?.more == true }
    /// When the current stream started, to evict the oldest first.
    private(set) var streamStarted = DispatchTime.now()

    var isIdle: Bool { isOpen && current == nil && !processing && !framer.hasIncompleteMessage && pendingOutput == 0 }

    private var pendingOutput: Int { output.count - outputStart }

    /// Whether the client has closed its socket, asked of the kernel now: a call still queued
    /// behind a slow one may belong to a client that already gave up. (A client that only shut
    /// down its sending side still waits for the answer; the kernel reports POLLHUP only once
    /// both directions are shut.)
    func peerHungUp() -> Bool {
        guard isOpen else { return true }
        var entry = pollfd(fd: fd, events: 0, revents: 0)
        guard poll(&entry, 1, 0) == 1 else { return false }
        return entry.revents & Int16(POLLHUP | POLLERR) != 0
    }

    init(fd: Int32, token: UInt64, peer: UnixSocket.Peer, server: VarlinkServer, poller: SocketPoller) {
        self.fd = fd
        self.token = token
        self.peer = peer
        self.server = server
        self.poller = poller
        framer = VarlinkFramer(maxMessageSize: server.maxMessageSize)
    }

    /// Starts reading calls; the server holds the connection until close().
    func start() {
        armed = .read
        guard poller.add(fd, token: token, for: .read) else {
            server.diagnose("closing connection from pid \(peer.pid): cannot watch its socket: \(UnixSocket.describe(errno: errno))")
            close()
            return
        }
    }

    /// The poller saw the socket ready; it stays quiet until armed again here.
    func ready(_ event: SocketPoller.Event) {
        armed = []
        guard isOpen else { return }
        if event.read, reading { readAvailable() }
        if event.write, isOpen, pendingOutput > 0 { flush() }
        arm()
    }

    /// Arms the poller for what the connection waits for now.
    private func arm() {
        guard isOpen else { return }
        var wanted: SocketPoller.Interest = []
        if reading { wanted.insert(.read) }
        if pendingOutput > 0 { wanted.insert(.write) }
        guard wanted != armed else { return }
        armed = wanted
        poller.watch(fd, token: token, for: wanted)
    }

    // MARK: Input

    private func readAvailable() {
        guard isOpen else { return }
        let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { buffer -> Int in
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n > 0 {
                framer.append(UnsafeBufferPointer(rebasing: buffer[0..<n]))
                lastActivity = .now()
            }
            return n
        }
        if count == 0 {
            inputClosed = true
            setReading(false)
            if current?.more == true || framer.hasIncompleteMessage {
                close()
                return
            }
        } else if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            close()
            return
        }
        processMessages(receivedBytes: count > 0)
    }

    private func processMessages(receivedBytes: Bool = false) {
        guard !processing, isOpen else { return }
        processing = true
        let progressed = takeCalls()
        processing = false
        guard isOpen else { return }
        updateIdleTimer(progressed: progressed || !receivedBytes)
        // Backpressure: stop reading while a call is pending and a full message is already waiting.
        setReading(!inputClosed && (current == nil || framer.bufferedByteCount < server.maxMessageSize))
        closeIfDone()
    }

    /// Hands complete calls to the server one at a time; true if any was taken.
    private func takeCalls() -> Bool {
        var progressed = false
        while isOpen, current == nil {
            let message: [UInt8]?
            do {
                message = try framer.nextMessage()
            } catch {
                server.diagnose("closing connection from pid \(peer.pid): \(error)")
                close()
                break
            }
            guard let message else { break }
            progressed = true
            let call: VarlinkCall
            do {
                call = try VarlinkCall(decoding: message)
            } catch {
                failAndClose(error)
                break
            }
            let request = VarlinkRequest(call: call, connection: self, queue: server.queue)
            if !call.oneway { current = request }
            if call.more { streamStarted = .now() }
            server.route(request)
        }
        return progressed
    }

    private func failAndClose(_ error: VarlinkProtocolError) {
        var parameter = "method"
        if case .invalidField(let field) = error { parameter = field }
        server.diagnose("closing connection from pid \(peer.pid): \(error)")
        output.append(contentsOf: VarlinkReply.failure(VarlinkService.invalidParameter, parameters: ["parameter": parameter]).encoded())
        flush()
        close()
    }

    private func setReading(_ on: Bool) {
        reading = on
        arm()
    }

    /// A slow-loris client must finish each message within `idleTimeout` of starting it.
    private func updateIdleTimer(progressed: Bool) {
        if progressed || !framer.hasIncompleteMessage {
            idleTimer?.cancel()
            idleTimer = nil
        }
        guard framer.hasIncompleteMessage, idleTimer == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: server.queue)
        timer.schedule(deadline: .now() + server.idleTimeout)
        timer.setEventHandler { [weak self] in
            guard let self, self.isOpen else { return }
            self.server.diagnose("closing connection from pid \(self.peer.pid): message incomplete after \(self.server.idleTimeout)s")
            self.close()
        }
        timer.resume()
        idleTimer = timer
    }

    // MARK: Output

    /// Queues a reply of the current call; the final one lets the next buffered call run.
    func enqueue(_ reply: VarlinkReply, final: Bool) {
        guard isOpen else { return }
        // The limit is on replies the client has not read yet, not on one reply: a plan of
        // thousands of actions makes a `Today` reply of megabytes.
        if pendingOutput > server.maxOutputBuffer {
            server.diagnose("closing connection from pid \(peer.pid): it reads no replies (\(pendingOutput) bytes waiting)")
            close()
            return
        }
        output.append(contentsOf: reply.encoded())
        lastActivity = .now()
        if final { current = nil }
        flush()
        if final { processMessages() }
    }

    private func flush() {
        guard isOpen else { return }
        while pendingOutput > 0 {
            let sent = output.withUnsafeBytes { raw in
                UnixSocket.send(fd, UnsafeRawBufferPointer(rebasing: raw[outputStart...]))
            }
            if sent > 0 {
                outputStart += sent
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                close()
                return
            }
        }
        if pendingOutput == 0 {
            output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
            outputStart = 0
        } else if outputStart > 64 * 1024 {
            output.removeSubrange(0..<outputStart)
            outputStart = 0
        }
        arm()
        closeIfDone()
    }

    // MARK: Closing

    private func closeIfDone() {
        guard isOpen, inputClosed, current == nil, pendingOutput == 0, !processing else { return }
        close()
    }

    /// Closes the connection now; a pending stream learns it through `onClose`.
    func close() {
        guard isOpen else { return }
        isOpen = false
        idleTimer?.cancel()
        idleTimer = nil
        // Out of the set before the number can be reused; an event already fetched names the token.
        poller.remove(fd)
        Glibc.close(fd)
        output = []
        outputStart = 0
        framer = VarlinkFramer(maxMessageSize: server.maxMessageSize)
        let request = current
        current = nil
        request?.connectionClosed()
        server.connectionClosed(self)
    }
}
