import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl today`: the day's plan, in the order to work it.
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "today",
            abstract: "Show today's plan (or another day's) and how far each action got.",
            discussion: """
                Each row: the reminder time, the action's id (what done, skip and snooze take), the
                title and the count. NEXT marks the action to do now; ✓ done; – skipped or off.
                A past day's hint records with --day; a future day has none.

                  salesd ctl today
                  salesd ctl today --day yesterday
                  salesd ctl today --day 2026-11-27
                """)

        @Option(help: ArgumentHelp("The day to show: YYYY-MM-DD, today, yesterday or tomorrow. (default: today)", valueName: "date"))
        var day: PlanDayArgument?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let call = TodayCall(day: day?.text)
            try options.show(options.client.call(call), lines: { TodayText.lines($0, colour: Output.useColour()) })
        }
    }
}
