import ArgumentParser

extension Salesd {
    /// `salesd ctl VERB`: asks the running daemon over its control socket.
    struct Ctl: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ctl",
            abstract: "Talk to the running daemon: see today's plan, record what you did.",
            discussion: """
                Every verb takes --json (the daemon's reply as JSON, for scripts; a failure is
                then a JSON object too: kind, message, hint, exitCode) and --socket PATH.

                  salesd ctl next                          what's the next step?
                  salesd ctl done connection-requests 2    record 2 of them
                  salesd ctl today                         today's plan, with action ids
                  salesd ctl plan                          the week ahead
                  salesd ctl log                           what was recorded lately
                  salesd ctl week                          the scoreboard
                  salesd ctl people add "Dana Kim"         a person in the pipeline
                  salesd ctl touch dana --next "call"      a contact: follow-ups count from today
                  salesd ctl pipeline                      the steps, the people at each, conversion

                Exit codes: 0 success, 1 the daemon refused (the message says why),
                2 usage error, 3 daemon not reachable.
                """,
            subcommands: [
                Status.self, Today.self, Next.self, Done.self, Undo.self, Snooze.self, Skip.self,
                Off.self, Result.self, Week.self, Plan.self, Log.self, Reload.self, Watch.self,
                People.self, Touch.self, Move.self, Won.self, Lost.self, Forget.self, Pipeline.self,
            ]
        )
    }
}
