import CSystemd
import Dispatch
import Glibc

/// A D-Bus connection through sd-bus, driven by the caller's serial queue.
///
/// sd-bus is not thread-safe: every method must be called on `queue`, and the connection's
/// own sources run there too. A read source on the bus fd feeds `sd_bus_process`; a write
/// source exists only while sd-bus has output queued (`POLLOUT`), and a timer follows
/// `sd_bus_get_timeout` so calls time out even when the peer never answers. Only
/// asynchronous calls are offered: nothing here ever waits on the bus. Release it on `queue`
/// as well, as its deinit closes the bus.
final class BusConnection: @unchecked Sendable {  // All state is touched only on `queue`.
    let queue: DispatchQueue
    /// Called on `queue` when the bus daemon closes the connection; the connection is then dead.
    var onDisconnect: ((BusError) -> Void)?

    private var bus: OpaquePointer?
    private let readSource: any DispatchSourceRead
    private var writeSource: (any DispatchSourceWrite)?
    private let timer: any DispatchSourceTimer
    private var processing = false
    private var closeRequested = false

    /// Connects to the user's session bus (`DBUS_SESSION_BUS_ADDRESS`, else `$XDG_RUNTIME_DIR/bus`).
    static func sessionBus(queue: DispatchQueue) throws(BusError) -> BusConnection {
        var bus: OpaquePointer?
        let result = sd_bus_open_user(&bus)
        guard result >= 0, let bus else { throw BusError(operation: "connect to the session bus", code: -result) }
        return BusConnection(bus: bus, queue: queue)
    }

    /// Connects to the bus at a D-Bus `address` such as `unix:path=/tmp/bus`.
    static func connect(address: String, queue: DispatchQueue) throws(BusError) -> BusConnection {
        var bus: OpaquePointer?
        let operation = "connect to the bus at \"\(address)\""
        var result = sd_bus_new(&bus)
        guard result >= 0, let bus else { throw BusError(operation: operation, code: -result) }
        result = sd_bus_set_address(bus, address)
        if result >= 0 { result = sd_bus_set_bus_client(bus, 1) }
        if result >= 0 { result = sd_bus_start(bus) }
        guard result >= 0 else {
            sd_bus_close_unref(bus)
            throw BusError(operation: operation, code: -result)
        }
        return BusConnection(bus: bus, queue: queue)
    }

    private init(bus: OpaquePointer, queue: DispatchQueue) {
        self.bus = bus
        self.queue = queue
        readSource = DispatchSource.makeReadSource(fileDescriptor: sd_bus_get_fd(bus), queue: queue)
        timer = DispatchSource.makeTimerSource(queue: queue)
        readSource.setEventHandler { [weak self] in self?.drain() }
        timer.setEventHandler { [weak self] in self?.drain() }
        timer.schedule(deadline: .distantFuture)
        readSource.resume()
        timer.resume()
        drain()
    }

    deinit { close() }

    /// Whether the connection is still usable.
    var isOpen: Bool { bus != nil && !closeRequested }

    /// A new method call to fill with arguments and pass to `call`.
    func methodCall(destination: String, path: String, interface: String, member: String) throws(BusError)
        -> BusMessage
    {
        guard let bus, !closeRequested else { throw Self.closed(member) }
        var message: OpaquePointer?
        let result = sd_bus_message_new_method_call(bus, &message, destination, path, interface, member)
        guard result >= 0, let message else { throw BusError(operation: "build \(member)", code: -result) }
        return BusMessage(adopting: message)
    }

    /// Sends `message` and calls `reply` on `queue` with the answer, an error reply, or a
    /// timeout after `timeout`. `reply` runs later, never before `call` returns, and never if
    /// the connection is closed first.
    func call(
        _ message: BusMessage, timeout: Duration, reply: @escaping (BusMessage) -> Void
    ) throws(BusError) {
        let operation = "send a D-Bus call"
        guard let bus, !closeRequested else { throw Self.closed("call") }
        guard message.failure >= 0 else { throw BusError(operation: "build a D-Bus call", code: -message.failure) }
        let box = Unmanaged.passRetained(BusHandler(reply))
        var slot: OpaquePointer?
        let usec = UInt64(timeout.components.seconds) * 1_000_000
            + UInt64(timeout.components.attoseconds / 1_000_000_000_000)
        let result = sd_bus_call_async(bus, &slot, message.pointer, busHandlerTrampoline, box.toOpaque(), usec)
        guard result >= 0, let slot else {
            box.release()
            throw BusError(operation: operation, code: -result)
        }
        BusHandler.attach(box.toOpaque(), to: slot)
        rearmUnlessProcessing(bus)
    }

