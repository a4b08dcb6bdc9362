import ArgumentParser
import Foundation
import SalesPlan

/// Shell completion of the plan's ids (actions, steps, result kinds), read from the config file
/// the daemon reads (else the embedded plan), without asking the daemon: completing a word must
/// never start one. A config that does not parse completes nothing.
enum PlanCompletion {
    static let actions = CompletionKind.custom { _, _, prefix in ids(prefix) { $0.actions.map(\.id) } }
    static let steps = CompletionKind.custom { _, _, prefix in ids(prefix) { $0.steps.map(\.id) } }
    static let results = CompletionKind.custom { _, _, prefix in ids(prefix) { $0.results.map(\.id) } }

    static func ids(_ prefix: String, _ pick: (Plan) -> [String]) -> [String] {
        pick(plan() ?? Plan.embeddedDefault).filter { $0.hasPrefix(prefix) }
    }

    /// The plan of the config file, the embedded one when there is none, nil when it is broken.
    static func plan() -> Plan? {
        let path = Paths().configFile
        guard FileManager.default.fileExists(atPath: path) else { return Plan.embeddedDefault }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? Plan.parse(data)
    }
}
