import ArgumentParser
import Foundation
import SalesContract
import SalesPlan

extension Salesd.Ctl {
    /// `salesd ctl people [add|edit]`: the people in the pipeline.
    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "List, add or edit the people in the pipeline.",
            discussion: """
                PERSON, wherever a verb takes one, is an id (12 or #12) or an
                unambiguous, case-insensitive part of a name; an ambiguous or unknown
                one gets the candidates. State is ok, due (the step's followUp.ideal
                days since the last touch have passed) or overdue (more than
                followUp.max days); days are local calendar days.

                  salesd ctl people                 everyone, most urgent first
                  salesd ctl people --due           only those due or overdue
                  salesd ctl people add "Dana Kim" --company Acme --next "call"
                  salesd ctl people edit dana --next "book a call" --due tomorrow
                """,
            subcommands: [List.self, Add.self, Edit.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the people in the pipeline (the default).")

            @Option(help: ArgumentHelp("Only the people at this step.", valueName: "step"))
            var step: String?

            @Flag(help: "Only the people due or overdue for a follow-up.")
            var due = false

            @Flag(help: "Also the people won or lost.")
            var all = false

            @OptionGroup var options: CtlOptions

            func run() throws {
                let call = PeopleCall(step: step, due: due ? true : nil, all: all ? true : nil)
                try options.show(options.client.call(call), lines: PeopleText.list)
            }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Put a person in the pipeline; prints their id.",
                discussion: "Counts as a touch: follow-ups count from today.")

            @Argument(help: "The person's name.")
            var name: String

            @Option(help: ArgumentHelp("The step they are at (default: the plan's first).", valueName: "step"))
            var step: String?

            @OptionGroup var details: PersonDetailOptions

            @OptionGroup var options: CtlOptions

