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
/// records what the ledger would accept, and keeps every effect for assertions.
struct Simulator {
    var engine: Engine
    var ledger: [Event] = []
    var announced: [Announcement] = []
    var armed: Date?
    private var nextID: Int64 = 1

    init(plan: Plan, start: Date, events: [Event] = []) {
        let calendar = ZoneCalendar(timeZone: TimeZone(identifier: plan.timeZone ?? "UTC")!)
        engine = Engine(plan: plan, calendar: calendar, events: events, handledThrough: start)
        ledger = events
        nextID = Int64(events.count + 1)
        run(engine.wake(now: start))
    }

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
        var event = try engine.prepare(command, now: now, source: "test")
        event.id = nextID
        nextID += 1
        ledger.append(event)
        run(engine.apply(event, now: now))
    }

    private mutating func run(_ effects: [EngineEffect]) {
        for effect in effects {
            switch effect {
            case .fire(var event, let announcement, _):
                guard !ledger.contains(where: {
                    ($0.kind == .reminder || $0.kind == .missed) && $0.action == event.action && $0.day == event.day
                        && $0.slot == event.slot
                }) else { continue }
                event.id = nextID
                nextID += 1
                ledger.append(event)
                announced.append(announcement)
            case .recordMissed(var event):
                event.id = nextID
                nextID += 1
                ledger.append(event)
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
