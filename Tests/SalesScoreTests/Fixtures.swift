import Foundation
import SalesContract
import SalesPlan
import SalesScore

/// A 5-step plan and a ledger builder shared by the scoreboard tests.
///
/// Weekly targets (Monday to Sunday): connect 5 × 5 weekdays = 25, invite 2 × 5 = 10,
/// nurture 1 × (tue, thu) = 2, converse 1 × wed = 1, follow-up 1 × 5 = 5.
enum Fixtures {
    static func day(_ text: String) -> LocalDay { LocalDay(iso: text)! }
    static func time(_ text: String) -> LocalTime { LocalTime(text)! }

    static func plan(connectTarget: Int = 5, weekStart: Weekday = .mon, daysOff: [String] = []) -> Plan {
        var plan = Plan(
            steps: [
                Step(id: "connect", name: "Connect"),
                Step(id: "invite", name: "Invite"),
                Step(id: "nurture", name: "Nurture"),
                Step(id: "converse", name: "Converse"),
                Step(id: "follow-up", name: "Follow up"),
            ],
            actions: [
                PlanAction(id: "connection-requests", step: "connect", title: "Send connection requests",
                           target: connectTarget, days: [.weekdays], at: [time("09:30")]),
                PlanAction(id: "invites", step: "invite", title: "Invite to the newsletter",
                           target: 2, days: [.weekdays], at: [time("11:00")]),
                PlanAction(id: "nurture-post", step: "nurture", title: "Publish a useful post",
                           target: 1, days: [.weekday(.tue), .weekday(.thu)], at: [time("14:00")]),
                PlanAction(id: "sales-call", step: "converse", title: "Hold a sales conversation",
                           target: 1, days: [.weekday(.wed)]),
                PlanAction(id: "follow-ups", step: "follow-up", title: "Follow up open proposals",
                           target: 1, days: [.weekdays], at: [time("16:00")]),
            ],
            daysOff: daysOff.map(day)
        )
        plan.weekStart = weekStart
        return plan
    }

    static func versions(from: String = "2027-03-01", _ plan: Plan = Fixtures.plan()) -> [PlanVersion] {
        [PlanVersion(effectiveFrom: day(from), plan: plan)]
    }
}

/// Builds a ledger with ids assigned in order, as the SQLite ledger would.
struct LedgerBuilder {
    private(set) var events: [Event] = []
    private let at = Date(timeIntervalSince1970: 1_800_000_000)

    @discardableResult
    mutating func add(_ kind: Event.Kind, _ day: String, action: String? = nil, count: Int? = nil, ref: Int64? = nil,
                      resultKind: String? = nil, value: Double? = nil) -> Int64 {
        let id = Int64(events.count + 1)
        events.append(Event(id: id, kind: kind, at: at, day: Fixtures.day(day), action: action, count: count,
                            ref: ref, resultKind: resultKind, value: value))
        return id
    }

    @discardableResult
    mutating func done(_ action: String, _ day: String, _ count: Int = 1) -> Int64 {
        add(.done, day, action: action, count: count)
    }

    mutating func undo(_ id: Int64, on day: String) { add(.undo, day, ref: id) }
    mutating func skip(_ action: String, _ day: String) { add(.skip, day, action: action) }
    mutating func dayOff(_ day: String) { add(.dayOff, day) }

    @discardableResult
    mutating func result(_ kind: String, _ day: String, _ value: Double? = nil) -> Int64 {
        add(.result, day, resultKind: kind, value: value)
    }

    /// Records every action planned on `day` as done to its target.
    mutating func meetPlan(_ plan: Plan, on day: String) {
        for action in plan.actions(on: Fixtures.day(day)) { done(action.id, day, action.target) }
    }

    /// The week of Mon 2027-03-22 up to Wed 24 at 10:00, the current week of several tests:
    /// connection requests 5, 4, 4; invites 4, 3; Tuesday's post.
    mutating func weekOf22MarchSoFar() {
        done("connection-requests", "2027-03-22", 5)
        done("connection-requests", "2027-03-23", 4)
        done("connection-requests", "2027-03-24", 4)
        done("invites", "2027-03-22", 4)
        done("invites", "2027-03-23", 3)
        done("nurture-post", "2027-03-23")
    }
}

extension Scoreboard {
    /// The fixtures' usual call: the whole ledger against the fixture plan.
    static func fixture(
        _ ledger: LedgerBuilder, versions: [PlanVersion] = Fixtures.versions(), today: String, now: String = "12:00",
        weeks: Int = 3, weekStart: Weekday? = nil
    ) -> Scoreboard {
        compute(versions: versions, events: ledger.events, today: Fixtures.day(today), now: Fixtures.time(now),
                weeks: weeks, weekStart: weekStart)
    }

    func week(_ start: String) -> WeekScore? { weeks.first { $0.weekStart == start } }

    func day(_ text: String) -> DayScore? { weeks.flatMap(\.days).first { $0.day == text } }
}
