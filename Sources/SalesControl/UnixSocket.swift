#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the Unix-socket system calls the server and client share.
enum UnixSocket {
    /// Credentials of the process at the other end of a connected socket.
    struct Peer: Equatable {
        var pid: Int32
        var uid: UInt32
        var gid: UInt32
    }

    /// `sun_path` holds 108 bytes including the terminating NUL.
    static let maxPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// A new stream socket, close-on-exec, optionally non-blocking; -1 and errno on failure.
    static func makeStreamSocket(nonBlocking: Bool) -> Int32 {
        var type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        if nonBlocking { type |= Int32(SOCK_NONBLOCK.rawValue) }
        return socket(AF_UNIX, type, 0)
    }

    /// Runs `body` with the `sockaddr_un` for `path`; nil if the path does not fit.
    static func withAddress<R>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count <= maxPathLength else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// Connects `fd` to `path`; the errno of the failure, or nil on success (ENAMETOOLONG if it does not fit).
    static func connect(_ fd: Int32, to path: String) -> Int32? {
        let result = withAddress(path) { Glibc.connect(fd, $0, $1) }
        guard let result else { return ENAMETOOLONG }
        return result == 0 ? nil : errno
    }

    /// The peer's pid, uid and gid from `SO_PEERCRED`.
    ///
    /// Swift's Glibc module does not export `struct ucred`; it is three 32-bit fields.
    static func peer(of fd: Int32) -> Peer? {
        var fields: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: fields))
        let result = withUnsafeMutableBytes(of: &fields) { raw in
            getsockopt(fd, SOL_SOCKET, SO_PEERCRED, raw.baseAddress, &length)
        }
        guard result == 0, length == 12 else { return nil }
        return Peer(pid: fields.0, uid: fields.1, gid: fields.2)
    }

    /// Why `folder` cannot be trusted to hold this user's socket (another user owns it, or
    /// others may write to it), or nil when it can.
    static func untrustedFolderReason(_ folder: String) -> String? {
        var info = stat()
        guard stat(folder, &info) == 0 else { return "cannot be read (\(describe(errno: errno)))" }
        if info.st_uid != geteuid() { return "belongs to uid \(info.st_uid), not to you (uid \(geteuid()))" }
        if info.st_mode & 0o022 != 0 {
            return "is writable by others (mode \(String(info.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    /// Sends without raising SIGPIPE on a closed peer; bytes sent, or -1 and errno.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    }

    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
