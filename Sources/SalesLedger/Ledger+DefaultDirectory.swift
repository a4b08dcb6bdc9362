import Foundation

extension Ledger {
    /// The folder the ledger lives in by default: `$XDG_STATE_HOME/salesd`, else
    /// `$HOME/.local/state/salesd` — for the daemon, under systemd or in a terminal, and for every
    /// command that opens the ledger, so there is one ledger per user.
    ///
    /// systemd's `$STATE_DIRECTORY` (its first entry) is honoured unless it is the config folder
    /// (``legacyDirectory(environment:)``), where systemd 252 puts a user unit's `StateDirectory=`.
    /// Empty or relative XDG values are ignored, as the XDG base directory spec requires.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let state = environment["STATE_DIRECTORY"],
           let first = state.split(separator: ":").first(where: { !$0.isEmpty }) {
            let folder = URL(fileURLWithPath: String(first), isDirectory: true).standardizedFileURL
            if !legacyDirectories(environment: environment).contains(folder.path) { return folder }
        }
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return URL(fileURLWithPath: stateHome, isDirectory: true)
                .appendingPathComponent("salesd", isDirectory: true)
        }
        return URL(fileURLWithPath: home(environment), isDirectory: true)
            .appendingPathComponent(".local/state/salesd", isDirectory: true)
    }

    /// Where systemd 252 kept the service's ledger (`StateDirectory=` of a user unit maps to
    /// `$XDG_CONFIG_HOME`): `$XDG_CONFIG_HOME/salesd`, else `$HOME/.config/salesd`.
    public static func legacyDirectory(environment: [String: String]) -> URL {
        URL(fileURLWithPath: legacyDirectories(environment: environment)[0], isDirectory: true)
    }

    private static func legacyDirectories(environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            folders.append(URL(fileURLWithPath: configHome).appendingPathComponent("salesd").standardizedFileURL.path)
        }
        folders.append(URL(fileURLWithPath: home(environment)).appendingPathComponent(".config/salesd").standardizedFileURL.path)
        return folders
    }

    private static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }
}
