/// A command that ran but could not do what was asked: the lines to print on stderr and the exit status.
///
/// Thrown from `run()` so every verb ends the same way: `Salesd.main` prints the lines and exits.
struct CommandFailure: Error, Equatable {
    var lines: [String]
    var status: Int32

    init(_ lines: [String], status: Int32 = ExitStatus.refused) {
        self.lines = lines
        self.status = status
    }

    init(_ line: String, status: Int32 = ExitStatus.refused) {
        self.init([line], status: status)
    }
}
