import Foundation
import RealParts
import XCTest

/// A real systemd-journald for the tests, and a reader for what it stored.
enum JournalTestSupport {
    static let socketPath = "/run/systemd/journal/socket"

    /// Starts `systemd-journald` unless one already listens; returns the process it started.
    static func startJournaldIfNeeded() throws -> Process? {
        if acceptsDatagrams(at: socketPath) { return nil }
        let journald = Process()
        journald.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journald")
        journald.standardOutput = FileHandle.nullDevice
        journald.standardError = FileHandle.nullDevice
        try journald.run()
        // Waits for the socket to accept entries, the event that means journald is up.
        let deadline = Date().addingTimeInterval(5)
        while !acceptsDatagrams(at: socketPath) {
            guard Date() < deadline, journald.isRunning else {
                journald.terminate()
                throw RealPart.missing("systemd-journald did not start listening on \(socketPath)",
                                       hint: "install systemd and run the tests as root (make test-deps)")
            }
            usleep(10_000)
        }
        return journald
    }

    /// Stops a journald this process started, and removes the sockets it leaves behind so
    /// that nothing later mistakes them for a running journal.
    static func stop(_ journald: Process?) {
        guard let journald else { return }
        journald.terminate()
        journald.waitUntilExit()
        try? FileManager.default.removeItem(atPath: "/run/systemd/journal")
    }

    /// `true` when something is bound to the datagram socket at `path`.
    static func acceptsDatagrams(at path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un(path: path)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }

    /// The entries `journalctl` finds for `matches` (`FIELD=value`), retried until one appears
    /// (journald stores entries asynchronously) or five seconds pass.
    static func entries(matching matches: [String]) throws -> [[String: String]] {
        let deadline = Date().addingTimeInterval(5)
        while true {
            let found = try readEntries(matching: matches)
            if !found.isEmpty || Date() >= deadline { return found }
            usleep(50_000)
        }
    }

    private static func readEntries(matching matches: [String]) throws -> [[String: String]] {
        let journalctl = try ChildProcess.run("/usr/bin/journalctl", ["-o", "json", "--no-pager"] + matches)
        return try journalctl.standardOutput.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return object.compactMapValues(text)
        }
    }

    /// journalctl writes values with control characters as arrays of bytes.
    private static func text(_ value: Any) -> String? {
        if let string = value as? String { return string }
        if let bytes = value as? [Int] { return String(decoding: bytes.map { UInt8($0) }, as: UTF8.self) }
        return nil
    }
}

extension sockaddr_un {
    /// An AF_UNIX address for `path`.
    init(path: String) {
        self.init()
        sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
        }
    }
}
