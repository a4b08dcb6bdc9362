/// ANSI styles on a terminal, or nothing at all when colour is off (not a terminal, `NO_COLOR`).
public struct Paint: Sendable {
    public enum Tone: Sendable {
        case onPace, behind
    }

    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public func color(_ text: String, _ tone: Tone) -> String {
        wrap(text, code: tone == .behind ? "31" : "32")
    }

    public func bold(_ text: String) -> String { wrap(text, code: "1") }

    public func dim(_ text: String) -> String { wrap(text, code: "2") }

    private func wrap(_ text: String, code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
