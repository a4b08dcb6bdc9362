import Foundation
import SalesContract
import SalesPlan

/// `salesd plan-week` on a terminal: the weekly session, question by question. Nothing is
/// recorded until the last answer; end of input (Ctrl-D) leaves everything as it was.
struct PlanWeekSession {
    var client: ControlClient
    var configOverride: String?

    private func ask(_ prompt: String) throws(CommandFailure) -> String {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = readLine() else {
            Output.print(["", "Session ended: nothing was recorded."])
            throw CommandFailure([], status: ExitStatus.refused)
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    private func yesNo(_ prompt: String, default value: Bool? = nil) throws(CommandFailure) -> Bool {
        while true {
            let answer = try ask(prompt).lowercased()
            if answer.isEmpty, let value { return value }
            if ["y", "yes"].contains(answer) { return true }
            if ["n", "no"].contains(answer) { return false }
            Output.print(["  please answer y or n"])
        }
    }

    mutating func run() throws {
        let week = try client.call(WeekCall(weeks: 1))
        let board = week.scoreboard
        let this = board.currentWeek
        let next = Salesd.PlanWeek.nextWeekStart(board)
        let status = try client.call(StatusCall())
        let planned = try PlannedWeek(file: try Salesd.PlanWeek.configFile(explicit: configOverride, status: status),
                                      nextWeek: next)

        Output.print(["Weekly session · week of \(this.weekStart) · today \(board.today)", "",
                      "This week, per step (done of target, pace):"])
        let width = this.steps.map(\.name.count).max() ?? 0
        for step in this.steps {
            let name = step.name.padding(toLength: width, withPad: " ", startingAt: 0)
            Output.print(["  \(name)  \(step.done) of \(step.target)  \(step.paceText)"])
        }
        Output.print(["  \(this.coverageOfPlanSteps.text)", "  \(board.streak.text) · \(board.streak.weeksText)", ""])

        var answers: [CommitmentAnswer] = []
        let open = (week.commitments ?? []).filter { $0.week == this.weekStart && $0.kept == nil }
        if open.isEmpty {
            Output.print(["No commitments of this week to answer.", ""])
        } else {
            Output.print(["This week's commitments:"])
            for (n, c) in open.enumerated() {
                answers.append(CommitmentAnswer(id: c.id, kept: try yesNo("  \(n + 1). \(c.text) — kept? [y/n] ")))
            }
            Output.print([""])
        }

        let already = (week.commitments ?? []).filter { $0.week == next.description }.count
        let room = PlanWeekCall.maxCommitments - already
        var commitments: [NewCommitment] = []
        if room > 0 {
            Output.print(["Up to \(room) commitment\(room == 1 ? "" : "s") for the week of \(next) "
                          + "(\"step: text\" ties one to a step; an empty line when done):"])
            while commitments.count < room {
                let line = try ask("  \(already + commitments.count + 1)> ")
                if line.isEmpty { break }
                commitments.append(planned.commitment(line))
            }
            Output.print([""])
        }

        Output.print(["Targets from \(next) (Enter keeps the one shown):"])
        var changes: [(action: String, target: Int)] = []
        for action in planned.plan.actions {
            let current = action.target(on: next)
            while true {
                let answer = try ask("  \(action.id) (\(action.title)) [\(current)]: ")
                if answer.isEmpty { break }
                if let n = Int(answer), (1...10_000).contains(n) {
                    if n != current { changes.append((action.id, n)) }
                    break
                }
                Output.print(["  a whole number from 1 to 10000, please"])
            }
        }
        Output.print([""])
        guard try yesNo("Record this? [Y/n] ", default: true) else {
            Output.print(["Nothing was recorded."])
            return
        }
        let result = try planned.record(client: client, commitments: commitments, answers: answers,
                                        targets: try planned.targetChanges(changes))
        Output.print([""] + result.lines)
    }
}
