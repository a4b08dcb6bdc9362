import Dispatch

/// One method call handed to the server's handler, and the way to answer it.
///
/// Answer once with ``reply(_:)`` or ``fail(_:parameters:)``. For a call made with `more`
/// (a stream such as `Watch`), keep the request and ``send(_:continues:)`` as often as needed;
/// ``onClose`` tells when the client went away. Oneway calls are never answered: replies to them
/// are dropped. Use it only on the server's queue.
public final class VarlinkRequest: @unchecked Sendable {
    // All mutable state is confined to the server's queue (checked by dispatchPrecondition).

    /// The call as received.
    public let call: VarlinkCall
    /// Process id of the client (from `SO_PEERCRED`).
    public let peerPID: Int32
    /// User id of the client (from `SO_PEERCRED`).
    public let peerUID: UInt32
    /// Called once, on the queue, if the connection closes before the final reply.
    public var onClose: (() -> Void)?

    private weak var connection: VarlinkConnection?
    private let queue: DispatchQueue
    private var finished: Bool

    init(call: VarlinkCall, connection: VarlinkConnection, queue: DispatchQueue) {
        self.call = call
        self.connection = connection
        self.queue = queue
        peerPID = connection.peer.pid
        peerUID = connection.peer.uid
        finished = call.oneway
    }

    /// Fully qualified method name (`io.salesd.Control.Status`).
    public var method: String { call.method }
    /// The interface part of the method name (`io.salesd.Control`).
    public var interface: String { call.interface }
    /// The method name without its interface (`Status`).
    public var methodName: String { String(call.method.dropFirst(call.interface.count + 1)) }
    /// The client accepts several replies.
    public var more: Bool { call.more }
    /// The client wants no reply.
    public var oneway: Bool { call.oneway }

    /// The call's parameters as `P`; see ``VarlinkCall/parameters(_:)``.
    public func parameters<P: Decodable>(_ type: P.Type) throws(VarlinkParameterError) -> P {
        try call.parameters(type)
    }

    /// True when the client has hung up, so nothing it asked for should be started.
    public var clientHasHungUp: Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        return finished || connection?.peerHungUp() ?? true
    }

    /// True while replies can still reach the client.
    public var isOpen: Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        return !finished && connection?.isOpen == true
    }

    /// Sends the final reply.
    public func reply(_ parameters: some Encodable) {
        send(encoding: parameters, continues: false, error: nil)
    }

    /// Sends the final reply with no parameters.
    public func reply() {
        reply([String: String]())
    }

    /// Sends a Varlink error as the final reply, e.g. `fail("io.salesd.Control.NoSuchAction", parameters: error)`.
    public func fail(_ error: String, parameters: some Encodable) {
        send(encoding: parameters, continues: false, error: error)
    }

    /// Sends a Varlink error without parameters, or with string ones (`["parameter": "day"]`).
    public func fail(_ error: String, _ parameters: [String: String] = [:]) {
        send(VarlinkReply.failure(error, parameters: parameters))
    }

    /// Sends one reply of a `more` call; `continues: false` ends the stream.
    ///
    /// A call made without `more` cannot be streamed: its first reply is always the final one.
    public func send(_ parameters: some Encodable, continues: Bool) {
        send(encoding: parameters, continues: continues && call.more, error: nil)
    }

    private func send(encoding parameters: some Encodable, continues: Bool, error: String?) {
        do {
            send(try VarlinkReply(parameters: parameters, continues: continues, error: error))
        } catch {
            // A reply type that cannot be encoded is a bug; the client still gets a definite answer.
            send(VarlinkReply.failure(VarlinkService.methodNotImplemented, parameters: ["method": call.method]))
        }
    }

    private func send(_ reply: VarlinkReply) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !finished else { return }
        if !reply.continues { finished = true }
        connection?.enqueue(reply, final: !reply.continues)
    }

    /// The connection closed: the request can no longer be answered.
    func connectionClosed() {
        guard !finished else { return }
        finished = true
        let callback = onClose
        onClose = nil
        callback?()
    }
}
