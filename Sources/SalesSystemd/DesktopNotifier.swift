import Dispatch
import Logging
import SalesEngine
import SalesPlan

/// Shows announcements as desktop notifications (`org.freedesktop.Notifications`) over sd-bus,
/// and reports button clicks back.
///
/// Everything runs on the daemon's serial queue (make, use and release it there), and nothing
/// waits on the bus: calls are asynchronous with a timeout, so a slow or hung server never
/// stalls the daemon. Faults
/// never stop the daemon, they change ``status``:
/// - No session bus at start, or the bus daemon goes away: ``show(_:buttons:)`` tries to
///   connect again, at most once a minute.
/// - No notification server: the owner of `org.freedesktop.Notifications` is watched, so a
///   server that starts (or restarts) later is used at once. Until then `show` sends at most
///   one `Notify` a minute, which lets D-Bus activation start a server, and otherwise returns.
public final class DesktopNotifier: Notifier {
    /// Called on the queue when a button is clicked.
    public var onButton: (@Sendable (ButtonPress) -> Void)?
    /// Called on the queue each time ``status`` changes, e.g. to journal that notifications
    /// became available or unavailable.
    public var onStatusChange: ((NotifierStatus) -> Void)?
    /// Whether notifications are available, from which server, and why not.
    public internal(set) var status = NotifierStatus(state: .unavailable)
    /// The plan's notification settings; set again after a reload.
    public var settings: NotificationSettings {
        didSet { refreshStatus() }
    }
    /// Step names by step id, for reminder bodies ("Connect · 2 of 5 today"); set from the plan.
    public var stepNames: [String: String]

    let queue: DispatchQueue
    let address: String?
    let logger: Logger
    var connection: BusConnection?
    /// Why there is no bus connection, for ``status``.
    var busProblem: String?
    var lastBusAttempt: ContinuousClock.Instant?
    var server = ServerState.asking
    /// Bumped whenever the server's owner changes, so late answers from an old owner are ignored.
    var generation = 0
    var capabilities: [String]?
    var serverName: String?
    var serverInfoAnswered = false
    var lastProbe: ContinuousClock.Instant?
    /// The notification on screen for each slot (see ``slot(for:)``), and the way back.
    var shown: [String: Shown] = [:]
    var slotByID: [UInt32: String] = [:]
    /// Slots with a `Notify` awaiting its reply: a newer show waits for the id to replace.
    var inFlight: Set<String> = []
    var waiting: [Waiting] = []
    var closeOnReply: Set<String> = []
    /// Test hook: called with the slot and id when a `Notify` is answered.
    var onNotified: ((String, UInt32) -> Void)?

    static let appIcon = "salesd"
    static let callTimeout = Duration.seconds(10)
    static let retryInterval = Duration.seconds(60)

    /// Connects to the bus and starts looking for a notification server. Call on `queue`.
    ///
    /// - Parameters:
    ///   - queue: the daemon's serial queue; all callbacks run there.
    ///   - settings: the plan's `notifications` settings.
    ///   - stepNames: step names by id, for reminder bodies.
    ///   - address: a D-Bus address to use instead of the user's session bus (tests).
    ///   - logger: where non-fatal bus failures are logged.
    public init(
        queue: DispatchQueue, settings: NotificationSettings, stepNames: [String: String] = [:],
        address: String? = nil, logger: Logger = Logger(label: "salesd.notifications")
    ) {
        self.queue = queue
        self.settings = settings
        self.stepNames = stepNames
        self.address = address
        self.logger = logger
        openBus()
    }

    deinit { connection?.close() }

    public func show(_ announcement: Announcement, buttons: [NotificationButton]) {
        guard settings.enabled else { return }
        if connection == nil, lastBusAttempt.map({ ContinuousClock.now - $0 >= Self.retryInterval }) ?? true {
            openBus()
        }
        guard connection != nil else { return }
        let request = Waiting(slot: Self.slot(for: announcement), announcement: announcement, buttons: buttons)
        switch server {
        case .present where capabilities != nil && serverInfoAnswered && !inFlight.contains(request.slot):
            send(request, capabilities: capabilities ?? [])
        case .present, .asking:
            wait(request)
        case .absent:
            guard lastProbe.map({ ContinuousClock.now - $0 >= Self.retryInterval }) ?? true else { return }
            lastProbe = .now
            // Most servers have buttons; one that hasn't ignores them.
            send(request, capabilities: ["actions"])
        }
    }

