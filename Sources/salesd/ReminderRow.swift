import Foundation

/// One reminder to list in `salesd check-config`: which action, and the instant it fires.
struct ReminderRow: Equatable {
    var instant: Date
    /// The local time the plan asks for (`01:30`), which differs from the instant's when shifted.
    var planned: String
    var action: String
    var title: String
    /// True when the planned local time does not exist that day (spring forward) and it fires after the gap.
    var shifted: Bool
    /// True for a re-reminder (`repeat`), false for a planned `at` time.
    var isRepeat: Bool
}
