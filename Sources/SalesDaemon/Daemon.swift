import Foundation

/// The long-running `salesd run` process.
public enum Daemon {
    /// Runs until SIGTERM/SIGINT; returns the process exit code.
    public static func run(options: DaemonOptions) -> Int32 {
        FileHandle.standardError.write(Data("salesd run: not built yet\n".utf8))
        return 1
    }
}
