import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a ledger's folder, held for as long as this value lives: one daemon,
/// import or restore per ledger at a time.
///
/// It is an `flock` on `ledger.lock` in the folder, so the kernel releases it when the holder
/// exits, however it exits. The holder writes its pid and role into the file, so whoever is
/// refused can say who holds it. The file is never removed (removing it would let a second
/// process lock a new file while the first still holds the old one).
public final class StateLock: Sendable {
    /// The lock file's name inside the ledger's folder.
    public static let fileName = "ledger.lock"

    /// The lock file's path.
    public let path: String
    private let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Takes the lock on `folder` (which must exist) for `role` (e.g. "salesd run"), without waiting.
    ///
    /// - Throws: ``LedgerError/Code/inUse`` naming the holder's pid and role when another
    ///   process holds it; ``LedgerError/Code/cannotOpen`` when the lock file cannot be opened.
    public static func acquire(folder: URL, role: String) throws(LedgerError) -> StateLock {
        let path = folder.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.cannotOpen, path: path, detail: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = Self.holder(fd: fd)
            close(fd)
            guard reason == EWOULDBLOCK else {
                throw LedgerError(.cannotOpen, path: path, detail: "cannot lock: \(String(cString: strerror(reason)))")
            }
            throw LedgerError(.inUse, path: folder.path, detail: "\(holder ?? "another process") holds \(path)")
        }
        let text = "\(getpid()) \(role)\n"
        if ftruncate(fd, 0) == 0 {
            _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        }
        return StateLock(path: path, fd: fd)
    }

    /// Who holds the lock on `folder` now ("salesd run (pid 1234)"), or nil when nobody does.
    public static func holder(folder: URL) -> String? {
        let path = folder.appendingPathComponent(fileName).path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        return holder(fd: fd) ?? "another process"
    }

    /// The holder's "ROLE (pid PID)" as it wrote it into the lock file.
    private static func holder(fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let line = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").first ?? ""
        let parts = line.split(separator: " ", maxSplits: 1)
        guard let pid = parts.first.flatMap({ Int32($0) }) else { return nil }
        let role = parts.count > 1 ? String(parts[1]) : "a process"
        return "\(role) (pid \(pid))"
    }
}
