import Foundation
import SalesDaemon
import SalesPlan

/// The config `check-config` validates: a file's bytes, or the embedded example when no file exists.
struct ConfigInput {
    /// The path, or `the embedded default plan`.
    var name: String
    var data: Data
    var isEmbedded: Bool
    /// Lines to print before the result, e.g. that no file was found.
    var notes: [String] = []

    /// Reads `path`, else the default config file, else falls back to the embedded plan.
    ///
    /// A path given explicitly must exist; only the default location may be missing.
    static func locate(path: String?, paths: Paths) throws(CommandFailure) -> ConfigInput {
        let file = path ?? paths.configFile
        if path == nil, !FileManager.default.fileExists(atPath: file) {
            return ConfigInput(
                name: "the embedded default plan", data: Data(Plan.exampleJSON.utf8), isEmbedded: true,
                notes: ["No config at \(file); checking the embedded default plan, which the daemon runs instead.",
                        "Write it out to edit it with: salesd init", ""])
        }
        do {
            return ConfigInput(name: file, data: try ConfigFile.read(file), isEmbedded: false)
        } catch {
            throw CommandFailure([
                "salesd: cannot read \(file) (\(error.reason))",
                error.reason.hasPrefix("it is a folder")
                    ? "Name the file in it instead, e.g.: salesd check-config \(file)/config.json"
                    : "Write an example plan there with: salesd init --config \(file)",
            ])
        }
    }
}
