import Foundation
import SalesEngine
import SalesPlan

extension DesktopNotifier {
    /// The arguments of one `Notify` call, worked out from an announcement and what the server
    /// can do.
    struct Content: Equatable {
        var summary: String
        var body: String
        /// Key and label pairs, flattened as the spec wants them.
        var actions: [String]
        var hints: [String: BusVariant]

        init(
            _ announcement: Announcement, buttons: [NotificationButton], urgency: NotificationSettings.Urgency,
            capabilities: [String], stepNames: [String: String]
        ) {
            summary = Self.summary(announcement)
            let general = announcement.body ?? Self.progress(announcement, stepNames: stepNames) ?? announcement.message
            let text = announcement.personal.map { $0 + "\n\n" + general } ?? general
            body = capabilities.contains("body-markup") ? Self.escaped(text) : text
            actions = capabilities.contains("actions") ? buttons.flatMap { [$0.rawValue, Self.label($0, announcement)] } : []
            hints = [
                "urgency": .byte(urgency.level),
                "category": .string(Self.category(announcement.kind)),
                "desktop-entry": .string("salesd"),
            ]
            if let action = announcement.action { hints["x-salesd-action"] = .string(action) }
        }

        private static func summary(_ announcement: Announcement) -> String {
            switch announcement.kind {
            case .morning: "What's the next step?"
            case .review: "Weekly review"
            case .missed: "Missed reminders"
            case .followUps: announcement.title ?? "Follow-ups due"
            default: announcement.title ?? announcement.message
            }
        }

        /// "Connect · 2 of 5 today", from whichever of step and progress the announcement has.
        private static func progress(_ announcement: Announcement, stepNames: [String: String]) -> String? {
            guard announcement.kind == .reminder else { return nil }
            var parts: [String] = []
            if let step = announcement.step { parts.append(stepNames[step] ?? capitalized(step)) }
            if let done = announcement.done, let target = announcement.target { parts.append("\(done) of \(target) today") }
            return parts.isEmpty ? nil : parts.joined(separator: " · ")
        }

        private static func capitalized(_ id: String) -> String { id.prefix(1).uppercased() + id.dropFirst() }

        private static func label(_ button: NotificationButton, _ announcement: Announcement) -> String {
            switch button {
            case .done: "Done"
            case .snooze: "Snooze"
            case .skip: "Skip today"
            case .touch: announcement.personName.map { "Touched \($0)" } ?? "Touched"
            }
        }

        private static func category(_ kind: Announcement.Kind) -> String {
            switch kind {
            case .morning: "x-salesd.prompt"
            case .review: "x-salesd.review"
            case .followUps: "x-salesd.follow-ups"
            default: "x-salesd.reminder"
            }
        }

        /// Body markup is a small subset of HTML: these three are all a plain text needs escaped.
        static func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
    }
}
