import SalesContract

/// The weekly session's commitments for people: this week's with whether they were kept, then
/// the next week's.
enum CommitmentText {
    static func lines(_ commitments: [Commitment], thisWeek: String) -> [String] {
        guard !commitments.isEmpty else {
            return ["", "commitments: none (make up to three for next week with: salesd plan-week)"]
        }
        var lines: [String] = []
        for (title, list) in [("commitments this week", commitments.filter { $0.week == thisWeek }),
                              ("commitments for the week of", commitments.filter { $0.week > thisWeek })] {
            guard !list.isEmpty else { continue }
            lines.append("")
            lines.append(title == "commitments this week" ? "\(title) (from \(thisWeek)):" : "\(title) \(list[0].week):")
            for (n, c) in list.enumerated() {
                let state = c.week == thisWeek ? "  — " + (c.kept.map { $0 ? "kept" : "not kept" } ?? "kept? not answered yet") : ""
                lines.append("  \(n + 1). \(c.text)\(c.step.map { "  [\($0)]" } ?? "")\(state)  (id \(c.id))")
            }
        }
        return lines
    }
}
