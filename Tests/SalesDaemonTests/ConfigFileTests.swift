import Foundation
import SalesDaemon
import XCTest

/// A config path that is not a regular file is refused with what it is, not Foundation's codes.
final class ConfigFileTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(atPath: folder) }

    /// A regular file is read whole.
    func testRegularFileIsRead() throws {
        let path = folder + "/config.json"
        try Data(#"{"version": 1}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try ConfigFile.read(path), Data(#"{"version": 1}"#.utf8))
    }

    /// A folder, a FIFO and a missing path each get their own plain reason.
    func testNonFilesAreNamed() throws {
        let fifo = folder + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let cases = [
            (folder!, "it is a folder, not a file"),
            (fifo, "it is a FIFO (named pipe), not a regular file"),
            (folder + "/missing.json", "No such file or directory"),
            ("/dev/null", "it is a device, not a regular file"),
        ]
        for (path, reason) in cases {
            XCTAssertThrowsError(try ConfigFile.read(path)) { error in
                XCTAssertEqual(error as? ConfigFileError, ConfigFileError(path: path, reason: reason))
                XCTAssertEqual("\(error)", "cannot read \(path): \(reason)")
            }
        }
    }
}