            func run() throws {
                let call = PersonAddCall(name: name, step: step, company: details.company, next: details.nextStep.next,
                                         due: details.nextStep.due, note: details.note)
                try options.show(options.client.call(call), lines: { reply in
                    ["\(reply.person.id)", PeopleText.recorded("Added", reply.outcome, reply.person)]
                })
            }
        }

        struct Edit: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "edit",
                abstract: "Change what is written about a person.",
                discussion: "An empty text clears it: --next \"\" (the name cannot be cleared).")

            @Argument(help: "Who: an id or part of a name.")
            var person: String

            @Option(help: ArgumentHelp("A new name.", valueName: "name"))
            var name: String?

            @OptionGroup var details: PersonDetailOptions

            @OptionGroup var options: CtlOptions

            func run() throws {
                let call = PersonEditCall(person: person, name: name, company: details.company, next: details.nextStep.next,
                                          due: details.nextStep.due, note: details.note)
                try options.show(options.client.call(call), line: PeopleText.recorded("Edited"))
            }
        }
    }

    /// `salesd ctl touch PERSON`: a contact.
    struct Touch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "touch",
            abstract: "Record a contact with a person: follow-ups count from today.",
            discussion: """
                With --action, one done of that action is recorded too (undo takes
                back the touch first, then the done).

                  salesd ctl touch dana --note "coffee" --next "send the deck"
                  salesd ctl touch "Dana Kim" --action send-follow-ups --due tomorrow
                """)

        @Argument(help: "Who: an id or part of a name.")
        var person: String

        @Option(help: ArgumentHelp("What happened (kept in the ledger only).", valueName: "text"))
        var note: String?

        @OptionGroup var nextStep: NextStepOptions

        @Option(help: ArgumentHelp("Also count one done of this action.", valueName: "action"),
                completion: PlanCompletion.actions)
        var action: String?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let call = TouchCall(person: person, note: note, next: nextStep.next, due: nextStep.due, action: action)
            try options.show(options.client.call(call), lines: Self.lines)
        }

        private static func lines(_ reply: TouchCall.Reply) -> [String] {
            var lines = [PeopleText.recorded("Touched", reply.outcome, reply.person)]
            if let done = reply.done { lines.append("Done: \(done.action ?? "") +\(done.count ?? 1)") }
            return lines
        }
    }

    /// `salesd ctl move PERSON STEP`.
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a person to another step of the process.")

        @Argument(help: "Who: an id or part of a name.")
        var person: String

        @Argument(help: "The step's id (see: salesd ctl plan).")
        var step: String

        @OptionGroup var options: CtlOptions

        func run() throws {
            let call = MoveCall(person: person, step: step)
            try options.show(options.client.call(call), line: PeopleText.recorded("Moved"))
        }
    }

    /// `salesd ctl won PERSON [VALUE]`.
    struct Won: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "won",
            abstract: "A person became a client: records the plan's won results.",
            discussion: """
                The results are linked to the person: by default one "client" result,
                and VALUE (if given) as "revenue"; the config's
                "won": {"count": KIND, "value": KIND} names others.

                  salesd ctl won dana 12000
                """)

        @Argument(help: "Who: an id or part of a name.")
        var person: String

        @Argument(help: "How much, in the value result's currency.")
        var value: Double?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if let value, !value.isFinite { throw ValidationError("VALUE must be a finite number, not \(value)") }
        }

        func run() throws {
            try options.show(options.client.call(WonCall(person: person, value: value)), lines: Self.lines)
        }

        private static func lines(_ reply: WonCall.Reply) -> [String] {
            [PeopleText.recorded("Won", reply.outcome, reply.person)] + reply.results.map { result in
                "Result: \(result.resultKind ?? "") \(result.value.map(NumberText.format) ?? "1")"
            }
        }
    }

    /// `salesd ctl lost PERSON [--reason T]`.
    struct Lost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lost",
            abstract: "A person leaves the pipeline.")

        @Argument(help: "Who: an id or part of a name.")
        var person: String

        @Option(help: ArgumentHelp("Why (kept in the ledger only).", valueName: "text"))
        var reason: String?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let call = LostCall(person: person, reason: reason)
            try options.show(options.client.call(call), line: PeopleText.recorded("Lost"))
        }
    }

    /// `salesd ctl forget PERSON`.
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Erase a person's name, company and notes from the ledger file.",
            discussion: """
                The counts stay, anonymous (#ID). Every note of the ledger that names
                them (a done note, a skip reason) is blanked too, and the file is
                rewritten (VACUUM) so the bytes are gone, not only hidden. This cannot
                be undone. Exports and backups made before keep what they hold.
                """)

        @Argument(help: "Who: an id or part of a name.")
        var person: String

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.show(options.client.call(ForgetCall(person: person)), lines: Self.lines)
        }

        private static func lines(_ reply: ForgetCall.Reply) -> [String] {
            let already = reply.outcome == .already ? " (already)" : ""
            let notes = reply.notesErased == 0 ? "" : "; \(reply.notesErased) note\(reply.notesErased == 1 ? "" : "s") naming them blanked"
            var lines = ["Forgotten\(already): #\(reply.person) — name, company and notes erased from the ledger\(notes)"]
            if !reply.compacted {
                lines.append("The file is not rewritten yet (an export or backup was reading it): the erased bytes may remain "
                             + "in its free pages until then; finish it with: salesd ctl forget \(reply.person)")
            }
            return lines
        }
    }

    /// `salesd ctl pipeline [--weeks N]`.
    struct Pipeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pipeline",
            abstract: "The steps across the page, the people at each, the conversion.",
            discussion: """
                Under each step: the conversion to the next step (of the people who
                entered this step in the last N weeks, how many reached any later step
                or were won), the median days they spent in it, then the people there
                now: ! overdue, • due, with the days since their last touch. Last, the
                touches per client won at each step over the last 12 weeks.
                """)

        @Option(help: ArgumentHelp("The window for conversion, in weeks of 7 days ending today (1 to 104).",
                                   valueName: "n"))
        var weeks: Int = 4

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.show(options.client.call(PipelineCall(weeks: weeks)), line: { reply in
                PipelineText.render(reply, width: Output.terminalWidth()).trimmingCharacters(in: .newlines)
            })
        }
    }
}

/// `--company`, `--next`, `--due` and `--note`: what is written about a person (add, edit).
struct PersonDetailOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Their company.", valueName: "name"))
    var company: String?

    @OptionGroup var nextStep: NextStepOptions

    @Option(help: ArgumentHelp("A note kept with them (in the ledger only).", valueName: "text"))
    var note: String?
}

/// `--next` and `--due`: the next step with a person and when it is due (add, edit, touch).
struct NextStepOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Your next step with them.", valueName: "text"))
    var next: String?

    @Option(help: ArgumentHelp("When the next step is due: YYYY-MM-DD, today or tomorrow.", valueName: "date"))
    var due: String?
}
