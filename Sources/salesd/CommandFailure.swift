import SalesContract

/// A command that ran but could not do what was asked: the lines to print on stderr and the exit status.
///
/// Thrown from `run()` so every verb ends the same way: `Salesd.main` prints the lines and exits
/// (or, with `--json`, prints ``json`` on stdout).
struct CommandFailure: Error, Equatable {
    var lines: [String]
    var status: Int32
    /// The daemon's refusal as it came over the wire, when that is what failed.
    var refusal: ControlError?
    /// With `--json`, print the failure on one line (after a stream of JSON lines, as `watch` writes).
    var jsonLine = false

    init(_ lines: [String], status: Int32 = ExitStatus.refused, refusal: ControlError? = nil) {
        self.lines = lines
        self.status = status
        self.refusal = refusal
    }

    init(_ line: String, status: Int32 = ExitStatus.refused) {
        self.init([line], status: status)
    }

    /// What `--json` prints: the daemon's refusal as it sent it, else a kind named after the
    /// exit status with the first line as the message and the rest as the hint.
    var json: FailureJSON {
        if let refusal { return FailureJSON(refusal, exitCode: status) }
        let message = lines.first.map { $0.hasPrefix("salesd: ") ? String($0.dropFirst(8)) : $0 } ?? ""
        let rest = lines.dropFirst().joined(separator: "\n")
        return FailureJSON(kind: FailureJSON.kind(forStatus: status), message: message,
                           hint: rest.isEmpty ? nil : rest, exitCode: status)
    }
}
