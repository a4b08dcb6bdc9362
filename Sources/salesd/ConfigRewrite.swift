import Foundation
import SalesPlan

/// Rewrites the config file for `plan-week`: the text as read, edited in place, checked to be a
/// valid plan, and written only if the file did not change meanwhile; atomically (a temporary
/// file renamed over it), the previous text kept as `config.json.bak`. When there is no file
/// (the daemon runs on the embedded plan), it is created from the embedded plan's text.
struct ConfigRewrite {
    var path: String
    /// The bytes read; nil when the file did not exist.
    var original: Data?
    var text: String

    static func read(_ path: String) throws(CommandFailure) -> ConfigRewrite {
        guard FileManager.default.fileExists(atPath: path) else {
            return ConfigRewrite(path: path, original: nil, text: Plan.exampleJSON)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(["salesd: cannot read \(path) as UTF-8 text; nothing was changed"])
        }
        return ConfigRewrite(path: path, original: data, text: text)
    }

    var backupPath: String { path + ".bak" }

    /// Refuses when the file is not as it was read (someone edited it meanwhile).
    func checkUnchanged() throws(CommandFailure) {
        guard FileManager.default.contents(atPath: path) == original else {
            throw CommandFailure([
                "salesd: \(path) changed since plan-week read it; it was left as it is and the targets were not changed",
                "Run salesd plan-week again to start from the file as it is now.",
            ])
        }
    }

    /// Writes `text`; refuses when the file is not as it was read.
    func write(_ newText: String) throws(CommandFailure) {
        do {
            _ = try Plan.parse(Data(newText.utf8))
        } catch {
            throw CommandFailure(["salesd: the edited config would not be valid, so \(path) was left as it is:"]
                + error.errors.map { "  \($0)" })
        }
        try checkUnchanged()
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let original { try original.write(to: URL(fileURLWithPath: backupPath), options: .atomic) }
            try Data(newText.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure("salesd: cannot write \(path) (\(FileProblem.describe(error))); the targets were not changed")
        }
    }
}
