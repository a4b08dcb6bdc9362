import Foundation
import RealParts
import XCTest

/// A datagram socket standing in for systemd's `NOTIFY_SOCKET`, set for the whole process
/// while it lives (the environment is process-wide; `restore()` puts it back).
final class NotifySocket {
    let path: String
    private let folder: String
    private let fd: Int32
    private let previous: String?

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-notify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/notify"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un(path: path)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        self.fd = fd
        guard fd >= 0, bound == 0 else { throw RealPart.missing("could not bind a notify socket at \(path)", hint: "is the temporary folder writable?") }
        // Waiting for a datagram is waiting on the event itself, bounded by this timeout.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        previous = ProcessInfo.processInfo.environment["NOTIFY_SOCKET"]
        setenv("NOTIFY_SOCKET", path, 1)
    }

    /// The next datagram systemd would have received, or `nil` after the timeout.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count < 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
    }

    func restore() {
        if let previous { setenv("NOTIFY_SOCKET", previous, 1) } else { unsetenv("NOTIFY_SOCKET") }
        close(fd)
        try? FileManager.default.removeItem(atPath: folder)
    }
}
