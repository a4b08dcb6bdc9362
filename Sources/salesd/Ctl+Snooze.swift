import ArgumentParser
import SalesContract
import SalesPlan

extension Salesd.Ctl {
    /// `salesd ctl snooze ACTION [DURATION]`: postpones an action's reminders.
    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snooze",
            abstract: "Postpone an action's reminders (default: the plan's snooze).",
            discussion: """
                  salesd ctl snooze connection-requests
                  salesd ctl snooze connection-requests 1h30m
                """)

        @Argument(help: "The action's id, as in 'salesd ctl today'.", completion: PlanCompletion.actions)
        var action: String

        @Argument(help: "How long: e.g. 90s, 15m, 1h30m.")
        var duration: String?

        @OptionGroup var options: CtlOptions

        func validate() throws {
            if let duration, PlanDuration(duration) == nil, duration.filter(\.isNumber).allSatisfy({ $0 == "0" }),
               PlanDuration(duration.replacingOccurrences(of: "0", with: "1")) != nil {
                throw ValidationError(#"DURATION "\#(duration)" is zero: a snooze must last at least 1s (e.g. 15m; to stop today's reminders: salesd ctl skip \#(action))"#)
            }
            if let duration, PlanDuration(duration) == nil {
                throw ValidationError(#"DURATION "\#(duration)" is not a duration (use hours, minutes, seconds in that order, e.g. 15m, 1h30m, 90s)"#)
            }
        }

        func run() throws {
            let call = SnoozeCall(action: action, duration: duration)
            try options.show(options.client.call(call), line: { RecordText.snooze($0, action: action) })
        }
    }
}
