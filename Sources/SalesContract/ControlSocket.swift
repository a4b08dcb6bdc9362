/// Where the daemon listens and its clients dial when no socket is named: the rule of DESIGN.md
/// "Files and paths", kept once for the daemon, `salesd ctl` and `salesctl`.
public enum ControlSocket {
    /// `RUNTIME/salesd/control.sock` for `$XDG_RUNTIME_DIR` (`runtimeDirectory`), else
    /// `/run/user/<uid>/salesd/control.sock` when it is unset or empty.
    public static func defaultPath(runtimeDirectory: String?, uid: UInt32) -> String {
        let runtime = runtimeDirectory.flatMap { $0.isEmpty ? nil : $0 } ?? "/run/user/\(uid)"
        return runtime + "/salesd/control.sock"
    }
}
