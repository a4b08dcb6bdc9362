import ArgumentParser
import SalesPlan

/// A day on the command line: an ISO date, `today` or `yesterday`, sent to the daemon as written
/// (the daemon resolves `today` and `yesterday` in the plan's zone, which may not be this shell's).
struct DayArgument: ExpressibleByArgument, Equatable {
    var text: String

    init?(argument: String) {
        let word = argument.lowercased()
        if word == "today" || word == "yesterday" {
            text = word
        } else if LocalDay(iso: argument) != nil {
            text = argument
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["today", "yesterday"]) }
}
