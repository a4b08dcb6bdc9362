/// Changes one action's target from a week start on in the text of a config file, touching only
/// the bytes of that action's `target`/`targets`: the person's layout, comments-free JSON as it
/// is, stays as they wrote it.
public enum ConfigTargetEdit {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAPlan
        case noSuchAction(String)

        public var description: String {
            switch self {
            case .notAPlan: "the file is not a JSON object with an \"actions\" list"
            case .noSuchAction(let id): "no action \"\(id)\" in the file"
            }
        }
    }

    /// `text` with `action`'s target set to `target` from `from` on: a dated entry added to (or
    /// replacing the ones from that day on in) its list of dated targets, written beside the
    /// number as `"targets"`. Unchanged text when that target is already in force then.
    public static func setting(_ target: Int, from: LocalDay, action id: String, in text: String, current: PlanAction)
        throws(Failure) -> String
    {
        if current.target(on: from) == target, !current.targets.contains(where: { $0.from > from }) { return text }
        guard let root = JSONSpans.parse(text), let actions = root.member("actions") else { throw .notAPlan }
        guard let object = actions.elements.first(where: { element in
            guard let idSpan = element.member("id") else { return false }
            return slice(text, idSpan) == "\"\(id)\""
        }) else { throw .noSuchAction(id) }
        var entries = current.targets.filter { $0.from < from }
        entries.append(DatedTarget(from: from, target: target))
        let list = "[" + entries.map { #"{"from": "\#($0.from)", "target": \#($0.target)}"# }.joined(separator: ", ") + "]"
        if let targets = object.member("targets") { return replacing(text, targets, with: list) }
        if let number = object.member("target") {
            if case .array = number.node { return replacing(text, number, with: list) }
            return inserting(text, at: number.end, ", \"targets\": " + list)
        }
        // Neither: the target was the default, 1; the list goes after the id.
        return inserting(text, at: object.member("id")!.end, ", \"targets\": " + list)
    }

    private static func slice(_ text: String, _ span: JSONSpans.Spanned) -> String {
        String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
    }

    private static func replacing(_ text: String, _ span: JSONSpans.Spanned, with new: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<span.start] + Array(new.utf8) + bytes[span.end...], as: UTF8.self)
    }

    private static func inserting(_ text: String, at offset: Int, _ new: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<offset] + Array(new.utf8) + bytes[offset...], as: UTF8.self)
    }
}
