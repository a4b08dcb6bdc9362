import Foundation
import RealParts
import XCTest

/// The `sqlite3` command-line shell, run as a separate process against a ledger file.
enum SQLiteShell {
    static let executable = "/usr/bin/sqlite3"

    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs `sql` on `path` in a child process; skips the test when the shell is not installed.
    static func run(_ path: String, _ sql: String) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw RealPart.missing("\(executable) is not installed", hint: "install sqlite3 (make test-deps)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [path, sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}
