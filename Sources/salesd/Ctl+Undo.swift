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
                """)

        @Argument(help: ArgumentHelp("Only this action's entries (done, skip, snooze).", valueName: "action"),
                  completion: PlanCompletion.actions)
        var action: String?

        @Option(help: ArgumentHelp("Only entries for this day: YYYY-MM-DD, today, yesterday or tomorrow.", valueName: "date"))
        var day: PlanDayArgument?

        @OptionGroup var options: CtlOptions

        func run() throws {
            // One id per invocation: if the call is sent again, the daemon takes back nothing more.
            let call = UndoCall(action: action, day: day?.text)
            let reply = try options.client.call(call)
            Output.print(options.json ? [JSONOutput.pretty(reply)] : [RecordText.undo(reply)])
        }
    }
}
