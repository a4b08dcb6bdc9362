import ArgumentParser
import Foundation
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl undo [ACTION] [--day D]`: takes back the latest done, skip, snooze, day off or result.
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Take back the most recent done, skip, snooze, day off or result.",
            discussion: """
                Without ACTION: the event recorded last, whatever its day (a backfilled yesterday too).
                With ACTION: that action's latest done, skip or snooze. With --day: only that day's.
                The reply says what was taken back and on which day; see the history with: salesd ctl log

                  salesd ctl undo                               the latest entry, of any kind
                  salesd ctl undo connection-requests           that action's latest entry
                  salesd ctl undo --day 2026-12-24              e.g. cancel a day off
                  salesd ctl undo send-follow-ups --day yesterday
                  salesd ctl undo --person dana                 Dana's latest touch, move, won or lost

                A person event (ctl touch, move, won, lost, people add/edit) recorded after every
                other entry is what a plain undo takes back first.
                """)

        @Argument(help: ArgumentHelp("Only this action's entries (done, skip, snooze).", valueName: "action"),
                  completion: PlanCompletion.actions)
        var action: String?

        @Option(help: ArgumentHelp("Only entries for this day: YYYY-MM-DD, today, yesterday or tomorrow.", valueName: "date"))
        var day: PlanDayArgument?

        @Option(help: ArgumentHelp("Only this person's latest event (touch, move, won, lost, edit).", valueName: "person"))
        var person: String?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if person != nil, action != nil || day != nil {
                throw ValidationError("--person takes back a person's event; give it without ACTION and --day")
            }
        }

        func run() throws {
            let key = options.request ?? UUID().uuidString
            // A person event is taken back when it is the latest entry of all (or --person asks).
            if action == nil, day == nil {
                let personal = try options.client.call(PersonUndoCall(person: person, latest: person == nil ? true : nil,
                                                                      request: key + ":person"))
                if let undone = personal.undone, let who = personal.person {
                    let already = personal.outcome == .already ? " (already; nothing more taken back)" : ""
                    return options.show(personal, line: { _ in
                        "Undone\(already): \(undone) of \(who.label) (#\(who.id)) → " + PeopleText.person(who)
                    })
                }
            }
            // One id per invocation: if the call is sent again, the daemon takes back nothing more.
            let call = UndoCall(action: action, day: day?.text, request: key)
            try options.show(options.client.call(call), line: RecordText.undo)
        }
    }
}
