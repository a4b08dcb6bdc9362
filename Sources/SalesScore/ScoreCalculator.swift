import SalesContract
import SalesPlan

/// Derives day, week and streak figures from the plan history and the indexed ledger.
struct ScoreCalculator {
    let history: PlanHistory
    let index: LedgerIndex
    let today: LocalDay
    let now: LocalTime

    func day(_ day: LocalDay) -> DayScore {
        let plan = history.plan(on: day)
        let off = index.daysOff.contains(day) || (plan?.daysOff.contains(day) ?? false)
        let doneToday = index.done[day] ?? [:]
        let skipped = index.skipped[day] ?? []
        var actions: [ActionDay] = []
        var seen: Set<String> = []
        for action in plan?.actions ?? [] {
            let planned = action.isPlanned(on: day)
            let done = doneToday[action.id] ?? 0
            guard planned || done > 0 else { continue }
            seen.insert(action.id)
            actions.append(ActionDay(
                action: action.id, step: action.step, target: planned && !off ? action.target : 0,
                done: done, excused: off || skipped.contains(action.id)
            ))
        }
        // Done for an action the day's plan does not know (removed or renamed later): still history.
        for (id, done) in doneToday.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
            guard let step = history.step(ofAction: id, on: day) else { continue }
            actions.append(ActionDay(action: id, step: step, target: 0, done: done, excused: off))
        }
        return DayScore(day: day.description, status: status(of: day, off: off, actions: actions), actions: actions)
    }

    private func status(of day: LocalDay, off: Bool, actions: [ActionDay]) -> DayStatus {
        if day > today { return .upcoming }
        if off { return .off }
        let planned = actions.filter { $0.target > 0 }
        if planned.isEmpty { return .free }
        if planned.allSatisfy(\.excused) { return .excused }
        if planned.allSatisfy(\.met) { return .met }
        return day == today ? .open : .missed
    }

    func week(startingOn start: LocalDay) -> WeekScore {
        let dates = (0..<7).map { start.adding(days: $0) }
        let days = dates.map(day)
        let end = dates[6]
        let referencePlan = history.plan(on: min(end, today))
        var stepIDs = referencePlan?.steps.map(\.id) ?? []
        for action in days.flatMap(\.actions) where !stepIDs.contains(action.step) && (action.done > 0 || action.due > 0) {
            stepIDs.append(action.step)
        }
        var credited = 0
        let steps = stepIDs.map { id -> StepWeek in
            var done = 0, target = 0, expected = 0, creditedDone = 0
            for (date, score) in zip(dates, days) {
                for action in score.actions where action.step == id {
                    done += action.done
                    target += action.due
                    creditedDone += action.creditedDone
                    expected += expectedByNow(action, on: date)
                }
            }
            credited += creditedDone
            let name = referencePlan?.step(id: id)?.name ?? history.stepName(id)
            return StepWeek(step: id, name: name, done: done, target: target, expected: expected, creditedDone: creditedDone)
        }
        let planSteps = referencePlan?.steps.map(\.id) ?? []
        let active = steps.filter { $0.active && planSteps.contains($0.step) }.count
        return WeekScore(
            weekStart: start.description, weekEnd: end.description, isCurrent: (start...end).contains(today),
            steps: steps, coverageOfPlanSteps: Coverage(activeSteps: active, planSteps: planSteps.count),
            creditedDone: credited, results: results(in: dates), days: days
        )
    }

    private func expectedByNow(_ action: ActionDay, on date: LocalDay) -> Int {
        if date < today { return action.due }
        guard date == today, let first = history.plan(on: date)?.action(id: action.action)?.at.min() else { return 0 }
        return first <= now ? action.due : 0
    }

    private func results(in dates: [LocalDay]) -> [ResultTally] {
        var tallies: [String: ResultTally] = [:]
        for event in dates.flatMap({ index.results[$0] ?? [] }) {
            guard let kind = event.resultKind else { continue }
            var tally = tallies[kind] ?? ResultTally(kind: kind, count: 0, sum: 0)
            tally.count += 1
            tally.sum += event.value ?? 1
            tallies[kind] = tally
        }
        return tallies.values.sorted { $0.kind < $1.kind }
    }

    func streak() -> Streak {
        guard let first = history.firstDay else { return Streak(days: 0, includesToday: false) }
        var days = 0
        var date = today.adding(days: -1)
        walk: while date >= first {
            switch day(date).status {
            case .met: days += 1
            case .missed: break walk
            case .open, .excused, .off, .free, .upcoming: break
            }
            date = date.adding(days: -1)
        }
        let todayMet = day(today).status == .met
        return Streak(days: days + (todayMet ? 1 : 0), includesToday: todayMet)
    }
}
