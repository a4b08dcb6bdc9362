import Foundation
import SalesContract
import SalesControl

/// What `salesd ctl` says, and the status it exits with, when a call to the daemon fails.
enum ControlFailure {
    /// The command that starts the daemon, printed whenever it cannot be reached.
    static let startHint = "Start it with: systemctl --user start salesd.socket   (or run it in the foreground: salesd run)"

    /// Maps a client error: unreachable or silent daemon → 3 with the start hint; a refusal → 1 with its message.
    static func failure(for error: VarlinkClientError, socket: String) -> CommandFailure {
        switch error {
        case .unreachable(_, let reason) where reason.contains("Permission denied"):
            return CommandFailure(
                ["salesd: cannot reach the daemon at \(socket) (\(reason))",
                 "Only the user who runs the daemon may use it; run salesd ctl as that user"],
                status: ExitStatus.unreachable)
        case .unreachable(_, let reason):
            return CommandFailure(["salesd: cannot reach the daemon at \(socket) (\(reason))", startHint],
                                  status: ExitStatus.unreachable)
        case .timeout:
            return CommandFailure(["salesd: the daemon at \(socket) did not answer in time", startHint],
                                  status: ExitStatus.unreachable)
        case .untrustedServer(let path, let uid):
            return CommandFailure(
                ["salesd: refusing to talk to \(path): it is served by uid \(uid), not by you; nothing was sent",
                 "Another user may have put a fake salesd there. Start your own daemon on a socket of yours: salesd run --socket PATH"],
                status: ExitStatus.unreachable)
        case .remote(let name, let reply):
            let refusal = ControlError.Kind(qualifiedName: name) != nil ? try? reply.parameters(ControlError.self) : nil
            return CommandFailure(self.refusal(error: name, reply: reply), status: ExitStatus.refused, refusal: refusal)
        case .protocolViolation where error.message.contains("Broken pipe") || error.message.contains("closed"):
            return CommandFailure(
                ["salesd: the daemon at \(socket) closed the connection (\(error.message))",
                 "It may be at its connection limit or restarting; try again"],
                status: ExitStatus.refused)
        case .protocolViolation:
            return CommandFailure(
                ["salesd: \(error.message) (socket \(socket))",
                 "If the daemon restarted, try again; if another program listens there, pass --socket PATH"],
                status: ExitStatus.refused)
        }
    }

    /// The daemon may have recorded the call, or not: say so, how to check, and how to retry
    /// without counting twice (the same request key).
    static func unknownOutcome(of method: ControlMethod, request: String, socket: String) -> CommandFailure {
        var retry = CommandLine.arguments
        retry[0] = "salesd"
        if !retry.contains("--request") { retry += ["--request", request] }
        return CommandFailure(
            ["salesd: the daemon at \(socket) took the request but did not answer in time: "
                + "whether it was recorded is unknown",
             "Check with: salesd ctl today",
             "Retry without counting twice: " + retry.map(Self.shellQuoted).joined(separator: " ")],
            status: ExitStatus.unknown)
    }

    private static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:=@%+".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: #"'''"#) + "'"
    }

    /// The lines for a Varlink error reply: `salesd: <message>`, then what helps fix it.
    static func refusal(error name: String, reply: VarlinkReply) -> [String] {
        if ControlError.Kind(qualifiedName: name) != nil, let refusal = try? reply.parameters(ControlError.self) {
            return lines(for: refusal)
        }
        let shortName = name.split(separator: ".").last.map(String.init) ?? name
        if let message = (try? reply.parameters(ServiceError.self))?.message {
            return ["salesd: " + message]
        } else if name == "org.varlink.service.PermissionDenied" {
            return ["salesd: permission denied: the daemon accepts only the user who runs it"]
        } else if name.hasPrefix("org.varlink.service.") {
            return ["salesd: the daemon refused the call (\(shortName)); is it an older version than this salesd?"]
        }
        return ["salesd: the daemon refused the call (\(name))"]
    }

    static func lines(for refusal: ControlError) -> [String] {
        var lines = ["salesd: " + refusal.message]
        if let known = refusal.known, !known.isEmpty {
            // The message of a NoSuchPerson names its candidates already.
            if refusal.kind != .noSuchPerson { lines.append("Known actions: " + known.joined(separator: ", ")) }
        }
        lines += refusal.errors ?? []
        if let hint = refusal.hint { lines.append(hint.prefix(1).uppercased() + hint.dropFirst()) }
        return lines
    }

    /// The parameters of an `org.varlink.service` error that salesd's daemon sends with a message.
    private struct ServiceError: Decodable {
        let message: String?
    }
}
