import SalesEngine
import SalesPlan

extension Announcement {
    /// The structured fields salesd writes to the journal for this announcement.
    ///
    /// `MESSAGE` is the one-line message; the longer `body` travels in `SALESD_BODY`.
    public var journalFields: [JournalField] {
        var fields = [
            JournalField("MESSAGE", message),
            JournalField("PRIORITY", String(priority.rawValue)),
            JournalField("SYSLOG_IDENTIFIER", "salesd"),
            JournalField("MESSAGE_ID", MessageID.of(kind)),
            JournalField("SALESD_EVENT", kind.rawValue),
        ]
        func add(_ name: String, _ value: String?) {
            if let value { fields.append(JournalField(name, value)) }
        }
        add("SALESD_ACTION", action)
        add("SALESD_STEP", step)
        add("SALESD_DAY", day?.description)
        add("SALESD_COUNT", count.map(String.init))
        add("SALESD_DONE", done.map(String.init))
        add("SALESD_TARGET", target.map(String.init))
        add("SALESD_SCHEDULED", scheduled.map(Timestamp.utcMilliseconds))
        add("SALESD_LATENESS_MS", latenessMs.map(String.init))
        add("SALESD_LATE", late ? "1" : nil)
        add("SALESD_TITLE", title)
        add("SALESD_BODY", body)
        add("SALESD_PERSON", person.map(String.init))
        return fields
    }
}
