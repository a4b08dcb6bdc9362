import SalesContract
import SalesPlan

extension PersonRecord {
    /// `person` as the wire carries them on `today`, with their step's name and follow-up state.
    public init(_ person: Person, plan: Plan, today: LocalDay) {
        self.init(id: Int(person.id), name: person.name, company: person.company, step: person.step,
                  stepName: plan.step(id: person.step)?.name ?? person.step, next: person.next, due: person.due,
                  note: person.note, lastTouch: person.lastTouchDay.description,
                  daysSinceTouch: person.daysSinceTouch(today: today),
                  state: person.state(in: plan, today: today).rawValue, status: person.status.rawValue,
                  forgotten: person.forgotten)
    }
}

extension PersonBook {
    /// The active people, most urgent first: overdue, then due, then ok; longest untouched first.
    public func byUrgency(plan: Plan, today: LocalDay) -> [Person] {
        people.filter { $0.status == .active }.sorted {
            let a = $0.state(in: plan, today: today), b = $1.state(in: plan, today: today)
            if a != b { return a > b }
            if $0.lastTouchDay != $1.lastTouchDay { return $0.lastTouchDay < $1.lastTouchDay }
            return $0.id < $1.id
        }
    }
}
