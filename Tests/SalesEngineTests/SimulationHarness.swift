import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule

/// Drives an engine like the daemon does over days and faults, with a manual clock: the armed
/// timer, suspends and clock jumps, zone changes, restarts and commands. It keeps the ledger as
/// the SQLite ledger would (one reminder record per action, day and slot), counts the engine's
/// attempts to record a reminder twice, and remembers which zone was in force when.
struct SimulationHarness {
    /// A zone in force from an instant on.
    struct Segment {
        var calendar: ZoneCalendar
        var from: Date
    }

    private(set) var engine: Engine
    private(set) var ledger: [Event] = []
    private(set) var announced: [Announcement] = []
    /// Reminder records the ledger's unique index refused: the engine asked twice.
    private(set) var duplicates: [Event] = []
    private(set) var armed: Date?
    /// Timer expiries the engine was woken for (not counting jumps, restarts and commands).
    private(set) var timerWakes = 0
    /// What the clock shows.
    private(set) var now: Date
    /// When the run's plan came into force (the start of the simulation).
    let inForce: Date
    private(set) var segments: [Segment]
    private var nextID: Int64 = 1
    private var recorded: Set<SimulationKey> = []

    init(plan: Plan, start: Date) {
        let calendar = ZoneCalendar(timeZone: TimeZone(identifier: plan.timeZone!)!)
        engine = Engine(plan: plan, calendar: calendar, events: [], handledThrough: start)
        now = start
        inForce = start
        segments = [Segment(calendar: calendar, from: start)]
        run(engine.wake(now: start))
    }

    var plan: Plan { engine.plan }
    var calendar: ZoneCalendar { engine.calendar }
    var fired: [Event] { ledger.filter { $0.kind == .reminder } }
    var missed: [Event] { ledger.filter { $0.kind == .missed } }
    /// The gathered "missed" announcements.
    var gathered: [Announcement] { announced.filter { $0.kind == .missed } }

    /// Lets time run to `end`, waking the engine whenever its timer expires.
    mutating func advance(to end: Date) {
        while let deadline = armed, deadline <= end {
            now = deadline
            timerWakes += 1
            run(engine.wake(now: deadline))
        }
        now = max(now, end)
    }

    /// The clock shows `instant` at once (a resume, a jump either way) and the engine is told.
    mutating func jump(to instant: Date) {
        now = instant
        run(engine.wake(now: instant))
    }

    /// The machine sleeps for `seconds` and the engine is told on resume.
    mutating func suspend(for seconds: TimeInterval) { jump(to: now.addingTimeInterval(seconds)) }

    /// The system zone becomes `zone` now, as the daemon handles it: same plan, new calendar, then a wake.
    mutating func changeZone(to zone: String) {
        let calendar = ZoneCalendar(timeZone: TimeZone(identifier: zone)!)
        var plan = engine.plan
        plan.timeZone = zone
        segments.append(Segment(calendar: calendar, from: now))
        run(engine.replacePlan(plan, calendar: calendar, now: now))
        run(engine.wake(now: now))
    }

    /// The daemon stops now and starts again at `instant`, loading the ledger as it does:
    /// events from `today − backfillDays − 1` and `handledThrough` = the later of the start of
    /// `today − backfillDays` and the moment the plan came into force.
    mutating func restart(at instant: Date) {
        now = instant
        let today = calendar.day(of: instant)
        let events = ledger.filter { $0.day >= today.adding(days: -plan.backfillDays - 1) }
        let handledThrough = max(calendar.startOfDay(today.adding(days: -plan.backfillDays)), inForce)
        engine = Engine(plan: plan, calendar: calendar, events: events, handledThrough: handledThrough)
        armed = nil
        run(engine.wake(now: instant))
    }

    /// Records a command the person gives at the current time.
    mutating func command(_ command: Command) throws {
        var event = try engine.prepare(command, now: now, source: "test")
        append(&event)
        run(engine.apply(event, now: now))
    }

    private mutating func append(_ event: inout Event) {
        event.id = nextID
        nextID += 1
        ledger.append(event)
    }

    /// The ledger's unique index: the first record of a reminder wins, a second is refused.
    private mutating func isRecorded(_ event: Event) -> Bool { !recorded.insert(SimulationKey(event)).inserted }

    private mutating func run(_ effects: [EngineEffect]) {
        for effect in effects {
            switch effect {
            case .fire(var event, let announcement, _):
                guard !isRecorded(event) else { duplicates.append(event); continue }
                append(&event)
                announced.append(announcement)
            case .recordMissed(var event):
                guard !isRecorded(event) else { duplicates.append(event); continue }
                append(&event)
            case .announce(let announcement, _):
                announced.append(announcement)
            case .withdraw:
                break
            case .arm(let date):
                armed = date
            }
        }
    }
}
