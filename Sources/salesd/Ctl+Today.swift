import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl today`: the day's plan, in the order to work it.
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show today's plan (or another day's) and how far each action got.",
            discussion: """
                NEXT marks the action to do now; ✓ done; – skipped or off.

                  salesd ctl today
                  salesd ctl today --day yesterday
                  salesd ctl today --day 2026-11-27
                """)

        @Option(help: ArgumentHelp("The day to show: YYYY-MM-DD, today or yesterday. (default: today)", valueName: "date"))
        var day: DayArgument?

        @OptionGroup var options: CtlOptions

        func run() throws {
            let reply = try options.client.call(TodayCall(day: day?.text))
            Output.print(options.json ? [JSONOutput.pretty(reply)] : TodayText.lines(reply, colour: Output.useColour()))
        }
    }
}
