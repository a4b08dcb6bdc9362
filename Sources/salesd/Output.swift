import Foundation

/// Writing to the terminal: stdout for results, stderr for problems.
enum Output {
    /// Prints `lines` on stdout, one per line.
    static func print(_ lines: [String]) {
        for line in lines { Swift.print(line) }
    }

    /// Prints `lines` on stderr, one per line.
    static func error(_ lines: [String]) {
        let text = lines.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether to use a little colour: only on a terminal, and never when `NO_COLOR` is set.
    static func useColour(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
