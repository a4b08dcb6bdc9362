import Foundation
import SalesContract
import SalesStatus

/// One line for a panel or a prompt (`ctl status --oneline`), and the same as a waybar custom
/// module's JSON (`ctl status --waybar`): today's progress, the week's pace, the next reminder.
struct PanelLine: Equatable {
    /// `3/8 done today · 2 behind · next 14:30 Send follow-ups`.
    var text: String
    /// Each step's week and pace, then the next reminder: what a panel shows on hover.
    var tooltip: [String]
    /// `behind` when any step of this week is short of what the plan expects by now, else `on-pace`.
    var paceClass: String
    /// This week's adherence in percent (0 when nothing was due), for a panel's icons or bar.
    var percentage: Int

    init(status: StatusCall.Reply, scoreboard: Scoreboard) {
        let week = scoreboard.weeks.first { $0.isCurrent } ?? scoreboard.weeks.last
        // A step ahead does not make up for one behind: the process needs every step.
        let behind = week?.steps.reduce(0) { $0 + max(0, -$1.pace) } ?? 0
        paceClass = behind > 0 ? "behind" : "on-pace"
        percentage = week?.adherencePercent ?? 0
        var parts = ["\(status.doneToday)/\(status.actionsToday) done today", behind > 0 ? "\(behind) behind" : "on pace"]
        if let next = status.nextReminder {
            let day = WireTime.day(next.at) == status.today ? "" : WireTime.day(next.at) + " "
            parts.append("next \(day)\(WireTime.clock(next.at)) \(next.title)")
        } else {
            parts.append("nothing more planned")
        }
        text = parts.joined(separator: " · ")
        // Not aligned in columns: panels draw tooltips in a proportional font.
        tooltip = (week?.steps ?? []).filter { $0.target > 0 || $0.done > 0 }.map {
            "\($0.name): \($0.done)/\($0.target) this week · \($0.paceText)"
        }
        tooltip.append("next reminder: " + StatusText.nextReminder(status.nextReminder, today: status.today, now: Date()))
    }

    /// The object waybar reads with `"return-type": "json"`, on one line. Waybar takes `text`
    /// and `tooltip` as Pango markup, so the plan's own words are escaped.
    var waybarJSON: String {
        let object: [String: Any] = [
            "text": Self.markupEscaped(text),
            "tooltip": Self.markupEscaped(tooltip.joined(separator: "\n")),
            "class": paceClass,
            "alt": paceClass,
            "percentage": percentage,
        ]
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: options)) ?? Data("{}".utf8),
                      as: UTF8.self)
    }

    /// Pango markup needs these escaped in plain text; a stray `&` or `<` blanks the module.
    static func markupEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
