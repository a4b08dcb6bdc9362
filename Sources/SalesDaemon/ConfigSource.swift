import Foundation
import SalesPlan

/// Where the plan comes from: a config file, or the plan embedded in the binary.
public struct ConfigSource: Sendable, Hashable, CustomStringConvertible {
    /// The file to read; nil means the embedded default plan.
    public var path: String?

    /// `--config PATH` when given; else `$XDG_CONFIG_HOME/salesd/config.json` (default
    /// `~/.config`) when it exists; else the embedded plan.
    public static func resolve(explicit: String?, environment: [String: String]) -> ConfigSource {
        if let explicit { return ConfigSource(path: explicit) }
        let path = defaultPath(environment: environment)
        return ConfigSource(path: FileManager.default.fileExists(atPath: path) ? path : nil)
    }

    public static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/salesd/config.json"
    }

    public var description: String { path ?? "(embedded default plan)" }

    /// Reads and validates the plan; every problem is in the thrown `ConfigErrors`.
    public func load() throws(ConfigErrors) -> Plan {
        guard let path else { return Plan.embeddedDefault }
        let data: Data
        do {
            data = try ConfigFile.read(path)
        } catch {
            throw ConfigErrors(errors: [ConfigError(
                path: "$", value: nil, message: error.description,
                hint: "create it with `salesd init`, or pass --config PATH")])
        }
        return try Plan.parse(data)
    }
}
