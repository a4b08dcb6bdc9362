import ArgumentParser
import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesSystemd

/// Where the ledger and the plan are, for the commands that open the ledger themselves.
///
/// One rule for them: readers (`export`, `report`, `backup`) open it read-only, so they work
/// while the daemon runs; writers (`import`, `restore`) take the folder's lock, so they refuse
/// while a daemon (or another writer) holds it, and say which process that is.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The ledger's folder. (default: $XDG_STATE_HOME/salesd, else ~/.local/state/salesd)",
                               valueName: "path"))
    var stateDir: String?

    @Option(help: ArgumentHelp("The plan. (default: $XDG_CONFIG_HOME/salesd/config.json, else the embedded plan)",
                               valueName: "path"))
    var config: String?

    /// The ledger's folder: `--state-dir`, else the daemon's default.
    var folder: URL {
        stateDir.map { URL(fileURLWithPath: $0) }
            ?? Ledger.defaultDirectory(environment: ProcessInfo.processInfo.environment)
    }

    /// The ledger, read-only; a ledger still where systemd 252 kept it is named in the error.
    func openForReading() throws -> Ledger {
        do {
            return try Ledger.openReadOnly(directory: folder)
        } catch where error.code == .notFound && stateDir == nil {
            let legacy = Ledger.legacyDirectory(environment: ProcessInfo.processInfo.environment)
            let old = legacy.appendingPathComponent(Ledger.fileName).path
            guard FileManager.default.fileExists(atPath: old) else { throw CommandFailure("salesd: \(error)") }
            throw CommandFailure("""
                salesd: no ledger at \(error.path) yet, but an older one is at \(old) (systemd 252 kept the \
                service's ledger there); start salesd once (`systemctl --user start salesd` or `salesd run`) \
                to move it, or read it where it is with --state-dir \(legacy.path)
                """)
        } catch {
            throw CommandFailure("salesd: \(error)")
        }
    }

    /// The folder locked for `role`, with its ledger open for writing (created if new).
    func takeForWriting(role: String) throws -> StateFolder {
        let environment = ProcessInfo.processInfo.environment
        do {
            let state = try StateFolder.take(
                folder, role: role, legacy: stateDir == nil ? Ledger.legacyDirectory(environment: environment) : nil,
                newLedger: true)
            for note in state.notes { Output.error(["salesd: \(note)"]) }
            return state
        } catch {
            throw CommandFailure("salesd: \(error)")
        }
    }

    func loadPlan() throws -> (Plan, ZoneCalendar) { try Self.loadPlan(config: config) }

    /// The plan at `config`, else the default file, else the embedded one, and its zone.
    static func loadPlan(config: String?) throws -> (Plan, ZoneCalendar) {
        let environment = ProcessInfo.processInfo.environment
        let source = ConfigSource.resolve(explicit: config, environment: environment)
        let plan: Plan
        do {
            plan = try source.load()
        } catch {
            throw CommandFailure(["salesd: \(source) is not a valid plan:"] + error.errors.map { "  \($0)" })
        }
        if plan.timeZone == nil, let problem = ZoneChangeWatcher.unknownZoneProblem(environment: environment) {
            throw CommandFailure("salesd: \(problem)")
        }
        return (plan, Daemon.calendar(for: plan, environment: environment))
    }
}
