import Foundation
import SalesEngine
import SalesSystemd
import XCTest

/// `systemd/salesd.catalog` explains every kind of entry salesd writes, under the id it writes.
final class JournalCatalogTests: XCTestCase {
    private static let catalogURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd/salesd.catalog")

    /// Entries of the catalog: id → lines up to the next entry.
    private func entries() throws -> [(id: String, lines: [String])] {
        let text = try String(contentsOf: Self.catalogURL, encoding: .utf8)
        var result: [(id: String, lines: [String])] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- ") {
                result.append((String(line.dropFirst(3)), []))
            } else if !result.isEmpty {
                result[result.count - 1].lines.append(String(line))
            }
        }
        return result
    }

    /// Each announcement kind has exactly one entry, with the id salesd sends and a subject.
    func testEveryKindHasOneEntry() throws {
        let entries = try entries()
        for kind in Announcement.Kind.allCases {
            let matching = entries.filter { $0.id == MessageID.of(kind) }
            XCTAssertEqual(matching.count, 1, "\(kind) (\(MessageID.of(kind)))")
            guard let entry = matching.first else { continue }
            XCTAssertTrue(entry.lines.contains { $0.hasPrefix("Subject: ") }, "\(kind) has no Subject")
            XCTAssertTrue(entry.lines.contains("Defined-By: salesd"), "\(kind) has no Defined-By")
            XCTAssertTrue(entry.lines.contains(""), "\(kind) has no explanation after the headers")
        }
        XCTAssertEqual(Set(entries.map(\.id)), Set(Announcement.Kind.allCases.map(MessageID.of)), "entries for unknown ids")
    }

    /// journalctl accepts the file and lists every entry after `--update-catalog`.
    func testJournalctlCompilesTheCatalog() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("var/lib/systemd/catalog"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.catalogURL, to: folder.appendingPathComponent("salesd.catalog"))

        XCTAssertEqual(try journalctl(["--root=\(root.path)", "--update-catalog"]).status, 0)
        let listed = try journalctl(["--root=\(root.path)", "--list-catalog"]).output
        for kind in Announcement.Kind.allCases {
            XCTAssertTrue(listed.contains("\(MessageID.of(kind)) salesd: "), "\(kind) missing from:\n\(listed)")
        }
    }

    private func journalctl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/journalctl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
