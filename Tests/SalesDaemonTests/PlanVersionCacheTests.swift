import Foundation
@testable import SalesDaemon
import SalesLedger
import SalesPlan
import SalesScore
import XCTest

/// The daemon's parsed plan versions are those the ledger records, also after a new one is recorded.
final class PlanVersionCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func planEvent(target: Int, day: LocalDay) -> Event {
        let plan = Plan(timeZone: "UTC", steps: [Step(id: "connect", name: "Connect")],
                        actions: [PlanAction(id: "requests", step: "connect", title: "Send connection requests",
                                             target: target, days: [.daily], at: [LocalTime("09:30")!])])
        return Event(kind: .plan, at: Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400), day: day,
                     payload: plan.canonicalJSON())
    }

    /// Each call equals a fresh parse of every plan event; one recorded between calls is picked up.
    func testVersionsMatchTheLedgerAcrossANewPlan() throws {
        let ledger = try Ledger.open(directory: folder.appendingPathComponent("state"))
        let day = LocalDay(iso: "2026-11-02")!
        try ledger.append(planEvent(target: 5, day: day))
        var cache = PlanVersionCache()
        let fresh = { PlanVersion.fromLedger(try ledger.plans()) { try? Plan.parse(Data($0.utf8)) } }

        let first = try cache.versions(in: ledger)
        XCTAssertEqual(first, try fresh())
        XCTAssertEqual(first.map(\.plan.actions[0].target), [5])

        try ledger.append(planEvent(target: 8, day: day.adding(days: 3)))
        let second = try cache.versions(in: ledger)
        XCTAssertEqual(second, try fresh())
        XCTAssertEqual(second.map(\.plan.actions[0].target), [5, 8])
        XCTAssertEqual(second.map(\.effectiveFrom), [day, day.adding(days: 3)])
        XCTAssertEqual(try cache.versions(in: ledger), second, "nothing new: the same versions, not twice")
    }
}
