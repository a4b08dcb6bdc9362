import Foundation
import SalesDaemon

/// Where salesd's files live, worked out from an environment (so tests can pass their own).
///
/// DESIGN.md "Files and paths" is the contract: the config under `$XDG_CONFIG_HOME`. (The control
/// socket's rule is the contract's, ``ControlSocket``; the ledger's folder is the daemon's business alone.)
struct Paths {
    var environment: [String: String]
    /// The user id, for the `/run/user/<uid>` fallback when `XDG_RUNTIME_DIR` is unset.
    var uid: UInt32

    init(environment: [String: String] = ProcessInfo.processInfo.environment, uid: UInt32 = getuid()) {
        self.environment = environment
        self.uid = uid
    }

    /// `$XDG_CONFIG_HOME/salesd/config.json`, else `~/.config/salesd/config.json`: the file the daemon
    /// reads (its rule, so `init`, `check-config` and `run` always agree).
    var configFile: String {
        var environment = environment
        if (environment["HOME"] ?? "").isEmpty { environment["HOME"] = home }
        return ConfigSource.defaultPath(environment: environment)
    }

    /// The home folder: `$HOME`, else the password database's entry for `uid`.
    var home: String {
        if let home = nonEmpty("HOME") { return home }
        if let entry = getpwuid(uid), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    private func nonEmpty(_ variable: String) -> String? {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        return value
    }
}
