import Foundation

/// A tool run to completion as a child process, its output captured.
public enum ChildProcess {
    /// What a finished child left: its exit status and both outputs as text.
    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String

        public init(status: Int32, standardOutput: String, standardError: String) {
            (self.status, self.standardOutput, self.standardError) = (status, standardOutput, standardError)
        }
    }

    /// Runs `path` with `arguments` (and `environment`, else the test's own) until it exits.
    /// Throws only when the child cannot be started; a failing child is an ``Output/status``.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}
