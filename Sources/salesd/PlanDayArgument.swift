import ArgumentParser
import SalesPlan

/// A day of the plan or the history: an ISO date, `today`, `yesterday` or `tomorrow`, sent as
/// written (the daemon resolves the words in the plan's zone). Unlike ``DayArgument``, a day
/// to look at may be in the future.
struct PlanDayArgument: ExpressibleByArgument, Equatable {
    var text: String

    init?(argument: String) {
        let word = argument.lowercased()
        if ["today", "yesterday", "tomorrow"].contains(word) {
            text = word
        } else if LocalDay(iso: argument) != nil {
            text = argument
        } else {
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .list(["today", "yesterday", "tomorrow"]) }
}
