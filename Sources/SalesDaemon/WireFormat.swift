import Foundation
import SalesControl
import SalesEngine
import SalesPlan

/// Renders engine values as the Varlink contract's JSON (see `ControlInterface`).
struct WireFormat {
    let timeZone: TimeZone

    /// `2026-11-27T09:30:00+01:00` (`Z` in UTC), written by hand: corelibs Foundation builds an
    /// ICU formatter on every `ISO8601DateFormatter` call, which dominated every reply.
    func time(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = timeZone.secondsFromGMT(for: date)
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let clock = "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        let zone = offset == 0 ? "Z"
            : (offset < 0 ? "-" : "+") + "\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
        return "\(LocalDay(daysSinceEpoch: days))T\(clock)\(zone)"
    }

    func state(_ s: ActionState) -> JSONValue {
        var out: [String: JSONValue] = [
            "action": .string(s.action.id), "step": .string(s.action.step), "stepName": .string(s.step.name),
            "title": .string(s.action.title), "done": .int(Int64(s.done)), "target": .int(Int64(s.target)),
            "state": .string(s.state.rawValue), "at": .array(s.action.at.map { .string($0.description) }),
        ]
        if let next = s.next { out["next"] = .string(time(next)) }
        return .object(out)
    }

    func event(_ e: Event) -> JSONValue {
        var out: [String: JSONValue] = [
            "id": .int(e.id ?? 0), "kind": .string(e.kind.rawValue), "at": .string(time(e.at)),
            "day": .string(e.day.description),
        ]
        if let v = e.action { out["action"] = .string(v) }
        if let v = e.count { out["count"] = .int(Int64(v)) }
        if let v = e.note { out["note"] = .string(v) }
        if let v = e.until { out["until"] = .string(time(v)) }
        if let v = e.resultKind { out["resultKind"] = .string(v) }
        if let v = e.value { out["value"] = .double(v) }
        if let v = e.source { out["source"] = .string(v) }
        return .object(out)
    }

    func announcement(_ a: Announcement) -> JSONValue {
        var out: [String: JSONValue] = [
            "kind": .string(a.kind.rawValue), "message": .string(a.message), "late": .bool(a.late),
        ]
        if let v = a.day { out["day"] = .string(v.description) }
        if let v = a.action { out["action"] = .string(v) }
        if let v = a.step { out["step"] = .string(v) }
        if let v = a.title { out["title"] = .string(v) }
        if let v = a.count { out["count"] = .int(Int64(v)) }
        if let v = a.done { out["done"] = .int(Int64(v)) }
        if let v = a.target { out["target"] = .int(Int64(v)) }
        if let v = a.scheduled { out["scheduled"] = .string(time(v)) }
        if let v = a.latenessMs { out["latenessMs"] = .int(Int64(v)) }
        return .object(out)
    }
}
