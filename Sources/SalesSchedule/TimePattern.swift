import Foundation
import SalesPlan

/// The wall times one reminder source asks for on a day it is planned, kept as arithmetic runs
/// (`start`, `start + step`, … up to the last time) rather than as a list: a plan that
/// re-reminds every minute costs a few numbers per action, not 1,440 times a day.
struct TimePattern: Sendable {
    struct Run: Sendable {
        var start: Int
        var step: Int
        var count: Int

        func seconds(_ index: Int) -> Int { start + index * step }
    }

    let runs: [Run]
    /// The planned (`at`) times, each once, in increasing order; every other time of the
    /// pattern is a repeat. A sorted list rather than a set: most actions have one or two.
    let planned: [Int]

    /// The `at` times, plus every `repeat` after each of them up to `until` (default: end of day).
    init(at: [LocalTime], repeat step: Int? = nil, until: LocalTime? = nil) {
        var starts = at.map(\.secondsSinceMidnight)
        starts.sort()
        // Each time once, in place: one list per action, not a set and a sorted copy.
        var kept = 0
        for index in starts.indices where kept == 0 || starts[kept - 1] != starts[index] {
            starts[kept] = starts[index]
            kept += 1
        }
        starts.removeLast(starts.count - kept)
        let last = min(until?.secondsSinceMidnight ?? 86_399, 86_399)
        runs = starts.map { start in
            guard let step, step > 0 else { return Run(start: start, step: 1, count: 1) }
            return Run(start: start, step: step, count: 1 + max(0, (last - start) / step))
        }
        planned = starts
    }

    init(_ action: PlanAction) {
        self.init(at: action.at, repeat: action.repeat?.seconds, until: action.until)
    }

    func isRepeat(_ seconds: Int) -> Bool {
        var low = 0, high = planned.count
        while low < high {
            let middle = (low + high) / 2
            if planned[middle] < seconds { low = middle + 1 } else { high = middle }
        }
        return low == planned.count || planned[low] != seconds
    }

    /// Every time of the pattern, earliest first (for listings of one action; the schedule
    /// itself never builds this list).
    var allTimes: [Int] {
        var seen: Set<Int> = []
        return runs.flatMap { run in (0..<run.count).map(run.seconds) }.filter { seen.insert($0).inserted }.sorted()
    }

    /// The earliest time whose instant (non-decreasing in the time, by salesd's DST rules)
    /// passes `isAfter`, with that instant. A binary search in each run: a few zone look-ups
    /// however many times the pattern holds. Of times sharing one instant (several times in a
    /// spring-forward gap), the earliest names it.
    func first(
        where isAfter: (Date) -> Bool, resolve: (Int) -> ResolvedInstant?
    ) -> (seconds: Int, resolved: ResolvedInstant)? {
        var best: (seconds: Int, resolved: ResolvedInstant)?
        for run in runs {
            var low = 0, high = run.count
            while low < high {
                let middle = (low + high) / 2
                if let value = resolve(run.seconds(middle)), isAfter(value.instant) { high = middle } else { low = middle + 1 }
            }
            guard low < run.count, let value = resolve(run.seconds(low)) else { continue }
            let seconds = run.seconds(low)
            if let current = best, (current.resolved.instant, current.seconds) <= (value.instant, seconds) { continue }
            best = (seconds, value)
        }
        return best
    }
}
