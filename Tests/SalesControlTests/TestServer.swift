import Dispatch
import Foundation
import SalesControl
import XCTest

/// A VarlinkServer on its own queue in a fresh temporary folder, serving `io.test.Iface`.
final class TestServer: @unchecked Sendable {
    // `events` and the handler's state are confined to `queue`.

    static let interface = """
    # A test interface.
    interface io.test.Iface

    method Method() -> (answer: int)
    method Echo(text: string) -> (text: string)
    # Three replies, then (with finish) a final fourth.
    method Watch(finish: ?bool) -> (n: int)
    method Flood() -> (blob: string)
    method Fail() -> ()
    method Big(size: int) -> (text: string)
    method Unimplemented() -> ()

    error Broken (message: string)
    """

    static let service = VarlinkServiceInfo(
        vendor: "Test Vendor", product: "testd", version: "1.2.3", url: "https://example.org/testd",
        interfaces: [(name: "io.test.Iface", description: TestServer.interface)]
    )

    let folder: String
    let path: String
    let queue = DispatchQueue(label: "test.varlink.server")
    private(set) var server: VarlinkServer!
    /// Requests of `Watch` and `Flood` that are still streaming; they fire `closed` on close.
    var streams: [VarlinkRequest] = []
    let closed: XCTestExpectation
    var diagnostics: [String] = []

    init(
        maxMessageSize: Int = 64 * 1024, maxConnections: Int = 128,
        idleTimeout: TimeInterval = 30, allowedUID: UInt32 = geteuid(),
        interfaces: [(name: String, description: String)]? = nil
    ) throws {
        folder = try Self.makeFolder()
        path = folder + "/run/control.sock"
        closed = XCTestExpectation(description: "a stream's client went away")
        closed.assertForOverFulfill = false
        var service = Self.service
        if let interfaces {
            service = VarlinkServiceInfo(vendor: "Test Vendor", product: "testd", version: "1.2.3", url: "https://example.org/testd", interfaces: interfaces)
        }
        server = VarlinkServer(
            queue: queue, service: service, maxMessageSize: maxMessageSize, maxConnections: maxConnections,
            idleTimeout: idleTimeout, maxOutputBuffer: 256 * 1024, allowedUID: allowedUID
        ) { [unowned self] request in self.handle(request) }
        try queue.sync {
            server.onDiagnostic = { [unowned self] note in self.diagnostics.append(note) }
            try server.start(path: path)
        }
    }

    static func makeFolder() throws -> String {
        let template = FileManager.default.temporaryDirectory.path + "/varlink-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw CocoaError(.fileWriteUnknown) }
        return String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func stop() {
        queue.sync { server.stop() }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new blocking client of this server.
    func client() throws -> VarlinkClient { try VarlinkClient(path: path) }

    private func handle(_ request: VarlinkRequest) {
        let parameters = (try? request.parameters([String: TestJSON].self)) ?? [:]
        switch request.methodName {
        case "Method":
            request.reply(["answer": 42] as [String: TestJSON])
        case "Echo":
            guard let text = parameters["text"]?.string else {
                request.fail(VarlinkService.invalidParameter, ["parameter": "text"])
                return
            }
            request.reply(["text": text])
        case "Watch":
            guard request.more else { return request.fail(VarlinkService.expectedMore) }
            track(request)
            for n in 1...3 { request.send(["n": n], continues: true) }
            if parameters["finish"] == true { request.reply(["n": 4]) }
        case "Flood":
            track(request)
            pump(request)
        case "Big":
            let size = parameters["size"]?.int ?? 0
            request.reply(["text": String(repeating: "x", count: size)])
        case "Fail":
            request.fail("io.test.Iface.Broken", ["message": "it broke (try again)"])
        default:
            request.fail(VarlinkService.methodNotImplemented, ["method": request.method])
        }
    }

    private func track(_ request: VarlinkRequest) {
        streams.append(request)
        request.onClose = { [unowned self] in
            self.streams.removeAll { $0 === request }
            self.closed.fulfill()
        }
    }

    /// Streams 1 KiB replies a batch per queue turn, so other clients interleave.
    private func pump(_ request: VarlinkRequest) {
        let blob = String(repeating: "x", count: 1024)
        for _ in 0..<64 where request.isOpen { request.send(["blob": blob], continues: true) }
        if request.isOpen { queue.async { self.pump(request) } }
    }
}
