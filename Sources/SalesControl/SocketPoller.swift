import CEpoll
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Tells a queue when its client sockets can be read or written, from an epoll set of its own.
///
/// Client sockets are not watched with Dispatch sources: libdispatch's epoll backend can
/// finalize a read source twice when a client's hang-up is merged while a worker thread
/// unregisters the same source, and then traps ("Source finalized twice"). Short calls that
/// hang up right after their answer hit that race every few thousand connections.
///
/// Dispatch watches only the set's own descriptor, which never hangs up and lives as long as
/// the poller; the events are fetched and handed to `deliver` on `queue`, in the same turn.
/// Each registration fires once (`EPOLLONESHOT`) and stays quiet until
/// ``watch(_:token:for:)`` arms it again, so the owner decides what it waits for. Events name
/// a token, never a descriptor: a socket closed while handling an earlier event of the same
/// batch, its number perhaps reused, names a token that is gone.
final class SocketPoller: @unchecked Sendable {
    // Confined to `queue`: the source's handler, and every call, run there.

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

    /// The set's descriptor, closed once stop() has cancelled its source.
    let epollFD: Int32
    private let source: DispatchSourceRead
    private let deliver: (Event) -> Void
    /// Reused by every fetch.
    private var fetched = [epoll_event](repeating: epoll_event(), count: 64)

    /// Fails with errno when the process is out of descriptors.
    ///
    /// - Parameter deliver: called on `queue` for each event.
    init(queue: DispatchQueue, deliver: @escaping (Event) -> Void) throws(SystemCallError) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SystemCallError(operation: "epoll_create1", errno: errno) }
        epollFD = fd
        self.deliver = deliver
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        // The handler holds the poller until stop() cancels the source.
        source.setEventHandler { self.fetch() }
        source.setCancelHandler { Glibc.close(fd) }
        source.resume()
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

    /// Stops watching everything and closes the set; nothing is delivered after.
    func stop() {
        source.cancel()
    }

    private func control(_ operation: Int32, _ fd: Int32, token: UInt64, interest: Interest) -> Bool {
        var event = epoll_event(events: interest.rawValue | EPOLLONESHOT.rawValue, data: epoll_data_t(u64: token))
        return epoll_ctl(epollFD, operation, fd, &event) == 0
    }

    /// Takes what is ready now without waiting; Dispatch calls again while more is.
    private func fetch() {
        guard !source.isCancelled else { return }
        let count = fetched.withUnsafeMutableBufferPointer { buffer in
            epoll_wait(epollFD, buffer.baseAddress, Int32(buffer.count), 0)
        }
        // Only fetch() writes `fetched`, so handlers may add, arm and remove sockets meanwhile.
        for index in 0..<max(0, Int(count)) where !source.isCancelled {
            deliver(Event(token: fetched[index].data.u64, events: fetched[index].events))
        }
    }
}
