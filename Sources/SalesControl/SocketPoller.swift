import CEpoll
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Tells a queue when its client sockets can be read or written, from an epoll set and a thread
/// of its own.
///
/// Client sockets are not watched with Dispatch sources: libdispatch's epoll backend can
/// finalize a read source twice when a client's last bytes and its hang-up arrive in one event
/// while the source runs on a worker thread, and then traps ("Source finalized twice"). Short
/// calls that hang up right after their answer hit that race every few thousand connections.
///
/// Each registration fires once (`EPOLLONESHOT`) and stays quiet until ``watch(_:token:for:)``
/// arms it again, so the queue is never flooded and decides itself what it waits for. Events
/// reach `deliver` on `queue` by token, never by descriptor: an event fetched just before a
/// descriptor was removed (and its number reused) names a token that is gone.
final class SocketPoller: @unchecked Sendable {
    // epoll_ctl may be called from any thread; the thread only waits and hands events over.

    struct Interest: OptionSet, Sendable {
        let rawValue: UInt32
        static let read = Interest(rawValue: EPOLLIN.rawValue)
        static let write = Interest(rawValue: EPOLLOUT.rawValue)
    }

    /// A socket, by its token, and what it is ready for (the bits of `epoll_event.events`).
    struct Event: Sendable {
        let token: UInt64
        let events: UInt32
        /// Readable, or the client hung up or failed (a read then says which).
        var read: Bool { events & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 }
        /// Writable, or failed (a write then says why).
        var write: Bool { events & (EPOLLOUT.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 }
    }

    /// Receives, on `queue`, the events of one wait.
    typealias Deliver = @Sendable ([Event]) -> Void

    private let epollFD: Int32
    /// Signalled once by stop(); in the set under token 0, it ends the thread.
    private let stopFD: Int32
    private let queue: DispatchQueue
    private let deliver: Deliver

    /// Fails with the errno of the call that could not be made (the process is out of descriptors).
    init(queue: DispatchQueue, deliver: @escaping Deliver) throws(SystemCallError) {
        self.queue = queue
        self.deliver = deliver
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SystemCallError(operation: "epoll_create1", errno: errno) }
        stopFD = eventfd(0, Int32(EFD_CLOEXEC))
        guard stopFD >= 0 else {
            let code = errno
            Glibc.close(epollFD)
            throw SystemCallError(operation: "eventfd", errno: code)
        }
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(u64: 0))
        _ = epoll_ctl(epollFD, EPOLL_CTL_ADD, stopFD, &event)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        guard pthread_create(&thread, nil, { context in
            Unmanaged<SocketPoller>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context) == 0 else {
            let code = errno
            Unmanaged<SocketPoller>.fromOpaque(context).release()
            closeDescriptors()
            throw SystemCallError(operation: "pthread_create", errno: code)
        }
        pthread_detach(thread)
    }

    /// A failed system call and its errno.
    struct SystemCallError: Error {
        let operation: String
        let errno: Int32
    }

    /// Starts watching `fd`; false if the kernel refuses (the caller should close the client).
    func add(_ fd: Int32, token: UInt64, for interest: Interest) -> Bool {
        control(EPOLL_CTL_ADD, fd, token: token, interest: interest)
    }

    /// Arms `fd` again for `interest`; an empty interest leaves it quiet until the next call.
    func watch(_ fd: Int32, token: UInt64, for interest: Interest) {
        _ = control(EPOLL_CTL_MOD, fd, token: token, interest: interest)
    }

    /// Stops watching `fd`; call before closing it.
    func remove(_ fd: Int32) {
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    /// Ends the thread; events already fetched are still delivered (their tokens are gone).
    func stop() {
        var one: UInt64 = 1
        _ = write(stopFD, &one, MemoryLayout<UInt64>.size)
    }

    private func control(_ operation: Int32, _ fd: Int32, token: UInt64, interest: Interest) -> Bool {
        var event = epoll_event(events: interest.rawValue | EPOLLONESHOT.rawValue, data: epoll_data_t(u64: token))
        return epoll_ctl(epollFD, operation, fd, &event) == 0
    }

    private func run() {
        var events = [epoll_event](repeating: epoll_event(), count: 64)
        while true {
            let count = epoll_wait(epollFD, &events, Int32(events.count), -1)
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            let fired = events[0..<Int(count)]
            let stopping = fired.contains { $0.data.u64 == 0 }
            let batch = fired.filter { $0.data.u64 != 0 }.map { Event(token: $0.data.u64, events: $0.events) }
            if !batch.isEmpty {
                let deliver = self.deliver
                queue.async { deliver(batch) }
            }
            if stopping { break }
        }
        closeDescriptors()
    }

    private func closeDescriptors() {
        Glibc.close(stopFD)
        Glibc.close(epollFD)
    }
}
