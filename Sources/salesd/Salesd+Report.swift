import ArgumentParser
import Foundation
import SalesDaemon
import SalesPlan
import SalesScore

extension Salesd {
    /// `salesd report --html FILE`: the scoreboard as one self-contained page.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the scoreboard as a self-contained HTML page with charts.",
            discussion: """
                The page has no outside resources (inline SVG), so it opens offline and can be mailed.
                It reads the ledger directly; the daemon need not run.
                """)

        @Option(help: ArgumentHelp("The page to write.", valueName: "file"))
        var html: String

        @Option(help: "How many weeks to show, this one included.")
        var weeks = 8

        @OptionGroup var ledgerOptions: LedgerOptions

        func validate() throws {
            try ValidationError.check("--weeks", weeks, within: 1...104)
        }

        func run() throws {
            let (plan, calendar) = try ledgerOptions.loadPlan()
            let ledger = try ledgerOptions.openForReading()
            let now = Date()
            let board = try ScoreboardQuery.compute(ledger: ledger, plan: plan, calendar: calendar, now: now, weeks: weeks)
            let pipeline = PipelineReport.compute(plan: plan, book: PersonBook(try ledger.personEvents()),
                                                  today: calendar.day(of: now), weeks: min(weeks, 104))
            let page = ScoreboardHTML.render(board.scoreboard, plan: plan, today: calendar.day(of: now), pipeline: pipeline)
            do {
                try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                throw CommandFailure("salesd: cannot write \(html) (\(FileProblem.describe(error)))")
            }
            Output.print(["Wrote the scoreboard of the last \(weeks) weeks to \(html)"])
        }
    }
}
