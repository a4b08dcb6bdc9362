/// The two ANSI styles salesd uses on a terminal; callers decide whether colour is wanted.
enum Colour {
    static func bold(_ text: String) -> String { "\u{1B}[1m" + text + "\u{1B}[0m" }
    static func dim(_ text: String) -> String { "\u{1B}[2m" + text + "\u{1B}[0m" }
}
