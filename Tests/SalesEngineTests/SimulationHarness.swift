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
    /// The twins the daemon's effect interpreter runs on here.
    let store = MemoryReminderLedger()
    let timer = ManualWakeTimer()
    let announcer = RecordingAnnouncer()
    var ledger: [Event] { store.events }
    var announced: [Announcement] { announcer.announced }
    /// Reminder records the ledger's unique index refused: the engine asked twice.
    var duplicates: [Event] { store.duplicates }
    var armed: Date? { timer.armed }
    /// Timer expiries the engine was woken for (not counting jumps, restarts and commands).
    private(set) var timerWakes = 0
    /// What the clock shows.
    private(set) var now: Date
    /// When the run's plan came into force (the start of the simulation).
    let inForce: Date
    private(set) var segments: [Segment]

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

    /// The daemon stops now and starts again at `instant`, restoring the engine as the daemon
    /// does: the ledger's history window, and the plan in force since the simulation began.
    mutating func restart(at instant: Date) {
        now = instant
        let window = Engine.historyWindow(for: plan, today: calendar.day(of: instant))
        let events = Self.eventsForRestart(ledger.filter { $0.day >= window.from && $0.day <= window.through })
        engine = Engine.restore(plan: plan, calendar: calendar, now: instant, planInForceSince: inForce, events: events)
        run(engine.wake(now: instant))
    }

    /// What the daemon reads at start (`Ledger.eventsForRestart`): every event but reminders,
    /// and of those each snooze end and the latest time per action, day and kind.
    static func eventsForRestart(_ events: [Event]) -> [Event] {
        let isTime = { (event: Event) in (event.kind == .reminder || event.kind == .missed) && !(event.slot ?? "").hasPrefix("snooze@") }
        let latest = Dictionary(grouping: events.filter(isTime)) { "\($0.action ?? "") \($0.day) \($0.kind)" }
            .mapValues { group in group.max { ($0.slot ?? "") < ($1.slot ?? "") }!.id }
        let kept = Set(latest.values.compactMap { $0 })
        return events.filter { !isTime($0) || kept.contains($0.id ?? -1) }
    }

    /// Records a command the person gives at the current time.
    mutating func command(_ command: Command) throws {
        let event = store.append(try engine.prepare(command, now: now, source: "test"))
        run(engine.apply(event, now: now))
    }

    private func run(_ effects: [EngineEffect]) {
        EffectInterpreter.inMemory(ledger: store, timer: timer, announcer: announcer).perform(effects)
    }
}
