import Foundation
import Logging
import SalesContract
@testable import SalesDaemon
import SalesEngine
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesSystemd
import XCTest

/// The driver carries the engine's decisions out on real SQLite, in the right order.
final class DaemonDriverTests: XCTestCase {
    private var folder: URL!
    private let zone = TimeZone(identifier: "Europe/London")!
    /// 2026-11-27 09:30 in London: the plan's one reminder.
    private let due = Date(timeIntervalSince1970: 1_795_771_800)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("salesd-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private var plan: Plan {
        Plan(timeZone: zone.identifier, steps: [Step(id: "connect", name: "Connect")],
             actions: [PlanAction(id: "requests", step: "connect", title: "Send 5 connection requests", target: 5,
                                  days: [.daily], at: [LocalTime("09:30")!])])
    }

    /// A driver whose clock shows `now`, on a fresh ledger, with a captured journal and a manual timer.
    private func driver(
        now: Date, service: any ServiceManager = RecordingServiceManager(), config: ConfigSource = ConfigSource(path: nil),
        plan: Plan? = nil, environment: [String: String] = [:]
    ) throws -> (DaemonDriver, CapturedJournal, ManualWakeTimer, Ledger) {
        let offsetFile = folder.appendingPathComponent("clock-offset").path
        try String(now.timeIntervalSinceNow).write(toFile: offsetFile, atomically: true, encoding: .utf8)
        let clock = DaemonClock(environment: ["SALESD_TEST_CLOCK_OFFSET_FILE": offsetFile])
        let ledger = try Ledger.open(directory: folder.appendingPathComponent("state"))
        let journal = CapturedJournal()
        let timer = ManualWakeTimer()
        let engine = Engine(plan: plan ?? self.plan, calendar: ZoneCalendar(timeZone: zone), events: [],
                            handledThrough: due.addingTimeInterval(-60))
        let driver = DaemonDriver(
            queue: DispatchQueue(label: "driver-test"), ledger: ledger, journal: journal,
            logger: Logger(label: "test"), service: service, engine: engine, config: config,
            clock: clock, environment: environment, socketPath: folder.appendingPathComponent("sock").path, timer: timer)
        return (driver, journal, timer, ledger)
    }

    /// One action per id, each due once a day at 09:30.
    private func callsAtHalfPastNine(_ ids: [String]) -> Plan {
        Plan(timeZone: zone.identifier, steps: [Step(id: "connect", name: "Connect")],
             actions: ids.map { PlanAction(id: $0, step: "connect", title: "Call \($0)", target: 1, days: [.daily],
                                           at: [LocalTime("09:30")!]) })
    }

    /// Lets every write the driver queued finish and its result reach the driver's queue.
    private func settle(_ driver: DaemonDriver) {
        driver.writer.drain()
        driver.queue.sync {}
    }

    /// A due reminder is recorded, then journaled, once; waking again does not repeat it.
    func testDueReminderIsRecordedThenAnnouncedOnce() throws {
        let (driver, journal, timer, ledger) = try driver(now: due.addingTimeInterval(2))
        driver.queue.sync { driver.wake() }
        settle(driver)
        XCTAssertEqual(journal.entries.filter { $0.kind == .reminder }.map(\.action), ["requests"])
        XCTAssertEqual(try ledger.allEvents().filter { $0.kind == .reminder }.map(\.slot), ["09:30"])
        XCTAssertNotNil(timer.armed, "the next wake-up is armed")

        driver.queue.sync { driver.wake() }
        settle(driver)
        XCTAssertEqual(journal.entries.filter { $0.kind == .reminder }.count, 1)
    }

