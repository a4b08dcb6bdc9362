import ArgumentParser
import Foundation
import SalesDaemon
import SalesLedger
import SalesPlan
import SalesSchedule
import SalesSystemd

extension Salesd {
    /// `salesd check-config`: validates a plan and shows what it will do.
    struct CheckConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-config",
            abstract: "Validate a config, then show the plan and its next reminders.",
            discussion: """
                Every problem is reported at once, with its JSON path and a hint. Exits 1 when there is any.

                  salesd check-config
                  salesd check-config ./config.json
                  salesd check-config --from 2027-03-28 --days 2    every reminder of those days,
                                                                    with UTC offsets (DST checks)
                """)

        @Argument(help: ArgumentHelp("The config file. (default: $XDG_CONFIG_HOME/salesd/config.json)", valueName: "path"))
        var path: String?

        @Option(help: ArgumentHelp("List every reminder from this day on (YYYY-MM-DD, in the plan's zone).", valueName: "date"))
        var from: String?

        @Option(help: "How many days to list. (default: 1 with --from)")
        var days: Int?

        @Flag(help: "Print the result as JSON: the plan as loaded, or the errors.")
        var json = false

        func validate() throws {
            if let from, LocalDay(iso: from) == nil {
                throw ValidationError(#"--from "\#(from)" is not a date (use YYYY-MM-DD, e.g. 2027-03-28)"#)
            }
            if let days, !(1...366).contains(days) {
                throw ValidationError("--days must be between 1 and 366, not \(days)")
            }
        }

        func run() throws {
            let source = try ConfigInput.locate(path: path, paths: Paths())
            let plan: Plan
            do {
                plan = try Plan.parse(source.data)
            } catch {
                if json {
                    Output.print([JSONOutput.pretty(object: ["config": source.name, "valid": false,
                                                             "errors": error.errors.map(\.description)])])
                    throw CommandFailure([], status: ExitStatus.refused)
                }
                let count = error.errors.count
                throw CommandFailure(
                    ["salesd: \(source.name) has \(count) problem\(count == 1 ? "" : "s"); it would not be loaded:"]
                        + error.errors.map(\.description)
                        + ["Fix \(count == 1 ? "it" : "them"), then run: salesd check-config\(path.map { " " + $0 } ?? "")"])
            }
            if plan.timeZone == nil,
               let problem = ZoneChangeWatcher.unknownZoneProblem(environment: ProcessInfo.processInfo.environment) {
                throw CommandFailure(["salesd: \(source.name) names no timeZone, and \(problem)"])
            }
            let zone = plan.timeZone.flatMap(TimeZone.init(identifier:)) ?? .current
            let calendar = ZoneCalendar(timeZone: zone)
            let window = ReminderWindow(from: from.flatMap(LocalDay.init(iso:)), days: days, calendar: calendar, now: Date())
            let shown = ReminderListing.rows(plan: plan, calendar: calendar, from: window.start, to: window.end,
                                             limit: window.isExplicit ? nil : 6)
            if json {
                Output.print([JSONOutput.pretty(object: jsonReport(plan: plan, source: source, rows: shown, zone: zone))])
                return
            }
            var lines = source.notes
            lines.append("\(source.name): OK")
            lines += PlanSummary.lines(plan)
            lines += vanishedIDs(plan)
            lines.append("")
            lines.append(window.isExplicit ? "Reminders \(window.title):" : "Next reminders:")
            lines += shown.isEmpty ? ["  none \(window.title)"] : ReminderListing.lines(shown, zone: zone)
            lines.append("")
            lines.append("then: salesd run   (or: systemctl --user start salesd.socket; after an edit: salesd ctl reload)")
            Output.print(lines)
        }

        /// Notes on action ids the ledger has history for that the plan no longer has, nor lists
        /// as `formerly`: most likely a rename that would lose that history.
        private func vanishedIDs(_ plan: Plan) -> [String] {
            let folder = Ledger.defaultDirectory(environment: ProcessInfo.processInfo.environment)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Ledger.fileName).path),
                  let counts = try? Ledger.openReadOnly(directory: folder).personEventCounts() else { return [] }
            let known = Set(plan.actions.map(\.id)).union(plan.renames.keys)
            return counts.keys.sorted().filter { !known.contains($0) }.map { id in
                let guess = plan.closestAction(to: id).map { "\"\($0)\"" } ?? "its new action"
                return "note: the ledger has \(counts[id]!) entr\(counts[id]! == 1 ? "y" : "ies") for \"\(id)\", "
                    + "which is not in the plan; if it was renamed, add \"formerly\": [\"\(id)\"] to \(guess) to keep its history"
            }
        }

        private func jsonReport(plan: Plan, source: ConfigInput, rows: [ReminderRow], zone: TimeZone) -> [String: Any] {
            let planJSON = (try? JSONSerialization.jsonObject(with: Data(plan.canonicalJSON().utf8))) ?? NSNull()
            var report: [String: Any] = [
                "config": source.name, "embedded": source.isEmbedded, "valid": true, "errors": [String](), "plan": planJSON,
                // The zone rules come from the tzdata built into Foundation's ICU, not the system's.
                // As the plan names it: Foundation calls "UTC" "GMT".
                "timeZone": plan.timeZone ?? zone.identifier, "tzdata": TimeZone.timeZoneDataVersion,
            ]
            let calendar = ZoneCalendar(timeZone: zone)
            report["reminders"] = rows.map { row -> [String: Any] in
                ["at": calendar.iso8601(row.instant), "planned": row.planned, "action": row.action,
                 "shifted": row.shifted, "repeat": row.isRepeat]
            }
            return report
        }
    }
}
