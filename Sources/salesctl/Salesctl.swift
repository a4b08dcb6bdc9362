#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SalesContract
import SalesControl
import SalesStatus

/// `salesctl`: `salesd ctl` for status bars and prompts that ask often.
///
/// `salesctl status [--socket PATH] [--json]` asks the daemon itself and prints what
/// `salesd ctl status` prints, byte for byte. salesd links all of Foundation with ICU's data,
/// argument-parser and GRDB, and starting it costs more than the call; this links only
/// FoundationEssentials. Everything else — other verbs, help, other options, and every failure,
/// so the messages, the `--json` failure objects and the exit codes are salesd's own — runs
/// `salesd ctl` with the same words (a status call changes nothing, so asking twice is harmless).
@main
enum Salesctl {
    static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        if let status = QuickStatus(["ctl"] + words), let reply = ask(status) {
            let text = status.json
                ? pretty(reply) : StatusText.lines(reply, now: Date()).joined(separator: "\n")
            write(text, to: STDOUT_FILENO)
            exit(0)
        }
        runSalesd(["ctl"] + words)
    }

    /// The daemon's answer; nil when anything went wrong, for salesd to report.
    private static func ask(_ status: QuickStatus) -> StatusCall.Reply? {
        try? VarlinkClient(path: status.socket ?? ControlSocket.defaultPath(
            runtimeDirectory: getenv("XDG_RUNTIME_DIR").map { String(cString: $0) }, uid: getuid()))
            .call(StatusCall.qualifiedName, StatusCall(), replying: StatusCall.Reply.self)
    }

    /// The reply as `salesd ctl status --json` prints it: indented, sorted keys, slashes kept.
    private static func pretty(_ reply: StatusCall.Reply) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The reply is plain strings, numbers and lists: encoding it cannot fail.
        return String(decoding: (try? encoder.encode(reply)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Writes `text` and a newline to `fd`, all of it unless nobody reads any more.
    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array((text + "\n").utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Replaces this process with `salesd` found next to salesctl, else on `PATH`.
    private static func runSalesd(_ arguments: [String]) -> Never {
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &path, path.count - 1)
        var candidates: [String] = []
        if length > 0 {
            let me = String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = me.lastIndex(of: "/") { candidates.append(me[...slash] + "salesd") }
        }
        let argv = (["salesd"] + arguments).map { strdup($0) } + [nil]
        for candidate in candidates where access(candidate, X_OK) == 0 {
            execv(candidate, argv)
        }
        execvp("salesd", argv)
        write("salesctl: cannot run salesd (\(String(cString: strerror(errno))))\n"
            + "Install salesd next to salesctl or on PATH", to: STDERR_FILENO)
        exit(127)
    }
}