    /// The service manager hears the next reminder whenever the timer is armed, and a reload's
    /// start and end even when the config it reads is broken (the running plan stays).
    func testServiceManagerHearsTheNextReminderAndReloads() throws {
        let broken = folder.appendingPathComponent("broken.json")
        try "{".write(to: broken, atomically: true, encoding: .utf8)
        let service = RecordingServiceManager()
        let (driver, _, _, _) = try driver(now: due.addingTimeInterval(-3600), service: service,
                                           config: ConfigSource(path: broken.path))
        driver.queue.sync { driver.wake() }
        driver.queue.sync { driver.reload(nil) }
        settle(driver)
        let status = "STATUS=Next reminder: Send 5 connection requests at 09:30 on 2026-11-27"
        XCTAssertEqual(service.notifications.first, [status])
        XCTAssertEqual(Array(service.notifications.suffix(2)), [["RELOADING=1"], ["READY=1", status]])
        XCTAssertEqual(driver.engine.plan, plan)
    }

    /// A command is recorded before it is answered; the same request key again counts once and says so.
    func testCommandWithARequestKeyCountsOnce() throws {
        let (driver, _, _, ledger) = try driver(now: due.addingTimeInterval(2))
        var outcomes: [Outcome] = []
        let answered = expectation(description: "two answers")
        answered.expectedFulfillmentCount = 2
        driver.queue.sync {
            for _ in 0..<2 {
                driver.submit(PendingCommand(
                    command: .done(action: "requests", count: 2, note: nil, day: nil), source: "ctl", request: "key-1"
                ) { result in
                    if case .success(let (_, outcome)) = result { outcomes.append(outcome) }
                    answered.fulfill()
                })
            }
        }
        wait(for: [answered], timeout: 10)
        XCTAssertEqual(outcomes, [.recorded, .already])
        XCTAssertEqual(try ledger.allEvents().filter { $0.kind == .done }.map(\.count), [2])
        XCTAssertEqual(driver.queue.sync { driver.engine.doneCount("requests", on: driver.engine.calendar.day(of: due)) }, 2)
    }

    /// A command whose client hung up while it waited is not started, and nothing is recorded.
    func testAbandonedCommandIsNotStarted() throws {
        let (driver, _, _, ledger) = try driver(now: due.addingTimeInterval(2))
        driver.queue.sync {
            driver.submit(PendingCommand(command: .done(action: "requests", count: 1, note: nil, day: nil),
                                         source: "ctl", isAbandoned: { true }) { _ in
                XCTFail("an abandoned command was answered")
            })
        }
        settle(driver)
        XCTAssertEqual(try ledger.allEvents().filter { $0.kind == .done }, [])
    }

    /// Status sees each change of the engine: a done that meets the target moves the next
    /// reminder from today's to tomorrow's.
    func testTheNextReminderFollowsACommand() throws {
        let (driver, _, _, _) = try driver(now: due.addingTimeInterval(-3600))
        let now = due.addingTimeInterval(-3600)
        XCTAssertEqual(driver.queue.sync { driver.nextReminder(after: now)?.instant }, due)
        let answered = expectation(description: "done recorded")
        driver.queue.sync {
            driver.submit(PendingCommand(command: .done(action: "requests", count: 5, note: nil, day: nil), source: "ctl") { _ in
                answered.fulfill()
            })
        }
        wait(for: [answered], timeout: 10)
        XCTAssertEqual(driver.queue.sync { driver.nextReminder(after: now)?.instant }, due.addingTimeInterval(86_400))
        XCTAssertEqual(driver.queue.sync { driver.statusLine() },
                       "Next reminder: Send 5 connection requests at 09:30 on 2026-11-28")
    }

    /// Reminders that come due together are recorded together, then journaled a slice per turn
    /// of the queue, in order, so what else waits on the queue runs in between.
    func testManyDueRemindersAreRecordedThenJournaledInSlices() throws {
        let count = DaemonDriver.announcementSlice * 2 + 50
        let ids = (0..<count).map { String(format: "call-%03d", $0) }
        let (driver, journal, _, ledger) = try driver(now: due.addingTimeInterval(2), plan: callsAtHalfPastNine(ids))
        let between = Between()
        let checked = expectation(description: "checked between slices")
        // Read only on the driver's queue, like everything the driver journals.
        nonisolated(unsafe) let journaled = journal
        driver.queue.sync {
            driver.wake()
            // Waiting for the write here puts its result on the queue right behind this turn, and
            // the check right behind the result: the result tells the first slice and queues the
            // next one behind the check, however fast or slow the machine is.
            driver.writer.drain()
            driver.queue.async {
                between.told = journaled.entries.filter { $0.kind == .reminder }.count
                checked.fulfill()
            }
        }
        wait(for: [checked], timeout: 10)
        XCTAssertEqual(try ledger.allEvents().filter { $0.kind == .reminder }.count, count, "all recorded first")
        XCTAssertEqual(between.told, DaemonDriver.announcementSlice)

        for _ in 0..<count { driver.queue.sync {} }
        XCTAssertEqual(journal.entries.filter { $0.kind == .reminder }.compactMap(\.action), ids)
    }

