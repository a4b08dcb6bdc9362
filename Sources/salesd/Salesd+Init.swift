import ArgumentParser
import Foundation
import SalesPlan

extension Salesd {
    /// `salesd init`: writes the example plan where the daemon looks for it.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write the example plan (a 5-step sales process) to your config file.",
            discussion: """
                Edit it to match your own process, then check it with 'salesd check-config'.
                An existing file is kept unless you pass --force.
                """)

        @Option(help: ArgumentHelp("Where to write it. (default: $XDG_CONFIG_HOME/salesd/config.json)", valueName: "path"))
        var config: String?

        @Flag(help: "Replace an existing file.")
        var force = false

        func run() throws {
            let path = config ?? Paths().configFile
            let url = URL(fileURLWithPath: path)
            let files = FileManager.default
            if files.fileExists(atPath: path), !force {
                throw CommandFailure([
                    "salesd: \(path) already exists; it was left as it is",
                    "Check it with: salesd check-config \(path)   (or overwrite it with: salesd init --force)",
                ])
            }
            do {
                try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(Plan.exampleJSON.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure([
                    "salesd: cannot write \(path) (\(FileProblem.describe(error)))",
                    "Choose another place with: salesd init --config PATH",
                ])
            }
            let checkArgument = config.map { " " + $0 } ?? ""
            Output.print([
                "Wrote the example plan to \(path)",
                "Edit it to match your process, then: salesd check-config\(checkArgument)",
            ])
        }
    }
}
