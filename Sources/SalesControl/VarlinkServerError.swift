/// Why the control socket could not be set up.
public enum VarlinkServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another server answers on the socket path.
    case alreadyRunning(path: String)
    /// Something that is not a socket occupies the path.
    case notASocket(path: String)
    /// The path does not fit in a Unix socket address (107 bytes).
    case pathTooLong(path: String)
    /// A system call failed: which, on what path, with which errno.
    case system(operation: String, path: String, errno: Int32)
    /// The socket's folder could let another user replace the socket: not ours, or writable by others.
    case untrustedFolder(path: String, folder: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyRunning(let path):
            return "salesd is already running: \(path) answers (stop it with `systemctl --user stop salesd` or use --socket)"
        case .notASocket(let path):
            return "cannot listen on \(path): something that is not a socket is there (remove it or use --socket)"
        case .pathTooLong(let path):
            return "cannot listen on \(path): the path is longer than \(UnixSocket.maxPathLength) bytes (use a shorter --socket)"
        case .untrustedFolder(let path, let folder, let reason):
            return "cannot listen on \(path): its folder \(folder) \(reason), so another user could put a fake salesd there "
                + "(use a folder of your own with mode 0700, e.g. `mkdir -m 0700`, or --socket)"
        case .system(let operation, let path, let code):
            return "cannot listen on \(path): \(operation) failed: \(UnixSocket.describe(errno: code)) (check the folder's owner and mode, or use --socket)"
        }
    }
}
