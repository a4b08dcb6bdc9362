import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan
import SalesSchedule

/// `salesd import --people FILE`: a people list, LinkedIn's connections, or a people export.
struct PeopleImport {
    var file: String
    var ledgerOptions: LedgerOptions

    func run() throws {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else { throw CommandFailure("salesd: cannot read \(file)") }
        let content: PeopleCSV.Content
        do {
            content = try PeopleCSV.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw CommandFailure("salesd: \(file): \(error)")
        }
        let (plan, calendar) = try ledgerOptions.loadPlan()
        let state = try ledgerOptions.takeForWriting(role: "salesd import --people")
        let ledger = state.ledger
        switch content {
        case .events(let events):
            do {
                try ledger.importPersonEvents(events)
            } catch {
                throw CommandFailure("salesd: \(error)")
            }
            let people = Set(events.map(\.person)).count
            Output.print(["Imported \(events.count) person events (\(people) people) into \(ledger.path)"])
        case .list(let rows), .linkedIn(let rows):
            try add(rows, plan: plan, calendar: calendar, ledger: ledger)
        }
    }

    private func add(_ rows: [PeopleCSV.Row], plan: Plan, calendar: ZoneCalendar, ledger: Ledger) throws {
        guard let first = plan.steps.first else { throw CommandFailure("salesd: the plan has no steps") }
        // The daemon's clock, so a test clock shifts an import's today as it shifts the daemon's.
        let now = DaemonClock(environment: ProcessInfo.processInfo.environment).now
        let today = calendar.day(of: now)
        let existing = Set(PersonBook(try ledger.personEvents()).people.compactMap { person in
            person.name.map { key($0, person.company) }
        })
        var events: [PersonEvent] = []
        var skipped = 0
        var seen = existing
        for row in rows {
            let step = row.step ?? first.id
            guard plan.step(id: step) != nil else {
                let guess = ClosestMatch.find(step, in: plan.steps.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
                throw CommandFailure("""
                    salesd: \(file): line \(row.line): no step "\(step)" in the plan (\(guess)the steps: \
                    \(plan.steps.map(\.id).joined(separator: ", "))); nothing was imported
                    """)
            }
            guard seen.insert(key(row.name, row.company)).inserted else { skipped += 1; continue }
            let day = min(row.lastTouch ?? today, today)
            // A date alone: the contact counts at local noon of that day.
            let at = day == today ? now : calendar.resolve(LocalTime(hour: 12, minute: 0, second: 0)!, on: day)?.instant ?? now
            events.append(PersonEvent(kind: .added, at: at, day: day, person: 0, step: step, source: "import",
                                      texts: PersonTexts(name: row.name, company: row.company, note: row.note)))
        }
        do {
            try ledger.addPeople(events)
        } catch {
            throw CommandFailure("salesd: \(error)")
        }
        var lines = ["Added \(events.count) \(events.count == 1 ? "person" : "people") to the pipeline in \(ledger.path)"]
        if skipped > 0 { lines.append("Skipped \(skipped) already there (same name and company)") }
        Output.print(lines)
    }

    private func key(_ name: String, _ company: String?) -> String {
        name.lowercased() + "\u{1F}" + (company ?? "").lowercased()
    }
}
