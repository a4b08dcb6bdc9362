/// The methods of `io.salesd.Control`, by their Varlink names.
public enum ControlMethod: String, CaseIterable, Codable, Sendable, ControlName {
    case status = "Status"
    case today = "Today"
    case next = "Next"
    case done = "Done"
    case undo = "Undo"
    case snooze = "Snooze"
    case skip = "Skip"
    case dayOff = "DayOff"
    case result = "Result"
    case week = "Week"
    case reload = "Reload"
    case watch = "Watch"
    case plan = "Plan"
    case log = "Log"
    case planWeek = "PlanWeek"
    case people = "People"
    case personAdd = "PersonAdd"
    case personEdit = "PersonEdit"
    case touch = "Touch"
    case move = "Move"
    case won = "Won"
    case lost = "Lost"
    case forget = "Forget"
    case personUndo = "PersonUndo"
    case pipeline = "Pipeline"

    /// The calls whose reply carries an ``Outcome``: they may change the ledger.
    public var changesLedger: Bool {
        switch self {
        case .done, .undo, .snooze, .skip, .dayOff, .result, .planWeek: true
        case .personAdd, .personEdit, .touch, .move, .won, .lost, .forget, .personUndo: true
        case .status, .today, .next, .week, .reload, .watch, .plan, .log, .people, .pipeline: false
        }
    }
}
