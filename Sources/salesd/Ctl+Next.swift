import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl next`: what's the next step?
    struct Next: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "Show the next action to do now, why it matters, and how to record it.")

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.show(options.client.call(NextCall()), lines: NextText.lines)
        }
    }
}
