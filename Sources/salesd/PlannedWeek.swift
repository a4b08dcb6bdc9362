import Foundation
import SalesContract
import SalesPlan

/// What one run of `plan-week` records: the config as read, the next week start, and the
/// steps to carry it out (commitments by the daemon, targets in the config, then a reload).
struct PlannedWeek {
    var rewrite: ConfigRewrite
    var plan: Plan
    var nextWeek: LocalDay

    init(file: String, nextWeek: LocalDay) throws(CommandFailure) {
        rewrite = try ConfigRewrite.read(file)
        do {
            plan = try Plan.parse(Data(rewrite.text.utf8))
        } catch {
            throw CommandFailure(["salesd: \(file) is not a valid plan; fix it first (salesd check-config \(file)):"]
                + error.errors.map { "  \($0)" })
        }
        self.nextWeek = nextWeek
    }

    /// `connect: Ask two clients` is tied to the step `connect`; any other text stands alone.
    func commitment(_ text: String) -> NewCommitment {
        if let colon = text.firstIndex(of: ":") {
            let step = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
            if plan.step(id: step) != nil {
                return NewCommitment(text: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces),
                                     step: step)
            }
        }
        return NewCommitment(text: text)
    }

    struct TargetChange: Codable, Equatable {
        var action: String
        var from: String
        var before: Int
        var target: Int
    }

    func targetChanges(_ asked: [(action: String, target: Int)]) throws(CommandFailure) -> [TargetChange] {
        try asked.map { (item) throws(CommandFailure) -> TargetChange in
            guard let action = plan.action(id: item.action) else {
                let guess = plan.closestAction(to: item.action).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw CommandFailure(["salesd: no action \"\(item.action)\" in \(rewrite.path)\(guess); nothing was recorded"])
            }
            return TargetChange(action: action.id, from: nextWeek.description, before: action.target(on: nextWeek),
                                target: item.target)
        }
    }

    struct Result: Encodable {
        var outcome: Outcome
        var thisWeek: String
        var nextWeek: String
        var commitments: [Commitment]
        var alreadyAnswered: [Int64]
        var targets: [TargetChange]
        var config: String?
        var backup: String?
        var reloaded: Bool

        var lines: [String] {
            var out: [String] = []
            let this = commitments.filter { $0.week == thisWeek }
            if !this.isEmpty {
                out.append("This week (from \(thisWeek)): \(this.filter { $0.kept == true }.count) of \(this.count) commitments kept")
            }
            if !alreadyAnswered.isEmpty {
                out.append("Answered before, left as it was: " + alreadyAnswered.map(String.init).joined(separator: ", "))
            }
            let next = commitments.filter { $0.week == nextWeek }
            out.append(next.isEmpty ? "No commitments for the week of \(nextWeek)" : "Commitments for the week of \(nextWeek):")
            for (n, c) in next.enumerated() { out.append("  \(n + 1). \(c.text)\(c.step.map { "  [\($0)]" } ?? "")") }
            for change in targets {
                out.append(change.before == change.target
                    ? "Target of \(change.action): \(change.target) already from \(change.from)"
                    : "Target of \(change.action): \(change.before) → \(change.target) from \(change.from)")
            }
            if let config {
                out.append("Config: \(config) rewritten" + (backup.map { " (the previous one is \($0))" } ?? " (created)")
                    + (reloaded ? "; the daemon reloaded it" : ""))
            }
            return out
        }
    }

    /// 1. the daemon records the answers and commitments (it refuses bad ones: nothing done);
    /// 2. the config gets the dated targets, if any change; 3. the daemon reloads it.
    func record(client: ControlClient, commitments: [NewCommitment], answers: [CommitmentAnswer],
                targets: [TargetChange]) throws(CommandFailure) -> Result {
        // Checked first too, so that an edited file stops the session before anything is recorded.
        if targets.contains(where: { $0.before != $0.target }) { try rewrite.checkUnchanged() }
        let reply = try client.call(PlanWeekCall(commitments: commitments.isEmpty ? nil : commitments,
                                                 kept: answers.isEmpty ? nil : answers))
        var text = rewrite.text
        for change in targets where change.before != change.target {
            do {
                let current = try Plan.parse(Data(text.utf8)).action(id: change.action)!
                text = try ConfigTargetEdit.setting(change.target, from: nextWeek, action: change.action, in: text,
                                                    current: current)
            } catch {
                throw CommandFailure(["salesd: cannot change the target of \(change.action) in \(rewrite.path) (\(error)); "
                    + "the commitments are recorded, the config is as it was"])
            }
        }
        var result = Result(outcome: reply.outcome, thisWeek: reply.thisWeek, nextWeek: reply.nextWeek,
                            commitments: reply.commitments, alreadyAnswered: reply.alreadyAnswered, targets: targets,
                            config: nil, backup: nil, reloaded: false)
        guard text != rewrite.text || (rewrite.original == nil && targets.contains { $0.before != $0.target }) else {
            return result
        }
        do {
            try rewrite.write(text)
        } catch {
            var failure = error
            if !commitments.isEmpty || !answers.isEmpty {
                failure.lines.append("The commitments and answers were recorded (salesd ctl week shows them); only the targets are not.")
            }
            throw failure
        }
        result.config = rewrite.path
        result.backup = rewrite.original == nil ? nil : rewrite.backupPath
        _ = try client.call(ReloadCall())
        result.reloaded = true
        if result.outcome == .nothing { result.outcome = .recorded }
        return result
    }
}
