import Foundation
import SalesEngine
import SalesPlan
import SalesSchedule

/// A plan with one repeating action and a morning prompt, in a given zone.
func fixturePlan(zone: String = "Europe/London", grace: Int = 600) -> Plan {
    var plan = Plan(
        timeZone: zone, morningPrompt: LocalTime("08:30"),
        steps: [Step(id: "connect", name: "Connect", why: "Meet people"), Step(id: "converse", name: "Converse")],
        actions: [
            PlanAction(id: "requests", step: "connect", title: "Send 5 connection requests", target: 5,
                       days: [.weekdays], at: [LocalTime("09:30")!], repeat: PlanDuration("1h"),
                       until: LocalTime("11:30")),
            PlanAction(id: "call", step: "converse", title: "Hold a sales call", days: [.weekdays],
                       at: [LocalTime("14:00")!]),
        ])
    plan.grace = PlanDuration(seconds: grace)
    return plan
}

func instant(_ text: String) -> Date {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.date(from: text)!
}

/// Drives an engine like the daemon does, with a manual clock: wakes it at each armed instant,
/// and carries its effects out with the daemon's interpreter on in-memory twins.
struct Simulator {
    var engine: Engine
    let store: MemoryReminderLedger
    let timer = ManualWakeTimer()
    let announcer = RecordingAnnouncer()

    init(plan: Plan, start: Date, events: [Event] = []) {
        let calendar = ZoneCalendar(timeZone: TimeZone(identifier: plan.timeZone ?? "UTC")!)
        engine = Engine(plan: plan, calendar: calendar, events: events, handledThrough: start)
        store = MemoryReminderLedger(events: events)
        run(engine.wake(now: start))
    }

    var ledger: [Event] { store.events }
    var announced: [Announcement] { announcer.announced }
    var armed: Date? { timer.armed }
    var fired: [Event] { ledger.filter { $0.kind == .reminder } }
    var missed: [Event] { ledger.filter { $0.kind == .missed } }

    /// Fires the armed timer repeatedly until the clock reaches `end`.
    mutating func advance(to end: Date) {
        while let deadline = armed, deadline <= end {
            run(engine.wake(now: deadline))
        }
    }

    /// The clock shows `now` at once (a jump, a resume, a restart) and the engine is told.
    mutating func jump(to now: Date) { run(engine.wake(now: now)) }

    mutating func command(_ command: Command, at now: Date) throws {
        let event = store.append(try engine.prepare(command, now: now, source: "test"))
        run(engine.apply(event, now: now))
    }

    private func run(_ effects: [EngineEffect]) {
        EffectInterpreter.inMemory(ledger: store, timer: timer, announcer: announcer).perform(effects)
    }
}

extension EffectInterpreter {
    /// The daemon's interpreter on the in-memory twins; a refused record ends the test run.
    static func inMemory(ledger: MemoryReminderLedger, timer: ManualWakeTimer, announcer: RecordingAnnouncer) -> Self {
        EffectInterpreter(ledger: ledger, timer: timer, announcer: announcer) { event, _, _, error in
            fatalError("the in-memory ledger refused \(event): \(error)")
        }
    }
}