    public func withdraw(action: String) {
        waiting.removeAll { $0.announcement.action == action }
        for (slot, notification) in shown where notification.action == action {
            forget(slot)
            closeNotification(notification.id)
        }
        closeOnReply.formUnion(inFlight.filter { Self.action(ofSlot: $0) == action })
    }

    /// Which earlier notification a new one replaces: a reminder replaces the previous one for
    /// the same action; a morning prompt, review or missed summary replaces the previous one of
    /// its kind.
    static func slot(for announcement: Announcement) -> String {
        switch announcement.kind {
        case .reminder: "reminder:" + (announcement.action ?? "")
        default: announcement.kind.rawValue
        }
    }

    static func action(ofSlot slot: String) -> String? {
        slot.hasPrefix("reminder:") ? String(slot.dropFirst("reminder:".count)) : nil
    }

    private func wait(_ request: Waiting) {
        waiting.removeAll { $0.slot == request.slot }
        waiting.append(request)
    }

    /// Sends what waited for the server's capabilities or for a reply.
    func flushWaiting() {
        guard case .present = server, let capabilities, serverInfoAnswered else { return }
        let ready = waiting.filter { !inFlight.contains($0.slot) }
        waiting.removeAll { !inFlight.contains($0.slot) }
        for request in ready { send(request, capabilities: capabilities) }
    }

    private func send(_ request: Waiting, capabilities: [String]) {
        guard let connection else { return }
        let content = Content(
            request.announcement, buttons: request.buttons, urgency: settings.urgency, capabilities: capabilities,
            stepNames: stepNames)
        let generation = self.generation
        do {
            let message = try notificationsCall(connection, "Notify")
            message.append("salesd")
            message.append(shown[request.slot]?.id ?? 0)
            // The icon installed with salesd.desktop (hicolor theme), by name.
            message.append(Self.appIcon)
            message.append(content.summary)
            message.append(content.body)
            message.append(content.actions)
            message.append(content.hints)
            message.append(Int32(-1))
            try connection.call(message, timeout: Self.callTimeout) { [weak self] reply in
                self?.notified(request, generation: generation, reply: reply)
            }
            inFlight.insert(request.slot)
        } catch {
            logger.warning("\(error), ignoring")
        }
    }

    private func notified(_ request: Waiting, generation: Int, reply: BusMessage) {
        inFlight.remove(request.slot)
        if let error = reply.error(operation: "show a notification") {
            if error.isNoServer && generation == self.generation {
                if server != .absent { serverGone() }
            } else {
                logger.warning("\(error), ignoring")
            }
        } else if let id = reply.readUInt32() {
            if let previous = shown[request.slot], previous.id != id { slotByID[previous.id] = nil }
            shown[request.slot] = Shown(id: id, action: request.announcement.action, person: request.announcement.person)
            slotByID[id] = request.slot
            onNotified?(request.slot, id)
            if closeOnReply.remove(request.slot) != nil {
                forget(request.slot)
                closeNotification(id)
            }
        }
        flushWaiting()
    }

    func closeNotification(_ id: UInt32) {
        guard let connection else { return }
        do {
            let message = try notificationsCall(connection, "CloseNotification")
            message.append(id)
            // An id the server already closed is answered with an error: nothing to do about it.
            try connection.call(message, timeout: Self.callTimeout) { _ in }
        } catch {
            logger.warning("\(error), ignoring")
        }
    }

    func forget(_ slot: String) {
        if let notification = shown.removeValue(forKey: slot) { slotByID[notification.id] = nil }
    }

    func notificationsCall(_ connection: BusConnection, _ member: String) throws(BusError) -> BusMessage {
        try connection.methodCall(
            destination: "org.freedesktop.Notifications", path: "/org/freedesktop/Notifications",
            interface: "org.freedesktop.Notifications", member: member)
    }
}
