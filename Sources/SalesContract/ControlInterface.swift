/// The interface description of the wire contract between `salesd run` and `salesd ctl` (and
/// any Varlink client), served by `GetInterfaceDescription`.
///
/// The Codable types of this module are the contract; this text describes them, and a test
/// checks that every method, type and error here has exactly the fields of its Swift type.
/// Times are ISO 8601 with the plan zone's offset (`2026-11-27T09:30:00+01:00`), days are
/// `YYYY-MM-DD` in the plan's zone, durations are `15m`-style strings. Every error carries a
/// `kind`, a `message` a person can act on, and often a `hint`.
public enum ControlInterface {
    public static let name = "io.salesd.Control"

    public static let description = """
    # salesd: the daily lead-measure actions of a written sales process.
    interface io.salesd.Control

    # One planned action and how far it got on a day.
    type ActionState (
      action: string,
      step: string,
      stepName: string,
      title: string,
      done: int,
      target: int,
      # open, done, skipped or off
      state: string,
      # Planned reminder times, local HH:MM.
      at: []string,
      # The next reminder still to fire today, if any.
      next: ?string
    )

    # A ledger entry as recorded.
    type EventRecord (
      id: int,
      kind: string,
      at: string,
      day: string,
      action: ?string,
      count: ?int,
      note: ?string,
      until: ?string,
      resultKind: ?string,
      value: ?float,
      source: ?string
    )

    # Something the daemon announced (journal, desktop, watchers).
    type Announcement (
      kind: string,
      message: string,
      day: ?string,
      action: ?string,
      step: ?string,
      title: ?string,
      count: ?int,
      done: ?int,
      target: ?int,
      scheduled: ?string,
      latenessMs: ?int,
      late: bool,
      # When it was announced, in the plan's zone.
      at: ?string
    )

    type Reminder (action: string, title: string, at: string, slot: string)

    # An action as the plan asks for it on a day.
    type PlannedAction (
      action: string,
      step: string,
      title: string,
      target: int,
      # Reminder times, local HH:MM; empty when never reminded.
      at: []string,
      # Re-remind every this long (1h) until done, until this local HH:MM.
      repeat: ?string,
      until: ?string
    )

    # One day of the plan; offBy is "config" (daysOff) or "ctl" (salesd ctl off, with its reason).
    type PlanDay (day: string, off: bool, offBy: ?string, offReason: ?string, actions: []PlannedAction)

    # A ledger entry of the history, and whether an undo took it back (undoes: the id an
    # undo event takes back).
    type LogEntry (event: EventRecord, cancelled: bool, undoes: ?int)

    type NotificationState (
      available: bool,
      server: ?string,
      capabilities: []string,
      reason: ?string
    )

    # A person in the pipeline. name is null once forgotten; state is ok, due or overdue by the
    # step's followUp (days since the last touch, in local calendar days); status is active,
    # won or lost.
    type Person (
      id: int,
      name: ?string,
      company: ?string,
      step: string,
      stepName: string,
      next: ?string,
      due: ?string,
      note: ?string,
      lastTouch: string,
      daysSinceTouch: int,
      state: string,
      status: string,
      forgotten: bool
    )

    # A step of the pipeline: the people at it now (count), and of those who entered it in the
    # window, how many reached a later step or were won (conversion = advanced / entered), and
    # the median local days they spent in it (a stay still going counts up to today).
    type PipelineStep (
      step: string,
      name: string,
      count: int,
      people: []Person,
      entered: int,
      advanced: int,
      conversion: ?float,
      medianDays: ?float
    )

    # Lead to lag at a step: touches of people while at it, against people won, in the same weeks.
    type LeadToLag (step: string, name: string, touches: int, won: int, touchesPerClient: ?float)

    # The daemon, its plan and what fires next.
    method Status() -> (
      version: string,
      pid: int,
      since: string,
      config: string,
      ledger: string,
      socket: string,
      # The zone the plan runs in, and the system's when it differs.
      timeZone: string,
      systemTimeZone: ?string,
      today: string,
      actionsToday: int,
      doneToday: int,
      nextReminder: ?Reminder,
      notifications: NotificationState,
      # Clients streaming Watch right now.
      watchers: int
    )

    # Today's plan (or another day's), in the order to work it.
    # today is the daemon's today, to tell a past or future day from it.
    method Today(day: ?string) -> (day: string, today: string, off: bool, actions: []ActionState)

    # What's the next step? The open action to do now, and why.
    method Next() -> (day: string, action: ?ActionState, why: ?string, remaining: int)

    # Every call that may change the ledger answers with its outcome: recorded (durably),
    # nothing (nothing was recorded) or already (a repeat; nothing new was recorded). Its
    # request is the client's key for it (a UUID): the same key again is answered "already"
    # with what was recorded the first time, so a client that lost an answer can retry.

    # Records count (default 1) units of an action, today or on a recent day.
    method Done(action: string, count: ?int, note: ?string, day: ?string, request: ?string) -> (
      outcome: string,
      event: EventRecord,
      progress: ActionState
    )

    # Takes back the most recent done, skip, snooze, day-off or result (of one action, on one
    # day, or of any). undone is the undo event, cancelled the event taken back, progress the
    # action's standing afterwards (none for a day off or a result). A request id sent again
    # takes back nothing more: the outcome is already.
    method Undo(action: ?string, day: ?string, request: ?string) -> (
      outcome: string,
      undone: EventRecord,
      cancelled: EventRecord,
      progress: ?ActionState
    )

    # Postpones an action's reminders by a duration (default: the plan's snooze). Reminders
    # inside the snooze are dropped and one fires at its end if the action was reminded or due;
    # with nothing due before the end, nothing is recorded (outcome nothing).
    method Snooze(action: string, duration: ?string, request: ?string) -> (outcome: string, until: string)

    # Excuses an action for today.
    method Skip(action: string, reason: ?string, request: ?string) -> (outcome: string, progress: ActionState)

    # Marks a day (default today) off: no reminders, no streak broken. With through, every day
    # from day to through (a vacation, at most 366 days) in one transaction; days already off
    # are left as they are, and days lists the range.
    method DayOff(day: ?string, reason: ?string, request: ?string, through: ?string) -> (outcome: string, day: string, through: ?string, days: ?[]string)

    # Records a lag measure (a client, a proposal, a booked conversation).
    # kind is one of the plan's results; unit is its unit (count or a currency code).
    method Result(kind: string, value: ?float, note: ?string, request: ?string) -> (outcome: string, event: EventRecord, unit: ?string)

    # The scoreboard of the last weeks (1 to 104; 1 = this week); its text rendering in
    # scoreboard.text is width columns wide (default 80), in colour when colour is true.
    # commitments are this week's and the next week's, from the weekly session.
    method Week(weeks: ?int, width: ?int, colour: ?bool) -> (scoreboard: object, commitments: ?[]Commitment)

    # A commitment of the weekly session, for the week starting week; kept is null until answered.
    type Commitment (id: int, week: string, text: string, step: ?string, kept: ?bool)
    type NewCommitment (text: string, step: ?string)
    type CommitmentAnswer (id: int, kept: bool)

    # The weekly session (salesd plan-week): whether this week's commitments were kept, and up
    # to three commitments for the next week start, in one transaction. An answer given before
    # is left as it was (alreadyAnswered).
    method PlanWeek(commitments: ?[]NewCommitment, kept: ?[]CommitmentAnswer, request: ?string) -> (
      outcome: string,
      thisWeek: string,
      nextWeek: string,
      commitments: []Commitment,
      alreadyAnswered: []int
    )

    # What the plan asks on each of some days (1 to 31, default 7) from day (default today).
    method Plan(day: ?string, days: ?int) -> (today: string, days: []PlanDay)

    # The history between two days (default the last 7), oldest first, optionally of one
    # action or of one step's actions.
    method Log(action: ?string, step: ?string, from: ?string, to: ?string) -> (
      from: string,
      to: string,
      entries: []LogEntry
    )

    # People. PERSON parameters are an id (12 or #12) or an unambiguous, case-insensitive part
    # of a name; otherwise the error NoSuchPerson lists the candidates in known. Every call
    # recording a person event replies with the event's kind and the person afterwards.

    # The people in the pipeline (of one step; only those due or overdue; all: also won and lost).
    method People(step: ?string, due: ?bool, all: ?bool) -> (today: string, people: []Person)

    # Puts a person in the pipeline at step (default the first); counts as a touch.
    method PersonAdd(name: string, step: ?string, company: ?string, next: ?string, due: ?string, note: ?string,
                     request: ?string) -> (outcome: string, event: string, person: Person)

    # Changes what is written about a person; an empty text clears it (not the name).
    method PersonEdit(person: string, name: ?string, company: ?string, next: ?string, due: ?string, note: ?string,
                      request: ?string) -> (outcome: string, event: string, person: Person)

    # A contact with a person: follow-ups count from today again. With action, one done of it
    # is recorded too (done).
    method Touch(person: string, note: ?string, next: ?string, due: ?string, action: ?string, request: ?string) -> (
      outcome: string,
      person: Person,
      done: ?EventRecord
    )

    # The person enters another step.
    method Move(person: string, step: string, request: ?string) -> (outcome: string, event: string, person: Person)

    # The person became a client: records the plan's won results (default one client, and
    # value as revenue), linked to the person.
    method Won(person: string, value: ?float, request: ?string) -> (outcome: string, person: Person, results: []EventRecord)

    # The person leaves the pipeline.
    method Lost(person: string, reason: ?string, request: ?string) -> (outcome: string, event: string, person: Person)

    # Erases the person's name, company and notes from the ledger file (and every note there
    # that names them), leaving anonymous counts; person is the id. compacted is false when a
    # reader kept the file from being rewritten: Forget of the id again finishes it (already).
    method Forget(person: string, request: ?string) -> (outcome: string, person: int, notesErased: int, compacted: bool)

    # Takes back the latest person event (of one person). With latest, only when it is newer
    # than the latest entry Undo would take back; else nothing (outcome nothing, undone null).
    method PersonUndo(person: ?string, latest: ?bool, request: ?string) -> (outcome: string, undone: ?string, person: ?Person)

    # The steps with their people, and conversion between consecutive steps over the last
    # weeks (1 to 104, default 4) weeks of 7 days ending today (from: the first day); lead to
    # lag over the last leadToLagWeeks (12) weeks.
    method Pipeline(weeks: ?int) -> (
      today: string,
      weeks: int,
      from: string,
      steps: []PipelineStep,
      won: int,
      lost: int,
      leadToLag: []LeadToLag,
      leadToLagWeeks: int
    )

    # Re-reads the config; on errors the running plan stays in force.
    method Reload() -> (config: string, actions: int, changed: bool)

    # Streams every announcement as it happens (call with more).
    method Watch() -> (announcement: Announcement)

    error NoSuchAction (kind: string, message: string, hint: ?string, action: ?string, known: ?[]string)
    error NoSuchPerson (kind: string, message: string, hint: ?string, value: ?string, known: ?[]string)
    error NothingToUndo (kind: string, message: string, hint: ?string, action: ?string)
    error InvalidArgument (kind: string, message: string, hint: ?string, parameter: ?string, value: ?string)
    error InvalidConfig (kind: string, message: string, hint: ?string, config: ?string, errors: ?[]string)
    error DayNotPlanned (kind: string, message: string, hint: ?string)
    error LedgerUnavailable (kind: string, message: string, hint: ?string)
    # Too many clients at once: watchers are limited apart from commands, which always get through.
    error Busy (kind: string, message: string, hint: ?string)
    """
}
