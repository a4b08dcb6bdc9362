import CSystemd

/// A Swift closure sd-bus can call back: the box travels as a slot's userdata.
///
/// The box is retained when handed to sd-bus and released by the slot's destroy callback, so
/// it lives exactly as long as the slot, whichever of reply, bus close or cancel ends it.
final class BusHandler {
    let handle: (BusMessage) -> Void

    init(_ handle: @escaping (BusMessage) -> Void) {
        self.handle = handle
    }

    /// Hands `slot` ownership of the box and of itself: the bus keeps the slot until it is done.
    static func attach(_ userdata: UnsafeMutableRawPointer, to slot: OpaquePointer) {
        sd_bus_slot_set_destroy_callback(slot, busHandlerRelease)
        sd_bus_slot_set_floating(slot, 1)
        sd_bus_slot_unref(slot)
    }
}

/// The `sd_bus_message_handler_t` for every salesd slot: forwards to the boxed closure.
func busHandlerTrampoline(
    _ message: OpaquePointer?, _ userdata: UnsafeMutableRawPointer?, _ error: UnsafeMutablePointer<sd_bus_error>?
) -> Int32 {
    guard let message, let userdata else { return 0 }
    let handler = Unmanaged<BusHandler>.fromOpaque(userdata).takeUnretainedValue()
    handler.handle(BusMessage(borrowing: message))
    // 0 lets other matches see the message too.
    return 0
}

/// The slot destroy callback: drops the box's retain taken when the slot was made.
func busHandlerRelease(_ userdata: UnsafeMutableRawPointer?) {
    guard let userdata else { return }
    Unmanaged<BusHandler>.fromOpaque(userdata).release()
}
