import Foundation

/// Writing to the terminal: stdout for results, stderr for problems.
enum Output {
    /// Prints `lines` on stdout, one per line.
    static func print(_ lines: [String]) {
        // One write of the joined text: Swift.print looks up the conformances of its argument
        // at run time, which showed in the start-up of every command.
        // Reserved at its final size and written from its own bytes: a long listing would
        // otherwise be regrown line by line and copied once more to be written.
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in lines {
            text += line
            text += "\n"
        }
        fflush(nil)  // anything C's stdio still buffers comes first
        text.withUTF8 { buffer in
            var bytes = UnsafeRawBufferPointer(buffer)
            while !bytes.isEmpty {
                let written = write(STDOUT_FILENO, bytes.baseAddress, bytes.count)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }  // a closed pipe: nobody reads any more
                bytes = UnsafeRawBufferPointer(rebasing: bytes[written...])
            }
        }
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
