import ArgumentParser
import SalesContract

extension Salesd.Ctl {
    /// `salesd ctl reload`: re-reads the config (systemd's `ExecReload=` runs this).
    struct Reload: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reload",
            abstract: "Re-read the config; on errors the running plan stays in force.",
            discussion: "Check a file before reloading with: salesd check-config PATH")

        @OptionGroup var options: CtlOptions

        func run() throws {
            try options.show(options.client.call(ReloadCall()), line: RecordText.reload)
        }
    }
}
