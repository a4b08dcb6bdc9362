import Foundation

/// How `salesd run` was asked to start.
public struct DaemonOptions: Sendable {
    /// `--config PATH`; nil means `$XDG_CONFIG_HOME/salesd/config.json`, else the embedded plan.
    public var configPath: String?
    /// `--socket PATH`; nil means the socket-activated fd, else `$XDG_RUNTIME_DIR/salesd/control.sock`.
    public var socketPath: String?
    /// `--state-dir PATH`; nil means `$STATE_DIRECTORY`, else `$XDG_STATE_HOME/salesd`.
    public var stateDirectory: String?

    public init(configPath: String? = nil, socketPath: String? = nil, stateDirectory: String? = nil) {
        self.configPath = configPath
        self.socketPath = socketPath
        self.stateDirectory = stateDirectory
    }
}
