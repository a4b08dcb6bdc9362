import Foundation

/// A fresh folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("salesd-ledger-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Where a ledger lives in this folder (not created).
    var ledgerFolder: URL { url.appendingPathComponent("state", isDirectory: true) }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
