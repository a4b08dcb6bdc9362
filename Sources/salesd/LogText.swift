import SalesContract
import SalesPlan
import SalesText

/// The human rendering of a `Log` reply: one aligned line per entry, oldest first.
enum LogText {
    static func lines(_ reply: LogCall.Reply) -> [String] {
        guard !reply.entries.isEmpty else {
            return ["Nothing recorded from \(reply.from) to \(reply.to)."]
        }
        let byID = Dictionary(reply.entries.map { ($0.event.id, $0.event) }, uniquingKeysWith: { first, _ in first })
        var table = TextTable()
        for entry in reply.entries {
            var event = entry.event
            // An undo reads as what it took back: "undo  skip of follow-ups".
            if let ref = entry.undoes, let target = byID[ref] { event.kind = "undo " + target.kind }
            let recorded = WireTime.day(event.at) == event.day ? "" : " (recorded \(WireTime.day(event.at)))"
            table.append([event.day, WireTime.clock(event.at), event.kind, what(event) + recorded
                          + (entry.cancelled ? " (undone)" : "")])
        }
        return table.lines()
    }

    /// `connection-requests +2 — "met at the fair"`, `revenue 12000`, `until 10:15`.
    static func what(_ event: RecordedEvent) -> String {
        let note = event.note.map { " — \"" + $0 + "\"" } ?? ""
        let name = event.action ?? ""
        switch event.kind {
        case "done": return "\(name) +\(event.count ?? 1)\(note)"
        case "undo", "undo done", "undo skip", "undo snooze":
            return name + (event.count.map { " −\($0)" } ?? "")
        case "undo day-off": return ""
        case "undo result":
            return (event.resultKind ?? "?") + (event.value.map { " " + NumberText.format($0) } ?? "")
        case "skip": return name + note
        case "snooze": return name + (event.until.map { " until " + WireTime.clock($0) } ?? "")
        case "day-off": return note.isEmpty ? "" : String(note.dropFirst(3))
        case "result":
            // A result without a value counts one, as the scoreboard counts it.
            return (event.resultKind ?? "?") + " " + NumberText.format(event.value ?? 1) + note
        default: return name + note
        }
    }
}
