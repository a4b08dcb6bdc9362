/// Small rewrites of the command line before argument-parser reads it, so what people type works:
///
/// - `--json` anywhere (`salesd ctl --json done x`) counts as the verb's own `--json`: it is moved
///   to the end, where every verb that takes it finds it.
/// - a negative number stands as a positional value (`result revenue -500`, `done X -3`):
///   argument-parser reads `-500` as an option, so it is moved after a `--` at the end, where it
///   can only be a value. Positional order is kept because the number is the verb's last one.
enum ArgumentRewrite {
    static func rewrite(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        var words = arguments
        let json = words.contains("--json")
        words.removeAll { $0 == "--json" }
        if json { words.append("--json") }
        if let index = words.firstIndex(where: isNegativeNumber) {
            let number = words.remove(at: index)
            words += ["--", number]
        }
        return words
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.count >= 2, word.first == "-" else { return false }
        let digits = word.dropFirst()
        return digits.first?.isNumber == true && Double(digits) != nil
    }
}
