import SalesContract
import XCTest

/// The interface description served to Varlink clients says exactly what the Swift types encode.
final class ControlInterfaceTests: XCTestCase {
    private let idl = InterfaceDescription(ControlInterface.description)
    private let progress = ActionProgress(action: "a", step: "s", stepName: "S", title: "T", done: 0, target: 1,
                                          state: .open, at: [])
    private let event = RecordedEvent(id: 1, kind: "done", at: "", day: "")
    private let person = PersonRecord(id: 1, name: nil, company: nil, step: "", stepName: "", next: nil, due: nil, note: nil,
                                      lastTouch: "", daysSinceTouch: 0, state: "ok", status: "active", forgotten: false)
    private var pipelineStep: PipelineStep {
        PipelineStep(step: "", name: "", count: 0, people: [], entered: 0, advanced: 0, conversion: nil, medianDays: nil)
    }

    /// One sample call and reply per method, every one of them.
    private var samples: [(ControlMethod, call: Any, reply: Any)] {
        let notifications = StatusCall.NotificationState(available: true, server: nil, capabilities: [], reason: nil)
        let board = Scoreboard(today: "", now: "", weekStart: "mon",
                               streak: Streak(days: 0, includesToday: false), weeks: [])
        return [
            (.status, StatusCall(), StatusCall.Reply(
                version: "", pid: 1, since: "", config: "", ledger: "", socket: "", timeZone: "", systemTimeZone: nil,
                today: "", actionsToday: 0, doneToday: 0, nextReminder: nil, notifications: notifications, watchers: 0)),
            (.today, TodayCall(), TodayCall.Reply(day: "", today: "", off: false, actions: [])),
            (.next, NextCall(), NextCall.Reply(day: "", action: nil, why: nil, remaining: 0)),
            (.done, DoneCall(action: "a"), DoneCall.Reply(outcome: .recorded, event: event, progress: progress)),
            (.undo, UndoCall(), UndoCall.Reply(outcome: .recorded, undone: event, cancelled: event, progress: progress)),
            (.snooze, SnoozeCall(action: "a"), SnoozeCall.Reply(outcome: .recorded, until: "")),
            (.skip, SkipCall(action: "a"), SkipCall.Reply(outcome: .recorded, progress: progress)),
            (.dayOff, DayOffCall(), DayOffCall.Reply(outcome: .recorded, day: "")),
            (.result, ResultCall(kind: "client"), ResultCall.Reply(outcome: .recorded, event: event)),
            (.week, WeekCall(), WeekCall.Reply(scoreboard: board)),
            (.reload, ReloadCall(), ReloadCall.Reply(config: "", actions: 0, changed: false)),
            (.watch, WatchCall(), WatchCall.Reply(announcement: WatchEvent(kind: "", message: ""))),
            (.plan, PlanCall(), PlanCall.Reply(today: "", days: [])),
            (.log, LogCall(), LogCall.Reply(from: "", to: "", entries: [])),
            (.planWeek, PlanWeekCall(), PlanWeekCall.Reply(outcome: .recorded, thisWeek: "", nextWeek: "", commitments: [])),
            (.people, PeopleCall(), PeopleCall.Reply(today: "", people: [])),
            (.personAdd, PersonAddCall(name: ""), PersonReply(outcome: .recorded, event: "", person: person)),
            (.personEdit, PersonEditCall(person: ""), PersonReply(outcome: .recorded, event: "", person: person)),
            (.touch, TouchCall(person: ""), TouchCall.Reply(outcome: .recorded, person: person, done: nil)),
            (.move, MoveCall(person: "", step: ""), PersonReply(outcome: .recorded, event: "", person: person)),
            (.won, WonCall(person: ""), WonCall.Reply(outcome: .recorded, person: person, results: [])),
            (.lost, LostCall(person: ""), PersonReply(outcome: .recorded, event: "", person: person)),
            (.forget, ForgetCall(person: ""), ForgetCall.Reply(outcome: .recorded, person: 1, notesErased: 0)),
            (.personUndo, PersonUndoCall(), PersonUndoCall.Reply(outcome: .nothing, undone: nil, person: nil)),
            (.pipeline, PipelineCall(), PipelineCall.Reply(today: "", weeks: 1, from: "", steps: [], won: 0, lost: 0)),
        ]
    }

    /// Each method's parameters and reply fields in the text match its call and reply types.
    func testMethodsMatchTheirTypes() {
        XCTAssertEqual(Set(samples.map(\.0)), Set(ControlMethod.allCases), "a sample per method")
        for (method, call, reply) in samples {
            XCTAssertEqual(idl.methodInputs[method.rawValue], InterfaceDescription.Field.of(call), "\(method) parameters")
            XCTAssertEqual(idl.methodOutputs[method.rawValue], InterfaceDescription.Field.of(reply), "\(method) reply")
        }
    }

    /// The named types of the text match the Swift types that travel in them.
    func testTypesMatch() {
        let types: [(String, Any)] = [
            ("ActionState", progress), ("EventRecord", event), ("Announcement", WatchEvent(kind: "", message: "")),
            ("Reminder", StatusCall.Reminder(action: "", title: "", at: "", slot: "")),
            ("NotificationState", StatusCall.NotificationState(available: true, server: nil, capabilities: [], reason: nil)),
            ("PlannedAction", PlannedAction(action: "", step: "", title: "", target: 1, at: [])),
            ("PlanDay", PlanDay(day: "", off: false, actions: [])),
            ("LogEntry", LogEntry(event: event, cancelled: false)),
            ("Commitment", Commitment(id: 1, week: "", text: "")),
            ("NewCommitment", NewCommitment(text: "")),
            ("CommitmentAnswer", CommitmentAnswer(id: 1, kept: true)),
            ("Person", person), ("PipelineStep", pipelineStep),
            ("LeadToLag", LeadToLagStep(step: "", name: "", touches: 0, won: 0, touchesPerClient: nil)),
        ]
        XCTAssertEqual(Set(idl.types.keys), Set(types.map(\.0)))
        for (name, value) in types {
            XCTAssertEqual(idl.types[name], InterfaceDescription.Field.of(value), name)
        }
    }

    /// Every error of the text is a kind of ControlError, and declares only fields it has.
    func testErrorsMatch() {
        XCTAssertEqual(Set(idl.errors.keys), Set(ControlError.Kind.allCases.map(\.rawValue)))
        let fields = InterfaceDescription.Field.of(ControlError(.noSuchAction, message: ""))
        for (name, declared) in idl.errors {
            XCTAssertTrue(declared.isSubset(of: fields), "\(name): \(declared.subtracting(fields)) is not a field of ControlError")
            XCTAssertTrue(declared.contains(.init(name: "message", optional: false)), name)
        }
    }

    /// The comparison notices a field the text leaves out (a deliberately wrong description).
    func testAMissingFieldIsNoticed() {
        let wrong = InterfaceDescription(ControlInterface.description.replacingOccurrences(
            of: "method Snooze(action: string, duration: ?string, request: ?string) -> (outcome: string, until: string)",
            with: "method Snooze(action: string, duration: ?string, request: ?string) -> (until: string)"))
        XCTAssertNotEqual(wrong.methodOutputs["Snooze"], InterfaceDescription.Field.of(
            SnoozeCall.Reply(outcome: .recorded, until: "")))
        XCTAssertNotNil(wrong.methodOutputs["Snooze"])
    }
}
