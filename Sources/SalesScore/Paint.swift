import SalesContract

/// ANSI colours, or nothing at all when colour is off.
struct Paint {
    enum Tone {
        case onPace, behind
    }

    let enabled: Bool

    func color(_ text: String, _ tone: Tone) -> String {
        wrap(text, code: tone == .behind ? "31" : "32")
    }

    func bold(_ text: String) -> String { wrap(text, code: "1") }

    func dim(_ text: String) -> String { wrap(text, code: "2") }

    private func wrap(_ text: String, code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
