import SalesContract
import SalesPlan

/// How people and person events read in the terminal.
enum PeopleText {
    /// One line per person: id, name, company, step, state, days since the last touch, next step.
    static func list(_ reply: PeopleCall.Reply) -> [String] {
        guard !reply.people.isEmpty else {
            return ["Nobody in the pipeline yet. Add someone with: salesd ctl people add \"Dana Kim\" --company Acme"]
        }
        let header = ["ID", "NAME", "COMPANY", "STEP", "STATE", "LAST TOUCH", "NEXT"]
        let rows = reply.people.map { p in
            ["#\(p.id)", p.label, p.company ?? "", p.stepName, p.status == "active" ? p.state : p.status,
             "\(p.daysSinceTouch)d ago (\(p.lastTouch))", next(p)]
        }
        // Aligned here rather than with the shared table type, so this file needs nothing more.
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { cells in
            var line = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { line += "  " }
                line += i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    static func next(_ p: PersonRecord) -> String {
        guard let next = p.next else { return p.due.map { "due \($0)" } ?? "" }
        return next + (p.due.map { " (due \($0))" } ?? "")
    }

    /// `Dana Kim (#3) at Invite · touched today · ok`.
    static func person(_ p: PersonRecord) -> String {
        let touched = p.daysSinceTouch == 0 ? "touched today" : "last touch \(p.daysSinceTouch)d ago"
        let state = p.status == "active" ? p.state : p.status
        let next = next(p)
        return "\(p.label) (#\(p.id)) at \(p.stepName) · \(touched) · \(state)" + (next.isEmpty ? "" : " · next: \(next)")
    }

    static func recorded(_ what: String, _ outcome: Outcome, _ p: PersonRecord) -> String {
        let already = outcome == .already ? " (already recorded; nothing new)" : ""
        return "\(what)\(already): " + person(p)
    }

    /// The line for a reply that records one person event, e.g. `recorded("Moved")`.
    static func recorded(_ what: String) -> (PersonReply) -> String {
        { reply in recorded(what, reply.outcome, reply.person) }
    }
}
