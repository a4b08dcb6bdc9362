import Foundation

extension Ledger {
    /// The folder the ledger lives in by default: systemd's `$STATE_DIRECTORY` (its first
    /// entry), else `$XDG_STATE_HOME/salesd`, else `$HOME/.local/state/salesd`.
    ///
    /// Empty or relative XDG values are ignored, as the XDG base directory spec requires.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let state = environment["STATE_DIRECTORY"],
           let first = state.split(separator: ":").first(where: { !$0.isEmpty }) {
            return URL(fileURLWithPath: String(first), isDirectory: true)
        }
        if let stateHome = environment["XDG_STATE_HOME"], stateHome.hasPrefix("/") {
            return URL(fileURLWithPath: stateHome, isDirectory: true)
                .appendingPathComponent("salesd", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/state/salesd", isDirectory: true)
    }
}
