#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension VarlinkServer {
    /// Creates the listening control socket at `path`.
    ///
    /// Creates the parent folder (mode 0700) if missing, refuses a folder that another user owns or
    /// may write to, refuses if a server already answers on `path`, replaces a stale socket file,
    /// binds, sets mode 0600 and listens.
    /// - Returns: the listening, non-blocking, close-on-exec file descriptor.
    public static func bindSocket(path: String) throws(VarlinkServerError) -> Int32 {
        guard !path.isEmpty, path.utf8.count <= UnixSocket.maxPathLength else { throw .pathTooLong(path: path) }
        try makeParentFolder(of: path)
        try checkParentFolder(of: path)
        try removeStaleSocket(at: path)

        let fd = UnixSocket.makeStreamSocket(nonBlocking: true)
        guard fd >= 0 else { throw .system(operation: "socket", path: path, errno: errno) }
        let bound = UnixSocket.withAddress(path) { bind(fd, $0, $1) } ?? -1
        if bound != 0 {
            let code = errno
            Glibc.close(fd)
            // Another server won the race between our probe and our bind.
            if code == EADDRINUSE { throw .alreadyRunning(path: path) }
            throw .system(operation: "bind", path: path, errno: code)
        }
        if chmod(path, 0o600) != 0 || listen(fd, SOMAXCONN) != 0 {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw .system(operation: "listen", path: path, errno: code)
        }
        return fd
    }

    private static func makeParentFolder(of path: String) throws(VarlinkServerError) {
        let parent = parentFolder(of: path)
        guard !parent.isEmpty else { return }
        var prefix = parent.hasPrefix("/") ? "" : "."
        for component in parent.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw .system(operation: "mkdir \(prefix)", path: path, errno: errno)
            }
        }
    }

    /// Only the user may be able to put a socket where clients look for the daemon.
    private static func checkParentFolder(of path: String) throws(VarlinkServerError) {
        let folder = parentFolder(of: path).isEmpty ? "." : parentFolder(of: path)
        if let reason = UnixSocket.untrustedFolderReason(folder) {
            throw .untrustedFolder(path: path, folder: folder, reason: reason)
        }
    }

    /// `/run/user/1000/salesd` of `/run/user/1000/salesd/control.sock`, `/` of `/x.sock`, empty for
    /// a bare name: what NSString's `deletingLastPathComponent` gives, which FoundationEssentials lacks.
    static func parentFolder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var parent = path[..<slash]
        while parent.hasSuffix("/") { parent.removeLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    private static func removeStaleSocket(at path: String) throws(VarlinkServerError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        let probe = UnixSocket.makeStreamSocket(nonBlocking: true)
        guard probe >= 0 else { throw .system(operation: "socket", path: path, errno: errno) }
        let failure = UnixSocket.connect(probe, to: path)
        Glibc.close(probe)
        switch failure {
        case nil, EAGAIN?:
            throw .alreadyRunning(path: path)
        case ECONNREFUSED?:
            if unlink(path) != 0, errno != ENOENT { throw .system(operation: "unlink", path: path, errno: errno) }
        case let code?:
            throw .system(operation: "connect", path: path, errno: code)
        }
    }

    static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}
