import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file and its device and inode, to tell whether it is still the file at its path.
///
/// No file at the path means it was deleted; another inode there means it was replaced. The
/// descriptor held open keeps the inode allocated, so a new file can never reuse its number.
final class FileIdentity: Sendable {
    private let fd: Int32
    private let device: UInt64
    private let inode: UInt64

    init(path: String) throws(LedgerError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw LedgerError(.cannotOpen, path: path, detail: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw LedgerError(.cannotOpen, path: path,
                              detail: info.st_mode & S_IFMT == S_IFDIR ? "Is a directory" : "not a regular file")
        }
        self.fd = fd
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    deinit {
        close(fd)
    }

    /// Throws ``LedgerError/Code/vanished`` unless the file opened is still the one at `path`.
    func checkStillAt(_ path: String) throws(LedgerError) {
        var current = stat()
        guard stat(path, &current) == 0 else {
            throw LedgerError(.vanished, path: path, detail: "the file was deleted")
        }
        guard UInt64(current.st_dev) == device, UInt64(current.st_ino) == inode else {
            throw LedgerError(.vanished, path: path, detail: "another file was put in its place")
        }
    }
}
