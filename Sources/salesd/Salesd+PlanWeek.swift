import ArgumentParser
import Foundation
import SalesContract
import SalesPlan

extension Salesd {
    /// `salesd plan-week`: the weekly session. Interactive on a terminal; with flags for scripts.
    struct PlanWeek: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan-week",
            abstract: "The weekly session: last week's scoreboard and commitments, the next week's commitments and targets.",
            discussion: """
                On a terminal, without flags, it walks through the session: each step's week (done \
                against target, pace), whether this week's commitments were kept, up to three \
                commitments for the next week, and each action's target for the next week.

                For scripts, the same with flags:

                  salesd plan-week --kept 12=yes --kept 13=no
                  salesd plan-week --commit "connect: Ask two clients for an introduction" --commit "Block Friday 9-11 for calls"
                  salesd plan-week --target connection-requests=8 --json

                A commitment that starts with a step id and a colon is tied to that step. A target \
                change takes effect from the next week start (the plan's weekStart), never earlier: \
                plan-week adds a dated target to the action in the config file, editing only that \
                part of the text (the previous file is kept as config.json.bak), refuses when the \
                file changed while it ran, creates the file when the daemon runs on the embedded \
                plan, then reloads the daemon. Commitments and answers are recorded by the daemon \
                in its ledger; see them with: salesd ctl week
                """)

        @Option(name: .customLong("commit"), help: ArgumentHelp("A commitment for the next week (at most 3 a week).", valueName: "text"))
        var commitments: [String] = []

        @Option(name: .customLong("kept"), help: ArgumentHelp("Whether this week's commitment ID was kept.", valueName: "id=yes|no"))
        var kept: [String] = []

        @Option(name: .customLong("target"), help: ArgumentHelp("The target of ACTION from the next week start.", valueName: "action=n"))
        var targets: [String] = []

        @Option(help: ArgumentHelp("The config file to edit. (default: the daemon's, else $XDG_CONFIG_HOME/salesd/config.json)",
                                   valueName: "path"))
        var config: String?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            for answer in kept where parseKept(answer) == nil {
                throw ValidationError(#"--kept "\#(answer)" is not ID=yes or ID=no (the ids are in: salesd ctl week)"#)
            }
            for target in targets where parseTarget(target) == nil {
                throw ValidationError(#"--target "\#(target)" is not ACTION=N with N from 1 to 10000 (e.g. connection-requests=8)"#)
            }
        }

        func run() throws {
            let client = options.client
            if commitments.isEmpty, kept.isEmpty, targets.isEmpty {
                guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, !options.json else {
                    throw CommandFailure(
                        ["salesd: plan-week needs a terminal, or what to record: --commit TEXT, --kept ID=yes|no, --target ACTION=N"],
                        status: ExitStatus.usage)
                }
                var session = PlanWeekSession(client: client, configOverride: config)
                return try session.run()
            }
            let week = try client.call(WeekCall(weeks: 1))
            let next = Self.nextWeekStart(week.scoreboard)
            let status = try client.call(StatusCall())
            let file = try Self.configFile(explicit: config, status: status)
            let session = try PlannedWeek(file: file, nextWeek: next)
            let newCommitments = commitments.map(session.commitment)
            let answers = kept.compactMap(parseKept)
            let changes = try session.targetChanges(targets.compactMap(parseTarget))
            let result = try session.record(client: client, commitments: newCommitments, answers: answers, targets: changes)
            options.show(result, lines: \.lines)
        }

        private func parseKept(_ text: String) -> CommitmentAnswer? {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let id = Int64(parts[0]) else { return nil }
            switch parts[1].lowercased() {
            case "yes", "y", "kept", "true": return CommitmentAnswer(id: id, kept: true)
            case "no", "n", "false": return CommitmentAnswer(id: id, kept: false)
            default: return nil
            }
        }

        private func parseTarget(_ text: String) -> (action: String, target: Int)? {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let n = Int(parts[1]), (1...10_000).contains(n) else { return nil }
            return (parts[0], n)
        }

        /// The next week start after the daemon's today, by the plan's weekStart: a target set
        /// now takes effect then, never earlier.
        static func nextWeekStart(_ board: Scoreboard) -> LocalDay {
            LocalDay(iso: board.currentWeek.weekStart)!.adding(days: 7)
        }

        /// The file the daemon reads: its own path, else (on the embedded plan) the default one.
        static func configFile(explicit: String?, status: StatusCall.Reply) throws -> String {
            if let explicit { return explicit }
            return status.config.hasPrefix("/") ? status.config : Paths().configFile
        }
    }
}
