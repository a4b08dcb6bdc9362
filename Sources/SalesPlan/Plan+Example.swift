import Foundation

extension Plan {
    /// The example plan, byte for byte the text of `config.example.json` (a test keeps them equal).
    ///
    /// `salesd init` writes it; a fresh machine with no config runs it.
    public static let exampleJSON = #"""
    {
      "version": 1,
      "morningPrompt": "08:30",
      "weeklyReview": {"day": "fri", "at": "16:00"},
      "snooze": "15m",
      "grace": "10m",
      "weekStart": "mon",
      "backfillDays": 7,
      "steps": [
        {
          "id": "connect",
          "name": "Meet people in your market",
          "why": "Every client starts as someone you met. No new names this week means no conversations next month."
        },
        {
          "id": "invite",
          "name": "Invite them into your world",
          "why": "A newsletter or a webinar lets people get to know your thinking before they need you."
        },
        {
          "id": "nurture",
          "name": "Stay useful",
          "why": "Helpful posts and thoughtful comments keep you in mind until the timing is right for them."
        },
        {
          "id": "converse",
          "name": "Hold sales conversations",
          "why": "Proposals and clients come out of real conversations about real problems."
        },
        {
          "id": "follow-up",
          "name": "Follow up",
          "why": "Most deals close after several follow-ups; most people stop after one."
        }
      ],
      "actions": [
        {
          "id": "connection-requests",
          "step": "connect",
          "title": "Send 5 connection requests to people in your niche",
          "target": 5,
          "days": ["weekdays"],
          "at": "09:30",
          "repeat": "1h",
          "until": "17:00"
        },
        {
          "id": "welcome-new-connections",
          "step": "connect",
          "title": "Welcome new connections with a short personal note",
          "target": 3,
          "days": ["tue", "thu"],
          "at": "11:00"
        },
        {
          "id": "newsletter-invites",
          "step": "invite",
          "title": "Invite 2 recent connections to the newsletter",
          "target": 2,
          "days": ["mon", "wed"],
          "at": "10:30"
        },
        {
          "id": "webinar-invites",
          "step": "invite",
          "title": "Invite 3 people to this month's webinar",
          "target": 3,
          "days": ["thu"],
          "at": "10:30"
        },
        {
          "id": "share-post",
          "step": "nurture",
          "title": "Share a useful post: a lesson from a recent project",
          "days": ["tue", "thu"],
          "at": "08:45"
        },
        {
          "id": "comment-on-prospects",
          "step": "nurture",
          "title": "Comment on 3 prospects' posts",
          "target": 3,
          "days": ["weekdays"],
          "at": ["12:30", "15:30"]
        },
        {
          "id": "book-conversation",
          "step": "converse",
          "title": "Book a sales conversation",
          "days": ["weekdays"],
          "at": "10:00",
          "repeat": "2h",
          "until": "16:00"
        },
        {
          "id": "send-follow-ups",
          "step": "follow-up",
          "title": "Send 3 follow-ups to open proposals and past conversations",
          "target": 3,
          "days": ["weekdays"],
          "at": "14:00",
          "repeat": "1h",
          "until": "17:30"
        },
        {
          "id": "pipeline-review",
          "step": "follow-up",
          "title": "Review the pipeline and plan next week's follow-ups",
          "days": ["fri"],
          "at": "15:00"
        }
      ],
      "results": [
        {"id": "client", "name": "Clients won", "unit": "count"},
        {"id": "proposal", "name": "Proposals sent", "unit": "count"},
        {"id": "conversation-booked", "name": "Sales conversations booked", "unit": "count"},
        {"id": "revenue", "name": "Revenue", "unit": "EUR"}
      ],
      "daysOff": ["2026-12-24", "2026-12-25", "2026-12-31"],
      "notifications": {"enabled": true, "urgency": "normal"}
    }

    """#

    /// The example plan, used when no config file exists.
    public static let embeddedDefault: Plan = {
        do {
            return try Plan.parse(Data(exampleJSON.utf8))
        } catch {
            // Unreachable while the example test passes: the text is fixed at build time.
            fatalError("the embedded example plan does not parse:\n\(error)")
        }
    }()
}
