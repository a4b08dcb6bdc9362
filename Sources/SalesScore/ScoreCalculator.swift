import SalesContract
import SalesPlan

/// Derives day, week and streak figures from the plan history and the indexed ledger.
struct ScoreCalculator {
    let history: PlanHistory
    let index: LedgerIndex
    let today: LocalDay
    let now: LocalTime
    /// Skips beyond their month's skip budget: they count as misses, not excuses.
    let overBudget: Set<SkipKey>

    struct SkipKey: Hashable {
        var day: LocalDay
        var action: String
    }

    init(history: PlanHistory, index: LedgerIndex, today: LocalDay, now: LocalTime) {
        self.history = history
        self.index = index
        self.today = today
        self.now = now
        self.overBudget = Self.skipsOverBudget(history: history, index: index)
    }

    /// Walks each calendar month's skips in day order (actions by id within a day): an action
    /// with its own `skipBudget` spends that, the others share the plan's; once spent, the
    /// month's further skips are over budget. Skips on days off and of actions not planned that
    /// day spend nothing (nothing was asked). No budget at all: every skip is excused.
    static func skipsOverBudget(history: PlanHistory, index: LedgerIndex) -> Set<SkipKey> {
        var over: Set<SkipKey> = []
        var month: (year: Int, month: Int)?
        var spent: [String: Int] = [:]
        var shared = 0
        for day in index.skipped.keys.sorted() {
            if month.map({ $0 != (day.year, day.month) }) ?? true {
                month = (day.year, day.month)
                spent = [:]
                shared = 0
            }
            guard let plan = history.plan(on: day), !index.daysOff.contains(day), !plan.isDayOff(day) else { continue }
            for id in index.skipped[day, default: []].sorted() {
                guard let action = plan.action(id: id), action.isPlanned(on: day) else { continue }
                if let own = action.skipBudget {
                    spent[id, default: 0] += 1
                    if spent[id]! > own { over.insert(SkipKey(day: day, action: id)) }
                } else if let budget = plan.skipBudget {
                    shared += 1
                    if shared > budget { over.insert(SkipKey(day: day, action: id)) }
                }
            }
        }
        return over
    }

    func day(_ day: LocalDay) -> DayScore {
        let plan = history.plan(on: day)
        let off = index.daysOff.contains(day) || (plan?.isDayOff(day) ?? false)
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
                action: action.id, step: action.step, target: planned && !off ? action.target(on: day) : 0,
                done: done,
                excused: off || (skipped.contains(action.id) && !overBudget.contains(SkipKey(day: day, action: action.id)))
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
            // What each day from today on can still add at the plan's pace (its actions' targets,
            // less what is done of them today), for the safe days.
            var open: [Int] = []
            for (date, score) in zip(dates, days) {
                var left = 0
                for action in score.actions where action.step == id {
                    done += action.done
                    target += action.due
                    creditedDone += action.creditedDone
                    expected += expectedByNow(action, on: date)
                    left += date == today ? max(0, action.due - action.done) : action.due
                }
                if date >= today, left > 0 { open.append(left) }
            }
            credited += creditedDone
            let name = referencePlan?.step(id: id)?.name ?? history.stepName(id)
            let safe = (start...end).contains(today) ? Self.safeDays(need: target - done, open: open) : nil
            return StepWeek(step: id, name: name, done: done, target: target, expected: expected,
                            creditedDone: creditedDone, safeDays: safe)
        }
        let planSteps = referencePlan?.steps.map(\.id) ?? []
        let active = steps.filter { $0.active && planSteps.contains($0.step) }.count
        return WeekScore(
            weekStart: start.description, weekEnd: end.description, isCurrent: (start...end).contains(today),
            steps: steps, coverageOfPlanSteps: Coverage(activeSteps: active, planSteps: planSteps.count),
            creditedDone: credited, results: results(in: dates), days: days
        )
    }

    /// How many of the days still open could be missed with the week's target still met, when
    /// every other open day does its plan: the smallest days are given up first, as many as the
    /// rest still covers `need`. 0 when even every open day would not cover it.
    static func safeDays(need: Int, open: [Int]) -> Int {
        var rest = open.reduce(0, +)
        guard rest >= need else { return 0 }
        var missed = 0
        for day in open.sorted() {
            guard rest - day >= need else { break }
            rest -= day
            missed += 1
        }
        return missed
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
        let (weeks, thisWeek) = weekStreak()
        return Streak(days: days + (todayMet ? 1 : 0), includesToday: todayMet, weeks: weeks, includesThisWeek: thisWeek)
    }

    /// Consecutive weeks, back from last week, in which every step met its weekly target (this
    /// week too once it has). A week that asked nothing (all off) neither breaks nor extends it.
    private func weekStreak() -> (weeks: Int, includesThisWeek: Bool) {
        guard let first = history.firstDay else { return (0, false) }
        let weekStart = history.plan(on: today)?.weekStart ?? .mon
        let current = today.startOfWeek(weekStart: weekStart)
        func met(_ week: WeekScore) -> Bool? {
            let asked = week.steps.filter { $0.target > 0 }
            return asked.isEmpty ? nil : asked.allSatisfy { $0.done >= $0.target }
        }
        var weeks = 0
        var start = current.adding(days: -7)
        while start.adding(days: 6) >= first {
            let verdict = met(week(startingOn: start))
            if verdict == false { break }
            if verdict == true { weeks += 1 }
            start = start.adding(days: -7)
        }
        let thisWeek = met(week(startingOn: current)) == true
        return (weeks + (thisWeek ? 1 : 0), thisWeek)
    }
}
