import ArgumentParser
import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan
import SalesSchedule

/// Where the ledger and the plan are, for the commands that read the ledger directly.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger's folder. (default: $STATE_DIRECTORY, else $XDG_STATE_HOME/salesd)",
                               valueName: "path"))
    var stateDir: String?

    @Option(help: ArgumentHelp("The plan. (default: $XDG_CONFIG_HOME/salesd/config.json, else the embedded plan)",
                               valueName: "path"))
    var config: String?

    func openLedger() throws -> Ledger {
        let environment = ProcessInfo.processInfo.environment
        let folder = stateDir.map { URL(fileURLWithPath: $0) } ?? Ledger.defaultDirectory(environment: environment)
        do {
            return try Ledger.open(directory: folder)
        } catch {
            throw CommandFailure("salesd: \(error)")
        }
    }

    func loadPlan() throws -> (Plan, ZoneCalendar) {
        let environment = ProcessInfo.processInfo.environment
        let source = ConfigSource.resolve(explicit: config, environment: environment)
        do {
            let plan = try source.load()
            return (plan, Daemon.calendar(for: plan, environment: environment))
        } catch {
            throw CommandFailure(["salesd: \(source) is not a valid plan:"] + error.errors.map { "  \($0)" })
        }
    }
}
