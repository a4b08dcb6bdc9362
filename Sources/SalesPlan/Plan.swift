/// A written-down sales process and its per-day action plan, as loaded from `config.json`.
///
/// Build one with ``Plan/parse(_:)`` (validates everything) or ``Plan/embeddedDefault``.
public struct Plan: Hashable, Sendable {
    public static let currentVersion = 1

    public var version: Int = Plan.currentVersion
    /// IANA zone name; `nil` means the system's zone.
    public var timeZone: String?
    /// When the daily "What's the next step?" prompt fires; `nil` disables it.
    public var morningPrompt: LocalTime?
    /// When the weekly review fires; `nil` disables it.
    public var weeklyReview: WeeklyReview?
    /// The default snooze.
    public var snooze: PlanDuration = PlanDuration(seconds: 15 * 60)
    /// How late a missed reminder may still fire on its own (marked late).
    public var grace: PlanDuration = PlanDuration(seconds: 10 * 60)
    /// First day of the scoreboard's week.
    public var weekStart: Weekday = .mon
    /// How many days back `done --day` may record.
    public var backfillDays: Int = 7
    public var steps: [Step]
    public var actions: [PlanAction] {
        didSet {
            actionIndex = Plan.index(actions)
            renames = Plan.renames(actions)
        }
    }
    /// Each former action id (an action's `formerly`) and the id it goes by now; derived from
    /// `actions` like the index, for the ledger events read on every start.
    public private(set) var renames: [String: String] = [:]
    /// Where each action id is in `actions`: lookups by id are on every hot path (a plan may
    /// have thousands of actions). Derived from `actions`, so it never changes equality.
    private var actionIndex: [String: Int] = [:]
    public var daysOff: [LocalDay] = [] {
        didSet { daysOffSet = Set(daysOff) }
    }
    /// `daysOff` for lookups: a vacation range makes it long, and every day's plan asks.
    private var daysOffSet: Set<LocalDay> = []
    /// Skips per calendar month excused across the actions without a budget of their own;
    /// nil: every skip is excused.
    public var skipBudget: Int?
    /// The lag measures `salesd ctl result` records; ``ResultKind/defaults`` when the config names none.
    public var results: [ResultKind] = ResultKind.defaults
    /// The results `salesd ctl won` records for a person.
    public var won: WonResults = WonResults()
    /// Whether the journal may name people; by default it gets their id only.
    public var journalNames = false
    public var notifications: NotificationSettings = NotificationSettings()

    public init(
        timeZone: String? = nil, morningPrompt: LocalTime? = nil, weeklyReview: WeeklyReview? = nil,
        steps: [Step], actions: [PlanAction], daysOff: [LocalDay] = []
    ) {
        self.timeZone = timeZone
        self.morningPrompt = morningPrompt
        self.weeklyReview = weeklyReview
        self.steps = steps
        self.actions = actions
        self.actionIndex = Plan.index(actions)
        self.renames = Plan.renames(actions)
        self.daysOff = daysOff
        self.daysOffSet = Set(daysOff)
    }

    /// Whether `day` is a day off of the config (`daysOff`, ranges included).
    public func isDayOff(_ day: LocalDay) -> Bool { daysOffSet.contains(day) }

    public func step(id: String) -> Step? { steps.first { $0.id == id } }
    public func action(id: String) -> PlanAction? { actionIndex[id].map { actions[$0] } }
    /// Where the action with `id` is in `actions` (the first, if several share it).
    public func index(ofAction id: String) -> Int? { actionIndex[id] }

    private static func renames(_ actions: [PlanAction]) -> [String: String] {
        var map: [String: String] = [:]
        for action in actions { for old in action.formerly { map[old] = action.id } }
        return map
    }

    private static func index(_ actions: [PlanAction]) -> [String: Int] {
        // Made at its final size, last to first so the first of a repeated id stays: building
        // it from a list of pairs cost more than reading the actions.
        var index: [String: Int] = Dictionary(minimumCapacity: actions.count)
        for position in actions.indices.reversed() { index[actions[position].id] = position }
        return index
    }

    /// The actions planned on `day`, in plan order (none on a configured day off).
    public func actions(on day: LocalDay) -> [PlanAction] {
        if isDayOff(day) { return [] }
        return actions.filter { $0.isPlanned(on: day) }
    }
}
