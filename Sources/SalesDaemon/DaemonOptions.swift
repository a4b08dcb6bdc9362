import Foundation

/// How `salesd run` was asked to start.
public struct DaemonOptions: Sendable {
    /// `--config PATH`; nil means `$XDG_CONFIG_HOME/salesd/config.json`, else the embedded plan.
    public var configPath: String?
    /// `--socket PATH`; nil means the socket-activated fd, else `$XDG_RUNTIME_DIR/salesd/control.sock`.
    public var socketPath: String?
    /// `--state-dir PATH`; nil means ``Ledger/defaultDirectory(environment:)`` (`$XDG_STATE_HOME/salesd`).
    public var stateDirectory: String?
    /// `--new-ledger`: start an empty ledger even where one was before (its marker says so).
    public var newLedger: Bool

    public init(configPath: String? = nil, socketPath: String? = nil, stateDirectory: String? = nil,
                newLedger: Bool = false) {
        self.configPath = configPath
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
        self.newLedger = newLedger
    }
}
