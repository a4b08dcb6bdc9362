import Foundation
import SalesControl
#if canImport(Glibc)
import Glibc
#endif

/// A raw client socket for sending exactly the bytes a test wants.
final class TestSocket {
    let fd: Int32
    private var framer = VarlinkFramer(maxMessageSize: 1 << 20)

    /// Connects to `path`; reads give up after `safety` seconds so a broken test cannot hang.
    init(path: String, safety: Int = 20) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        var timeout = timeval(tv_sec: safety, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends a call, NUL-terminated.
    func send(_ json: String) { write(json + "\0") }

    /// The next reply as a JSON object; nil when the server closed the connection.
    func readMessage() -> [String: TestJSON]? {
        while true {
            if let message = try? framer.nextMessage() { return (try? TestJSON(decoding: message))?.object }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            framer.append(buffer[0..<n])
        }
    }

    /// Reads until the server closes; true on end-of-file, false if the safety timeout struck.
    func waitForClose() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}
