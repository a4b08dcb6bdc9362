import Foundation

/// Collects the ids a writer prints as `acked ID` lines, on a thread of its own.
final class AcknowledgementReader: @unchecked Sendable {
    // `lock` protects `collected`; the reading thread appends, the test thread reads.
    private let lock = NSLock()
    private var collected: [Int64] = []
    private let handle: FileHandle
    private let target: Int
    private let reached: @Sendable () -> Void

    init(_ handle: FileHandle, until target: Int, reached: @escaping @Sendable () -> Void) {
        self.handle = handle
        self.target = target
        self.reached = reached
    }

    func start() {
        Thread.detachNewThread { [self] in
            var pending = ""
            var signalled = false
            while case let data = handle.availableData, !data.isEmpty {
                pending += String(decoding: data, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    let line = pending[..<newline]
                    pending = String(pending[pending.index(after: newline)...])
                    if line.hasPrefix("acked "), let id = Int64(line.dropFirst(6)) {
                        lock.withLock { collected.append(id) }
                    }
                }
                if !signalled, lock.withLock({ collected.count }) >= target {
                    signalled = true
                    reached()
                }
            }
        }
    }

    func ids() -> [Int64] {
        lock.withLock { collected }
    }
}
