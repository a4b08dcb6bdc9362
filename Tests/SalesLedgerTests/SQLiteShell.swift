import Foundation
import RealParts
import XCTest

/// The `sqlite3` command-line shell, run as a separate process against a ledger file.
enum SQLiteShell {
    static let executable = "/usr/bin/sqlite3"

    /// Runs `sql` on `path` in a child process; skips the test when the shell is not installed.
    static func run(_ path: String, _ sql: String) throws -> ChildProcess.Output {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw RealPart.missing("\(executable) is not installed", hint: "install sqlite3 (make test-deps)")
        }
        let output = try ChildProcess.run(executable, [path, sql])
        return ChildProcess.Output(
            status: output.status,
            standardOutput: output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines),
            standardError: output.standardError
        )
    }
}
