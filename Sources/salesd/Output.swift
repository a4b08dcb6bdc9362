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

    /// The terminal's width in columns (80 when not a terminal or unknown).
    static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return Int(environment["COLUMNS"] ?? "") ?? 80
    }
}
