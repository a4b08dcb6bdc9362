/// `salesd ctl status` read without argument-parser, so the command people and status bars run
/// most starts as fast as the C tools beside it.
///
/// argument-parser finds a command's options by reflecting on its type at run time, which cost
/// more than everything else `ctl status` does. This reads only the exact shapes of that verb
/// (`--socket PATH`, `--socket=PATH`, `--request KEY`, `--json`, each at most once); anything
/// else — help, a typo, a `--` — is nil, and argument-parser reads the command line as always.
public struct QuickStatus: Equatable, Sendable {
    public var socket: String?
    public var request: String?
    public var json = false

    /// The verb's options when `arguments` (after ``ArgumentRewrite``, without the program name)
    /// is `ctl status` with options only it knows; nil when argument-parser must read them.
    public init?(_ arguments: [String]) {
        guard arguments.count >= 2, arguments[0] == "ctl", arguments[1] == "status" else { return nil }
        var words = arguments.dropFirst(2).makeIterator()
        var seen: Set<String> = []
        while let word = words.next() {
            let name: String
            var value: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else {
                name = word
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--json":
                guard value == nil else { return nil }
                json = true
            case "--socket", "--request":
                if value == nil { value = words.next() }
                guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
                if name == "--socket" { socket = value } else { request = value }
            default:
                return nil
            }
        }
    }
}