    /// A wake with more due actions than a slice deals with them a slice per turn of the
    /// queue, recording each slice before telling it; what waits on the queue runs between
    /// slices, and a command sent meanwhile is recorded after every reminder of the wake.
    func testAWakeInSlicesLetsCallsInAndRecordsCommandsAfterIt() throws {
        let count = DaemonDriver.wakeSlice * 2 + 10
        let ids = (0..<count).map { String(format: "call-%04d", $0) }
        let (driver, journal, _, ledger) = try driver(now: due.addingTimeInterval(2), plan: callsAtHalfPastNine(ids))
        var recordedAfterFirstSlice = 0
        let between = Between()
        let answered = expectation(description: "done recorded")
        driver.queue.sync {
            driver.wake()
            driver.writer.drain()
            recordedAfterFirstSlice = (try? ledger.allEvents().filter { $0.kind == .reminder }.count) ?? -1
            // Queued behind the turn that deals with the second slice, ahead of the third's.
            driver.queue.async {
                driver.writer.drain()
                between.waking = driver.engine.isWaking
                between.recorded = (try? ledger.allEvents().filter { $0.kind == .reminder }.count) ?? -1
            }
            driver.submit(PendingCommand(command: .done(action: ids[0], count: 1, note: nil, day: nil), source: "ctl") { _ in
                answered.fulfill()
            })
        }
        wait(for: [answered], timeout: 10)
        settle(driver)
        XCTAssertEqual(recordedAfterFirstSlice, DaemonDriver.wakeSlice)
        XCTAssertEqual(between.waking, true)
        XCTAssertEqual(between.recorded, DaemonDriver.wakeSlice * 2)

        let events = try ledger.allEvents()
        XCTAssertEqual(events.filter { $0.kind == .reminder }.compactMap(\.action), ids)
        XCTAssertEqual(events.last?.kind, .done, "the command is recorded after the wake's reminders")
        for _ in 0..<count { driver.queue.sync {} }
        let told = journal.entries.filter { [.reminder, .done].contains($0.kind) }
        XCTAssertEqual(told.filter { $0.kind == .reminder }.compactMap(\.action), ids)
        XCTAssertEqual(told.last?.kind, .done)
    }

    /// The system zone `Status` shows is read once the zone watcher runs and kept until the
    /// watcher tells of a change; without a watcher it is read on every call.
    func testTheSystemZoneIsKeptWhileWatched() throws {
        let (driver, _, _, _) = try driver(now: due, environment: ["TZ": "Asia/Tokyo"])
        driver.queue.sync {
            XCTAssertNil(driver.watchedSystemZone)
            XCTAssertEqual(driver.systemZone.identifier, "Asia/Tokyo", "read afresh while not watched")
            driver.systemZoneWatched()
            XCTAssertEqual(driver.watchedSystemZone?.identifier, "Asia/Tokyo")
            driver.watchedSystemZone = TimeZone(identifier: "Europe/Paris")
            XCTAssertEqual(driver.systemZone.identifier, "Europe/Paris", "kept, not read again")
            driver.systemZoneChanged()
            XCTAssertEqual(driver.systemZone.identifier, "Asia/Tokyo", "read again when the watcher tells of a change")
        }
    }
}

/// What a call queued between two slices of a wake saw.
///
/// `@unchecked Sendable`: written on the driver's queue, read by the test once that queue is settled.
private final class Between: @unchecked Sendable {
    var waking: Bool?
    var recorded: Int?
    var told: Int?
}
