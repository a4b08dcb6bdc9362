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
        case .remote(let name, let parameters):
            return CommandFailure(refusal(error: name, parameters: parameters), status: ExitStatus.refused)
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

    /// The lines for a Varlink error reply: `salesd: <message>`, then what helps fix it.
    static func refusal(error name: String, parameters: [String: JSONValue]) -> [String] {
        let shortName = name.split(separator: ".").last.map(String.init) ?? name
        var lines: [String]
        if let message = parameters["message"]?.string {
            lines = ["salesd: " + message]
        } else if name == "org.varlink.service.PermissionDenied" {
            lines = ["salesd: permission denied: the daemon accepts only the user who runs it"]
        } else if name.hasPrefix("org.varlink.service.") {
            lines = ["salesd: the daemon refused the call (\(shortName)); is it an older version than this salesd?"]
        } else {
            lines = ["salesd: the daemon refused the call (\(name))"]
        }
        switch shortName {
        case "NoSuchAction":
            let known = parameters["known"]?.array?.compactMap(\.string) ?? []
            if !known.isEmpty { lines.append("Known actions: " + known.joined(separator: ", ")) }
        case "InvalidConfig":
            lines += parameters["errors"]?.array?.compactMap(\.string) ?? []
            let config = parameters["config"]?.string.map { " " + $0 } ?? ""
            lines.append("Fix it (check with: salesd check-config\(config)), then: salesd ctl reload")
        default:
            break
        }
        return lines
    }
}
