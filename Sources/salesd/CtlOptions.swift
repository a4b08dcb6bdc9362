import ArgumentParser
import Foundation
import SalesContract

/// The options every `salesd ctl` verb takes.
struct CtlOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The daemon's control socket. (default: $XDG_RUNTIME_DIR/salesd/control.sock)", valueName: "path"))
    var socket: String?

    @Flag(help: "Print the daemon's reply as JSON (sorted keys) instead of text; a failure too.")
    var json = false

    @Option(help: ArgumentHelp(
        "For commands that record: this request's key, to retry one whose outcome was unknown without counting it twice.",
        valueName: "key"))
    var request: String?

    /// The socket to dial: `--socket`, else the per-user default.
    var socketPath: String {
        socket ?? ControlSocket.defaultPath(runtimeDirectory: ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"],
                                            uid: getuid())
    }

    /// A client for the daemon at ``socketPath``.
    var client: ControlClient { ControlClient(socketPath: socketPath, request: request) }

    /// Prints the daemon's `reply`: as JSON with `--json`, else as the `lines` of text made of it.
    func show<Reply: Encodable>(_ reply: Reply, lines: (Reply) -> [String]) {
        Output.print(json ? [JSONOutput.pretty(reply)] : lines(reply))
    }

    /// Prints a reply whose text is one line.
    func show<Reply: Encodable>(_ reply: Reply, line: (Reply) -> String) {
        show(reply, lines: { [line($0)] })
    }
}
