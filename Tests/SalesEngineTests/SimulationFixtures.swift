import Foundation
import SalesPlan
import SalesSchedule

/// The year simulation's plan: reminders inside every kind of DST gap and overlap (00:00, 00:30,
/// 01:30, 02:15, 02:30, 03:30, 23:59), a repeat/until series, weekday, weekend and ISO-date days,
/// the morning prompt and the weekly review.
func simulationYearPlan(zone: String, dates: [LocalDay]) -> Plan {
    func t(_ text: String) -> LocalTime { LocalTime(text)! }
    return Plan(
        timeZone: zone, morningPrompt: t("07:00"), weeklyReview: WeeklyReview(day: .fri, at: t("17:30")),
        steps: ["connect", "invite", "nurture", "converse", "follow"].map { Step(id: $0, name: $0.capitalized) },
        actions: [
            PlanAction(id: "requests", step: "connect", title: "Send 5 connection requests", target: 5,
                       days: [.weekdays], at: [t("09:30")], repeat: PlanDuration("1h"), until: t("11:30")),
            PlanAction(id: "night", step: "nurture", title: "Reply to overnight messages", days: [.daily],
                       at: [t("00:30")], repeat: PlanDuration("1h"), until: t("03:30")),
            PlanAction(id: "midnight", step: "follow", title: "Follow up", days: [.daily],
                       at: [t("00:00"), t("23:59")]),
            PlanAction(id: "weekend", step: "invite", title: "Invite to a webinar", days: [.weekends],
                       at: [t("02:15"), t("17:00")]),
            PlanAction(id: "call", step: "converse", title: "Hold a sales call",
                       days: [.weekday(.wed)] + dates.map { .date($0) }, at: [t("14:00")]),
        ])
}

/// The fault scenarios' plan: every action daily, so a DST Sunday has them all: a night series
/// across the DST hours, a morning series, an afternoon call and a late wrap-up.
func simulationDayPlan(zone: String) -> Plan {
    func t(_ text: String) -> LocalTime { LocalTime(text)! }
    return Plan(
        timeZone: zone, morningPrompt: t("08:30"),
        steps: [Step(id: "connect", name: "Connect"), Step(id: "nurture", name: "Nurture"),
                Step(id: "converse", name: "Converse")],
        actions: [
            PlanAction(id: "night", step: "nurture", title: "Reply to overnight messages",
                       at: [t("00:30")], repeat: PlanDuration("1h"), until: t("03:30")),
            PlanAction(id: "requests", step: "connect", title: "Send 5 connection requests", target: 5,
                       at: [t("09:30")], repeat: PlanDuration("1h"), until: t("11:30")),
            PlanAction(id: "call", step: "converse", title: "Hold a sales call", at: [t("14:00")]),
            PlanAction(id: "wrapup", step: "nurture", title: "Write tomorrow's list", at: [t("00:10"), t("23:50")]),
        ])
}

/// The first instant the wall clock in `zone` shows `time` on `day` (salesd's DST rules).
func simulationInstant(_ zone: String, _ day: String, _ time: String) -> Date {
    simulationCalendar(zone).resolve(LocalTime(time)!, on: LocalDay(iso: day)!)!.instant
}

func simulationCalendar(_ zone: String) -> ZoneCalendar { ZoneCalendar(timeZone: TimeZone(identifier: zone)!) }

/// `key` strings (`action day slot`) of `events`, in ledger order.
func simulationKeys(_ events: [Event]) -> [String] { events.map { SimulationKey($0).description } }
