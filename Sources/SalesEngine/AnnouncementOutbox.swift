/// Passes announcements (and withdrawals) on in the order they came, at most `slice` in one
/// turn of the caller's queue: a minute in which thousands of reminders come due tells them in
/// slices, and what else waits on the queue (a `Status`, a `done`) runs in between.
///
/// Until a turn's slice is spent, an announcement is passed on at once (the usual case: one
/// reminder, one `done`). Called only on the daemon's queue; `later` asks for ``resume()`` at
/// the back of that queue, which starts a new slice.
public final class AnnouncementOutbox: Announcer {
    public enum Item {
        case announce(Announcement, desktop: Bool, buttons: [NotificationButton])
        case withdraw(action: String)
    }

    /// Most items passed on in one turn.
    public let slice: Int
    private let later: () -> Void
    private let deliver: (Item) -> Void
    private var pending: [Item] = []
    /// Where the next item to pass on is in `pending`.
    private var head = 0
    /// How many more items this turn may pass on; a new turn (``resume()``) starts a new slice.
    private var budget: Int
    /// `later` was asked for a turn that has not come yet.
    private var turnAsked = false
    /// An item is being passed on: one it causes (a status change) waits its turn behind it.
    private var delivering = false

    /// - Parameters:
    ///   - slice: the most items passed on in one turn (at least one).
    ///   - later: calls ``resume()`` on a later turn of the queue, after what waits there now.
    ///   - deliver: tells one item to the journal, `watch` clients and the desktop.
    public init(slice: Int, later: @escaping () -> Void, deliver: @escaping (Item) -> Void) {
        self.slice = max(1, slice)
        self.budget = self.slice
        self.later = later
        self.deliver = deliver
    }

    /// Items accepted but not yet passed on.
    public var waiting: Int { pending.count - head }

    public func announce(_ announcement: Announcement, desktop: Bool, buttons: [NotificationButton]) {
        add(.announce(announcement, desktop: desktop, buttons: buttons))
    }

    public func withdraw(action: String) {
        add(.withdraw(action: action))
    }

    /// A new turn of the queue: passes on the next slice; `later` asked for this.
    public func resume() {
        turnAsked = false
        budget = slice
        pump()
    }

    /// Passes on everything waiting now, in order (before the daemon exits).
    public func flush() {
        budget = .max
        pump()
        budget = slice
    }

    private func add(_ item: Item) {
        pending.append(item)
        pump()
    }

    private func pump() {
        guard !delivering else { return }
        delivering = true
        defer { delivering = false }
        while budget > 0, let item = next() {
            budget -= 1
            deliver(item)
        }
        // The slice is spent from the first item on, until the queue gets round to a new turn.
        if !turnAsked, budget < slice {
            turnAsked = true
            later()
        }
    }

    private func next() -> Item? {
        guard head < pending.count else { return nil }
        let item = pending[head]
        head += 1
        if head == pending.count {
            pending.removeAll(keepingCapacity: pending.count <= slice)
            head = 0
        }
        return item
    }
}
