import ArgumentParser
import Foundation
import SalesCalendar
import SalesDaemon
import SalesPlan

extension Salesd {
    /// `salesd calendar`: the planned actions as an iCalendar feed (RFC 5545).
    struct CalendarFeedCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar",
            abstract: "Write the planned actions as an iCalendar (.ics) feed.",
            discussion: """
                One event per action, day and time, from the start of this week (the plan's \
                weekStart), in the plan's zone with its time-zone rules; the weekly review is an \
                event too. A time the clocks skip or repeat is written in UTC, at the instant \
                salesd reminds.

                  salesd calendar -o ~/plan.ics                 import it, or follow the file
                  salesd calendar --from 2027-03-22 --weeks 1   a DST week

                The daemon keeps the same feed for \(Daemon.calendarWeeks) weeks from this week's \
                start current in its ledger folder (calendar.ics): written at start, on every \
                reload and at local midnight.
                """)

        @Option(help: "How many weeks to include.")
        var weeks = 4

        @Option(help: ArgumentHelp("The first day (YYYY-MM-DD). (default: the start of this week)", valueName: "date"))
        var from: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write the feed to this file instead of stdout.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The plan. (default: $XDG_CONFIG_HOME/salesd/config.json, else the embedded plan)",
                                   valueName: "path"))
        var config: String?

        @Flag(help: "Print what was written as JSON (with no --output, the feed is in \"calendar\").")
        var json = false

        func validate() throws {
            try ValidationError.check("--weeks", weeks, within: 1...104)
            if let from, LocalDay(iso: from) == nil {
                throw ValidationError(#"--from "\#(from)" is not a date (use YYYY-MM-DD, e.g. 2027-03-22)"#)
            }
        }

        func run() throws {
            let (plan, calendar) = try LedgerOptions.loadPlan(config: config)
            let now = Date()
            let first = from.flatMap(LocalDay.init(iso:)) ?? calendar.day(of: now).startOfWeek(weekStart: plan.weekStart)
            let feed = CalendarFeed(plan: plan, calendar: calendar, version: SalesdVersion.current)
            let text = feed.render(from: first, days: weeks * 7, now: now)
            let events = feed.events(from: first, days: weeks * 7).count
            let last = first.adding(days: weeks * 7 - 1)
            var report: [String: Any] = ["from": first.description, "through": last.description, "events": events,
                                         "timeZone": feed.zoneName]
            guard let output else {
                if json {
                    report["calendar"] = text
                    Output.print([JSONOutput.pretty(object: report)])
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw CommandFailure([
                    "salesd: cannot write \(output) (\(FileProblem.describe(error)))",
                    "Choose another file with: salesd calendar --output FILE",
                ])
            }
            report["file"] = output
            Output.print(json ? [JSONOutput.pretty(object: report)]
                : ["Wrote \(events) events from \(first) to \(last) (\(feed.zoneName)) to \(output)"])
        }
    }
}
