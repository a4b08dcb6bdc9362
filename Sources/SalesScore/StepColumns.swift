import SalesContract

/// The steps shown across several weeks: the latest week's order first, then steps only older weeks had.
enum StepColumns {
    static func of(_ weeks: [WeekScore]) -> [(id: String, name: String)] {
        var seen: Set<String> = []
        var columns: [(id: String, name: String)] = []
        for step in weeks.reversed().flatMap(\.steps) where seen.insert(step.step).inserted {
            columns.append((step.step, step.name))
        }
        return columns
    }
}
