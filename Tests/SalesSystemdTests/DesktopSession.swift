import Foundation
import RealParts
import XCTest

/// A private X display, session bus and dunst for the desktop notification tests, torn down
/// by ``stop()``. Nothing here changes the test process's own environment.
final class DesktopSession {
    let directory: URL
    /// The D-Bus address of the private session bus.
    private(set) var busAddress = ""
    /// `:9x`, or `nil` for a session with a bus only.
    private(set) var display: String?
    private var xvfb: Process?
    private var bus: Process?
    private var dunst: Process?

    /// Starts the bus, and an X display when `withDisplay` (dunst needs one).
    init(withDisplay: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("salesd-desktop-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            if withDisplay { try startDisplay() }
            try startBus()
        } catch {
            stop()
            throw error
        }
    }

    // MARK: Parts

    private func startDisplay() throws {
        for number in (90...99).shuffled() where !FileManager.default.fileExists(atPath: "/tmp/.X\(number)-lock") {
            let server = try launch("/usr/bin/Xvfb", [":\(number)", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                log: "xvfb.log")
            // Ready when it answers a client; gone when another run took the number first.
            let answered = waitUntil {
                !server.isRunning || (try? self.run("/usr/bin/xdotool", ["getdisplaygeometry"], display: ":\(number)")) != nil
            }
            if answered && server.isRunning {
                xvfb = server
                display = ":\(number)"
                return
            }
            stopProcess(server)
        }
        throw RealPart.missing("no free X display between :90 and :99 for Xvfb", hint: "stop stray Xvfb servers (/tmp/.X9?-lock)")
    }

    /// A session bus without service files, so nothing is D-Bus-activated behind a test's back
    /// (the system's `--session` config would start dunst with its default config on Notify).
    private func startBus() throws {
        let config = directory.appendingPathComponent("bus.conf")
        let shared = Self.packageRoot.appendingPathComponent("e2e/services/session-bus.conf")
        try String(contentsOf: shared, encoding: .utf8).replacingOccurrences(of: "@DIRECTORY@", with: directory.path)
            .write(to: config, atomically: true, encoding: .utf8)
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: "/usr/bin/dbus-daemon")
        daemon.arguments = ["--config-file=\(config.path)", "--nofork", "--print-address=1"]
        let output = Pipe()
        daemon.standardOutput = output
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        bus = daemon
        // The address is printed once the bus listens: that is the readiness signal.
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw RealPart.missing("dbus-daemon exited before printing its address", hint: "install dbus (make test-deps)") }
            printed.append(chunk)
        }
        busAddress = String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts dunst with a config that never expires notifications and picks context-menu
    /// actions through a script (see ``choose(_:)``); returns once it owns the name.
    func startDunst() throws {
        guard let display else { throw RealPart.missing("dunst needs a session with a display", hint: "install xvfb (make test-deps)") }
        let picker = directory.appendingPathComponent("dmenu.sh")
        try """
        #!/bin/sh
        # dunst feeds lines like "#Done (Title) [2,done]"; print the one for the chosen key.
        grep -m1 -F ",$(cat '\(directory.path)/choice')]"
        """.write(to: picker, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: picker.path)
        var dunstrc = try String(contentsOfFile: "/etc/xdg/dunst/dunstrc", encoding: .utf8)
        dunstrc = dunstrc.replacingOccurrences(
            of: #"(?m)^(\s*)timeout\s*=.*$"#, with: "$1timeout = 0", options: .regularExpression)
        dunstrc = dunstrc.replacingOccurrences(
            of: #"(?m)^(\s*)dmenu\s*=.*$"#, with: "$1dmenu = \(picker.path)", options: .regularExpression)
        let config = directory.appendingPathComponent("dunstrc")
        try dunstrc.write(to: config, atomically: true, encoding: .utf8)
        let server = try launch("/usr/bin/dunst", ["-conf", config.path], display: display, log: "dunst.log")
        dunst = server
        guard waitUntil({ !server.isRunning || self.notificationServerIsUp() }), server.isRunning else {
            throw RealPart.missing("dunst did not take org.freedesktop.Notifications; see \(directory.path)/dunst.log",
                                   hint: "install dunst (make test-deps)")
        }
    }

    /// Stops dunst (SIGTERM, as a crash or logout would end it) and waits for it to exit.
    func stopDunst() {
        if let dunst { stopProcess(dunst) }
        dunst = nil
    }

    /// Stops the bus daemon, cutting every connection to it.
    func stopBus() {
        if let bus { stopProcess(bus) }
        bus = nil
    }

    func stop() {
        stopDunst()
        stopBus()
        if let xvfb { stopProcess(xvfb) }
        xvfb = nil
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Looking at dunst

    /// Sets which button the context-menu script picks (`done`, `snooze`, `skip`).
    func choose(_ key: String) throws {
        try key.write(to: directory.appendingPathComponent("choice"), atomically: true, encoding: .utf8)
    }

    @discardableResult
    func dunstctl(_ arguments: String...) throws -> String {
        try run("/usr/bin/dunstctl", arguments, display: display)
    }

    func displayedCount() throws -> Int {
        Int(try dunstctl("count", "displayed").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The notifications in dunst's history (closed ones), newest first, as name → value.
    func history() throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(try dunstctl("history").utf8)) as? [String: Any]
        let lists = json?["data"] as? [[[String: Any]]] ?? []
        return (lists.first ?? []).map { entry in entry.mapValues { ($0 as? [String: Any])?["data"] ?? $0 } }
    }

    func notificationServerIsUp() -> Bool {
        let reply = try? run(
            "/usr/bin/dbus-send",
            ["--bus=\(busAddress)", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications"])
        return reply?.contains("boolean true") ?? false
    }

    /// Saves a screenshot of the whole display into the test artifacts folder.
    @discardableResult
    func screenshot(named name: String) throws -> URL {
        let folder = Self.artifactsFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        _ = try run("/usr/bin/import", ["-window", "root", file.path], display: display)
        return file
    }

    /// `$SALESD_TEST_ARTIFACTS`, else `test-artifacts/` in the package root.
    static func artifactsFolder() -> URL {
        if let folder = ProcessInfo.processInfo.environment["SALESD_TEST_ARTIFACTS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return packageRoot.appendingPathComponent("test-artifacts")
    }

    /// The package's root folder, beside the end-to-end suite's services.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    // MARK: Processes

    /// Polls `condition` (a real state: a name owner, a count) until it holds or 10 s pass.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            if Date() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }

    private func environment(display: String?) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DBUS_SESSION_BUS_ADDRESS"] = busAddress
        environment["DISPLAY"] = display
        return environment
    }

    private func launch(_ path: String, _ arguments: [String], display: String? = nil, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(display: display)
        let logFile = directory.appendingPathComponent(log)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// Runs a tool to completion; throws unless it exits 0.
    @discardableResult
    func run(_ path: String, _ arguments: [String], display: String? = nil) throws -> String {
        let output = try ChildProcess.run(path, arguments, environment: environment(display: display))
        guard output.status == 0 else {
            throw DesktopToolFailure(command: ([path] + arguments).joined(separator: " "), status: output.status)
        }
        return output.standardOutput
    }

    private func stopProcess(_ process: Process) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// A helper tool exited non-zero.
struct DesktopToolFailure: Error, Equatable {
    var command: String
    var status: Int32
}
