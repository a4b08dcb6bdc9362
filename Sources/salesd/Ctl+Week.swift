import ArgumentParser
import Foundation
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl week`: the scoreboard.
    struct Week: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "week",
            abstract: "Show the scoreboard: actions against targets per step, pace, streak, results.",
            discussion: """
                  salesd ctl week
                  salesd ctl week --weeks 4      this week and the three before, side by side

                done/target   the actions done against the plan's targets (skipped and off days
                              ask nothing)
                pace          done against what the plan expects by now: "2 behind", "on pace";
                              this week also its safe days: how many open days could be missed
                              with the week's target still met
                coverage      how much of the process ran: steps with at least one action done,
                              out of all the plan's steps ("process running at 40%: 2 of 5 steps")
                adherence     done capped at each day's target, over the week's target: a busy
                              day cannot hide an idle one
                streak        days in a row with the plan met (skipped and off days keep it;
                              skips beyond the month's skipBudget are misses), and weeks in a
                              row with every step's weekly target met
                commitments   this week's (kept?) and the next week's, from salesd plan-week
                results       the lag measures recorded those weeks (salesd ctl result)

                Weeks that do not fit the terminal's width are shown in blocks, one under the other.
                """)

        @Option(help: "How many weeks to show (1 = this week).")
        var weeks: Int?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            try ValidationError.check("--weeks", weeks, within: WeekCall.weekRange)
        }

        func run() throws {
            // The daemon renders the text for this terminal's width and colour.
            let call = options.json ? WeekCall(weeks: weeks)
                : WeekCall(weeks: weeks, width: Output.terminalWidth(), colour: Output.useColour())
            let reply = try options.client.call(call)
            if options.json {
                Output.print([JSONOutput.pretty(reply)])
            } else {
                let text = reply.scoreboard.text ?? ""
                Output.print([text.hasSuffix("\n") ? String(text.dropLast()) : text]
                    + CommitmentText.lines(reply.commitments ?? [], thisWeek: reply.scoreboard.currentWeek.weekStart))
                // The pipeline under the scoreboard, once there are people in it.
                let pipeline = try options.client.call(PipelineCall(weeks: min(weeks ?? 4, PipelineCall.weekRange.upperBound)))
                if pipeline.steps.contains(where: { $0.count > 0 || $0.entered > 0 }) {
                    let screen = PipelineText.render(pipeline, width: Output.terminalWidth())
                    Output.print(["", screen.trimmingCharacters(in: .newlines)])
                }
            }
        }
    }
}
