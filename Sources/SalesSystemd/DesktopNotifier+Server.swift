import Dispatch
import Glibc
import SalesEngine

extension DesktopNotifier {
    static let noServer = "no notification server on the session bus (is dunst or another notification daemon running?)"
    static let disabled = "notifications are turned off in the plan (\"notifications\": {\"enabled\": false})"

    /// Connects to the bus, watches the server's name and the signals salesd needs, and asks
    /// who owns the name now.
    func openBus() {
        lastBusAttempt = .now
        do throws(BusError) {
            let connection =
                if let address { try BusConnection.connect(address: address, queue: queue) } else {
                    try BusConnection.sessionBus(queue: queue)
                }
            connection.onDisconnect = { [weak self] error in self?.busLost(error) }
            self.connection = connection
            busProblem = nil
            server = .asking
            try connection.addMatch(
                "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',"
                    + "member='NameOwnerChanged',arg0='org.freedesktop.Notifications'"
            ) { [weak self] signal in self?.nameOwnerChanged(signal) }
            try connection.addMatch(
                "type='signal',interface='org.freedesktop.Notifications',member='ActionInvoked'"
            ) { [weak self] signal in self?.actionInvoked(signal) }
            try connection.addMatch(
                "type='signal',interface='org.freedesktop.Notifications',member='NotificationClosed'"
            ) { [weak self] signal in self?.notificationClosed(signal) }
            let ask = try connection.methodCall(
                destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus", interface: "org.freedesktop.DBus",
                member: "GetNameOwner")
            ask.append("org.freedesktop.Notifications")
            let generation = self.generation
            try connection.call(ask, timeout: Self.callTimeout) { [weak self] reply in
                guard let self, generation == self.generation, self.server == .asking else { return }
                if reply.error(operation: "ask who shows notifications") == nil, let owner = reply.readString() {
                    self.serverAppeared(owner)
                } else {
                    self.serverGone()
                }
            }
        } catch {
            connection?.close()
            connection = nil
            busProblem = Self.noBus(error, address: address)
        }
        refreshStatus()
    }

    private func busLost(_ error: BusError) {
        connection = nil
        busProblem = "lost the session bus (\(error.message)); salesd reconnects when it next has something to show"
        lastBusAttempt = .now
        generation += 1
        server = .asking
        resetServerFacts()
        // A closed connection never answers what was in flight.
        inFlight = []
        closeOnReply = []
        waiting = []
        refreshStatus()
    }

    func nameOwnerChanged(_ signal: BusMessage) {
        guard signal.readString() == "org.freedesktop.Notifications", signal.readString() != nil,
            let owner = signal.readString()
        else { return }
        if owner.isEmpty { serverGone() } else { serverAppeared(owner) }
    }

    /// A new owner: ids from the old one mean nothing now, and its capabilities may differ.
    private func serverAppeared(_ owner: String) {
        generation += 1
        server = .present(owner: owner)
        resetServerFacts()
        refreshStatus()
        askServer()
    }

    func serverGone() {
        generation += 1
        server = .absent
        resetServerFacts()
        // Shown hours later, when a server appears, a reminder would only confuse.
        waiting = []
        refreshStatus()
    }

    private func resetServerFacts() {
        capabilities = nil
        serverName = nil
        serverInfoAnswered = false
        shown = [:]
        slotByID = [:]
    }

