/// A value inside a D-Bus variant, of the few types salesd sends (notification hints).
enum BusVariant: Hashable, Sendable {
    case byte(UInt8)
    case string(String)
}
