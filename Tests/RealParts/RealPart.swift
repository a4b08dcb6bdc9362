import Foundation
import XCTest

/// What a test does when a real part it needs (journald, a session bus, a tool) is missing.
///
/// On a developer's machine the test is skipped with the install hint; in CI (`CI=true`) a
/// skipped test would hide a missing install step, so the same hint fails the test instead.
public enum RealPart {
    /// `true` when the tests run in CI, where every real part must be there.
    public static var inCI: Bool {
        ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// The error to throw when `what` is missing: `XCTSkip` outside CI, a failure in CI.
    /// - Parameters:
    ///   - what: what is missing, as a person would say it.
    ///   - hint: how to get it (the command that installs or starts it).
    public static func missing(_ what: String, hint: String) -> any Error {
        let message = "\(what) — \(hint)"
        return inCI ? Missing(description: message) : XCTSkip(message)
    }

    /// The path of an outside tool that `make test` hands to the tests in `variable`
    /// (for example `SALESD_TEST_PYTHON`); throws ``missing(_:hint:)`` when it is not set or
    /// not executable. Tests never fall back to whatever happens to be first on PATH.
    public static func tool(_ variable: String, what: String) throws -> String {
        let hint = "run the tests with `make test` (or `make unit`), which sets \(variable)"
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else {
            throw missing("\(what) is not known: \(variable) is not set", hint: hint)
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw missing("\(what) is not executable at \(path) (from \(variable))", hint: hint)
        }
        return path
    }

    /// A missing part in CI: thrown from a test, XCTest records it as a failure with this text.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }
}