    /// Asks the new owner what it can do and who it is.
    ///
    /// A server may own its name a moment before it serves its object (GNOME Shell's
    /// notification service does): an "unknown object" or "unknown method" answer is asked
    /// again shortly, a few times, rather than taken as a server without buttons.
    private func askServer(attempt: Int = 1) {
        guard let connection else { return }
        let generation = self.generation
        do {
            let capabilitiesCall = try notificationsCall(connection, "GetCapabilities")
            try connection.call(capabilitiesCall, timeout: Self.callTimeout) { [weak self] reply in
                guard let self, generation == self.generation else { return }
                if let error = reply.error(operation: "ask the notification server for its capabilities") {
                    if error.isNotServedYet, attempt < Self.askAttempts {
                        let notifier = QueueBound(self)
                        queue.asyncAfter(deadline: .now() + Self.askAgainDelay) {
                            guard let self = notifier.value, generation == self.generation else { return }
                            self.askServer(attempt: attempt + 1)
                        }
                        return
                    }
                    logger.warning("\(error), assuming none")
                }
                capabilities = reply.readStrings() ?? []
                serverAnswered()
            }
            let informationCall = try notificationsCall(connection, "GetServerInformation")
            try connection.call(informationCall, timeout: Self.callTimeout) { [weak self] reply in
                guard let self, generation == self.generation else { return }
                if let error = reply.error(operation: "ask the notification server who it is") {
                    // Asked again with the capabilities.
                    if error.isNotServedYet, attempt < Self.askAttempts { return }
                    logger.warning("\(error), ignoring")
                } else if let name = reply.readString(), let vendor = reply.readString(),
                    let version = reply.readString()
                {
                    serverName = "\(name) \(vendor) \(version)"
                }
                serverInfoAnswered = true
                serverAnswered()
            }
        } catch {
            logger.warning("\(error), ignoring")
        }
    }

    static let askAttempts = 20
    static let askAgainDelay = DispatchTimeInterval.milliseconds(250)

    private func serverAnswered() {
        guard capabilities != nil, serverInfoAnswered else { return }
        refreshStatus()
        flushWaiting()
    }

    func refreshStatus() {
        let new = currentStatus()
        guard new != status else { return }
        status = new
        onStatusChange?(new)
    }

    private func currentStatus() -> NotifierStatus {
        let known = NotifierStatus(state: .unavailable, server: serverName, capabilities: capabilities ?? [])
        guard settings.enabled else { return with(known, reason: Self.disabled) }
        guard connection != nil else { return with(known, reason: busProblem ?? "not connected to the session bus") }
        switch server {
        case .asking: return with(known, reason: "looking for a notification server on the session bus")
        case .absent: return with(known, reason: Self.noServer)
        case .present:
            guard capabilities != nil, serverInfoAnswered else {
                var settling = with(known, reason: "asking the notification server what it can show")
                settling.state = .settling
                return settling
            }
            return NotifierStatus(state: .available, server: serverName, capabilities: capabilities ?? [])
        }
    }

    private func with(_ status: NotifierStatus, reason: String) -> NotifierStatus {
        var status = status
        status.reason = reason
        return status
    }

    /// Why there is no bus, in the terms of what the person can check.
    static func noBus(_ error: BusError, address: String?) -> String {
        let cause = error.message
        if let address {
            return "no session bus: cannot connect to \"\(address)\" (\(cause)); is dbus-daemon running?"
        }
        if let address = getenv("DBUS_SESSION_BUS_ADDRESS").map({ String(cString: $0) }), !address.isEmpty {
            return "no session bus: cannot connect to DBUS_SESSION_BUS_ADDRESS=\"\(address)\" (\(cause)); "
                + "is the session's dbus-daemon running?"
        }
        let runtime = getenv("XDG_RUNTIME_DIR").map { String(cString: $0) } ?? "/run/user/\(getuid())"
        if error.code == ENOENT {
            return "no session bus: DBUS_SESSION_BUS_ADDRESS is not set and \(runtime)/bus is missing"
        }
        return "no session bus: cannot connect to \(runtime)/bus (\(cause)); is the session's dbus-daemon running?"
    }
}

/// A weak reference carried into a Dispatch closure that runs on the notifier's own queue.
///
/// `@unchecked Sendable`: the reference is only dereferenced on the daemon's serial queue, the
/// one queue the notifier is used on.
private struct QueueBound: @unchecked Sendable {
    weak var value: DesktopNotifier?
    init(_ value: DesktopNotifier) { self.value = value }
}