    /// Calls `handler` on `queue` for every message matching the D-Bus match `rule`, for as
    /// long as the connection lives. The rule is installed without waiting for the bus daemon.
    func addMatch(_ rule: String, handler: @escaping (BusMessage) -> Void) throws(BusError) {
        guard let bus, !closeRequested else { throw Self.closed("AddMatch") }
        let box = Unmanaged.passRetained(BusHandler(handler))
        var slot: OpaquePointer?
        let result = sd_bus_add_match_async(bus, &slot, rule, busHandlerTrampoline, nil, box.toOpaque())
        guard result >= 0, let slot else {
            box.release()
            throw BusError(operation: "watch D-Bus signals matching \(rule)", code: -result)
        }
        BusHandler.attach(box.toOpaque(), to: slot)
        rearmUnlessProcessing(bus)
    }

    /// Closes the connection; pending calls are dropped without calling their reply handlers.
    /// Safe to call from a handler: the bus is then closed once processing returns.
    func close() {
        if processing {
            closeRequested = true
            return
        }
        guard let bus else { return }
        self.bus = nil
        onDisconnect = nil
        let finished = DispatchGroup()
        for source in [readSource, writeSource as (any DispatchSourceProtocol)?, timer].compactMap({ $0 }) {
            finished.enter()
            source.setCancelHandler { finished.leave() }
            source.cancel()
        }
        writeSource = nil
        // sd-bus owns the fd: free the bus (closing the fd) only once no source watches it.
        nonisolated(unsafe) let closing = bus
        finished.notify(queue: queue) { sd_bus_close_unref(closing) }
    }

    /// Runs sd-bus until it has nothing left to do, then re-arms the sources it asks for.
    private func drain() {
        guard let bus, !processing else { return }
        processing = true
        var result: Int32 = 1
        while result > 0 && !closeRequested {
            result = sd_bus_process(bus, nil)
        }
        processing = false
        if closeRequested {
            closeRequested = false
            close()
            return
        }
        if result < 0 {
            lost(BusError(operation: "talk to the bus", code: -result))
            return
        }
        rearm(bus)
    }

    /// Arms the write source and timer for what was just queued. Inside `drain` the loop
    /// re-arms when it ends; processing here would run handlers before the caller is ready.
    private func rearmUnlessProcessing(_ bus: OpaquePointer) {
        if !processing { rearm(bus) }
    }

    private func rearm(_ bus: OpaquePointer) {
        let events = sd_bus_get_events(bus)
        guard events >= 0 else {
            lost(BusError(operation: "talk to the bus", code: -events))
            return
        }
        if events & Int32(POLLOUT) != 0 {
            if writeSource == nil {
                let source = DispatchSource.makeWriteSource(fileDescriptor: sd_bus_get_fd(bus), queue: queue)
                source.setEventHandler { [weak self] in self?.drain() }
                source.resume()
                writeSource = source
            }
        } else if let source = writeSource {
            source.cancel()
            writeSource = nil
        }
        var deadline: UInt64 = 0
        if sd_bus_get_timeout(bus, &deadline) > 0 && deadline != UInt64.max {
            // sd-bus deadlines are CLOCK_MONOTONIC µs; Dispatch takes a delay from now.
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let nowUsec = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
            let delay = deadline > nowUsec ? deadline - nowUsec : 0
            timer.schedule(deadline: .now() + .microseconds(Int(clamping: delay)))
        } else {
            timer.schedule(deadline: .distantFuture)
        }
    }

    private func lost(_ error: BusError) {
        let handler = onDisconnect
        close()
        handler?(error)
    }

    private static func closed(_ member: String) -> BusError {
        BusError(operation: "send \(member)", code: ENOTCONN, message: "the bus connection is closed")
    }
}
