import Foundation
import SalesContract
import SalesControl
import SalesEngine
import SalesLedger
import SalesPlan

extension DaemonDriver {
    /// The start of the week in progress and of the next one, by the plan's `weekStart`.
    func weekStarts(now: Date) -> (this: LocalDay, next: LocalDay) {
        let this = engine.calendar.day(of: now).startOfWeek(weekStart: engine.plan.weekStart)
        return (this, this.adding(days: 7))
    }

    /// The commitments of the weeks starting `from` … `through`, each with its answer.
    func commitments(from: LocalDay, through: LocalDay) throws(LedgerError) -> [Commitment] {
        let events = try ledger.commitments(from: from, through: through)
        let answers = Dictionary(events.filter { $0.kind == .commitmentKept }.compactMap { e in e.ref.map { ($0, e) } },
                                 uniquingKeysWith: { first, _ in first })
        return events.filter { $0.kind == .commitment }.compactMap { event in
            guard let id = event.id else { return nil }
            return Commitment(id: id, week: event.day.description, text: event.note ?? "", step: event.action,
                              kept: answers[id].map { ($0.count ?? 0) > 0 })
        }
    }

    /// `PlanWeek`: checks every part first (texts, steps, at most three a week, answers naming
    /// this week's commitments), then records the answers and the new commitments in one
    /// transaction, and answers with both weeks' commitments.
    func planWeek(_ request: VarlinkRequest) {
        guard let call = decode(request, PlanWeekCall.self) else { return }
        let now = clock.now
        let weeks = weekStarts(now: now)
        let new = call.commitments ?? [], answers = call.kept ?? []
        let events: (commitments: [Event], answers: [Event])
        do {
            let existing = try commitments(from: weeks.this, through: weeks.next)
            events = try checkWeekPlan(new: new, answers: answers, existing: existing, weeks: weeks, now: now)
        } catch {
            return refuse(request, error, recording: true)
        }
        let key = call.request
        writer.run({ ledger in
            try ledger.recordWeek(commitments: events.commitments, answers: events.answers, request: key)
        }) { [self] result in
            switch result {
            case .success(let (_, already, recorded)):
                do {
                    let all = try commitments(from: weeks.this, through: weeks.next)
                    let outcome: Outcome = recorded ? .recorded : (new.isEmpty && answers.isEmpty ? .nothing : .already)
                    request.reply(PlanWeekCall.Reply(
                        outcome: outcome, thisWeek: weeks.this.description, nextWeek: weeks.next.description,
                        commitments: all, alreadyAnswered: already))
                } catch {
                    refuse(request, error, recording: false)
                }
            case .failure(let error):
                refuse(request, error, recording: true)
            }
        }
    }

    private func checkWeekPlan(
        new: [NewCommitment], answers: [CommitmentAnswer], existing: [Commitment], weeks: (this: LocalDay, next: LocalDay),
        now: Date
    ) throws(CommandError) -> (commitments: [Event], answers: [Event]) {
        let today = engine.calendar.day(of: now)
        let planned = existing.filter { $0.week == weeks.next.description }.count
        guard planned + new.count <= PlanWeekCall.maxCommitments else {
            throw .invalidArgument(
                parameter: "commitments", value: String(new.count),
                message: "would make \(planned + new.count) commitments for the week of \(weeks.next); "
                    + "keep it to \(PlanWeekCall.maxCommitments) (\(planned) made already)")
        }
        var commitments: [Event] = []
        for item in new {
            let text = item.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.count <= 200,
                  !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .invalidArgument(parameter: "commitments", value: item.text,
                                       message: "is not a commitment (one line of 1 to 200 characters)")
            }
            if let step = item.step, engine.plan.step(id: step) == nil {
                throw .invalidArgument(parameter: "step", value: step,
                                       message: "is not a step of the plan (\(engine.plan.steps.map(\.id).joined(separator: ", ")))")
            }
            commitments.append(Event(kind: .commitment, at: now, day: weeks.next, action: item.step, note: text, source: "ctl"))
        }
        let answerable = Set(existing.filter { $0.week == weeks.this.description }.map(\.id))
        var answerEvents: [Event] = []
        for answer in answers {
            guard answerable.contains(answer.id) else {
                throw .invalidArgument(parameter: "kept", value: String(answer.id),
                                       message: "is not a commitment of this week (the week of \(weeks.this))")
            }
            answerEvents.append(Event(kind: .commitmentKept, at: now, day: today, count: answer.kept ? 1 : 0,
                                      ref: answer.id, source: "ctl"))
        }
        return (commitments, answerEvents)
    }
}
