import SalesEngine

extension DesktopNotifier {
    /// A button on one of salesd's notifications was clicked: report it, then close it, as a
    /// click is an answer and the notification has done its job.
    func actionInvoked(_ signal: BusMessage) {
        guard isFromServer(signal), let id = signal.readUInt32(), let key = signal.readString(),
            let slot = slotByID[id], let action = shown[slot]?.action
        else { return }
        let person = shown[slot]?.person
        // "default" (a click on the body) and unknown keys have no salesd meaning.
        guard let button = NotificationButton(rawValue: key) else { return }
        forget(slot)
        onButton?(ButtonPress(action: action, button: button, person: person))
        closeNotification(id)
    }

    /// The server closed a notification (expired, dismissed, replaced by us): its id is free.
    func notificationClosed(_ signal: BusMessage) {
        guard isFromServer(signal), let id = signal.readUInt32(), let slot = slotByID[id] else { return }
        forget(slot)
    }

    private func isFromServer(_ signal: BusMessage) -> Bool {
        guard case .present(let owner) = server else { return false }
        return signal.sender == owner
    }
}
