import ArgumentParser

/// The exit codes `salesd` promises to scripts (DESIGN.md "salesd ctl verbs").
enum ExitStatus {
    static let success: Int32 = 0
    /// The daemon (or the config) refused: the message says why.
    static let refused: Int32 = 1
    /// The command line was wrong.
    static let usage: Int32 = 2
    /// No daemon answered at the socket.
    static let unreachable: Int32 = 3
    /// The daemon took a request that changes the ledger but its answer never came: it may or
    /// may not be recorded (the message says how to check, and how to retry safely).
    static let unknown: Int32 = 4

    /// The status to exit with for argument-parser's code: its usage failures (`EX_USAGE`, 64)
    /// become ``usage``; help and `--version` stay 0; anything else passes through.
    static func mapping(_ code: ExitCode) -> Int32 {
        code == .validationFailure ? usage : code.rawValue
    }
}
