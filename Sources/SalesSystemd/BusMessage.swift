import CSystemd
import Glibc

/// One sd-bus message: a method call being built, or a reply or signal being read.
///
/// Swift can't call sd-bus's variadic `append`/`read`, so this builds and reads values one at
/// a time. Building records the first failure and `BusConnection.call` reports it, which
/// keeps call sites free of error checks between appends. Used only on the connection's queue.
final class BusMessage {
    let pointer: OpaquePointer
    /// The first negative sd-bus result while building, or 0.
    private(set) var failure: Int32 = 0

    /// Takes over the caller's reference.
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Takes a reference of its own (for messages sd-bus lends to a callback).
    init(borrowing pointer: OpaquePointer) {
        sd_bus_message_ref(pointer)
        self.pointer = pointer
    }

    deinit { sd_bus_message_unref(pointer) }

    // MARK: Building

    func append(_ value: String) {
        value.withCString { text in check(sd_bus_message_append_basic(pointer, Self.string, text)) }
    }

    func append(_ value: UInt32) {
        var value = value
        check(sd_bus_message_append_basic(pointer, Self.uint32, &value))
    }

    func append(_ value: Int32) {
        var value = value
        check(sd_bus_message_append_basic(pointer, Self.int32, &value))
    }

    /// Appends an `as`.
    func append(_ strings: [String]) {
        check(sd_bus_message_open_container(pointer, Self.array, "s"))
        for string in strings { append(string) }
        check(sd_bus_message_close_container(pointer))
    }

    /// Appends an `a{sv}`, in key order so the message doesn't depend on dictionary order.
    func append(_ dictionary: [String: BusVariant]) {
        check(sd_bus_message_open_container(pointer, Self.array, "{sv}"))
        for key in dictionary.keys.sorted() {
            check(sd_bus_message_open_container(pointer, Self.dictEntry, "sv"))
            append(key)
            switch dictionary[key]! {
            case .byte(var byte):
                check(sd_bus_message_open_container(pointer, Self.variant, "y"))
                check(sd_bus_message_append_basic(pointer, Self.byte, &byte))
            case .string(let string):
                check(sd_bus_message_open_container(pointer, Self.variant, "s"))
                append(string)
            }
            check(sd_bus_message_close_container(pointer))
            check(sd_bus_message_close_container(pointer))
        }
        check(sd_bus_message_close_container(pointer))
    }

    private func check(_ result: Int32) {
        if result < 0 && failure == 0 { failure = result }
    }

    // MARK: Reading

    /// The error a method-error reply carries, or `nil` for any other message.
    func error(operation: String) -> BusError? {
        guard sd_bus_message_is_method_error(pointer, nil) > 0, let error = sd_bus_message_get_error(pointer) else {
            return nil
        }
        return BusError(operation: operation, reply: error)
    }

    /// The unique name of the connection that sent the message.
    var sender: String? { sd_bus_message_get_sender(pointer).map { String(cString: $0) } }

    func readString() -> String? {
        var text: UnsafePointer<CChar>?
        guard sd_bus_message_read_basic(pointer, Self.string, &text) > 0, let text else { return nil }
        return String(cString: text)
    }

    func readUInt32() -> UInt32? {
        var value: UInt32 = 0
        guard sd_bus_message_read_basic(pointer, Self.uint32, &value) > 0 else { return nil }
        return value
    }

    /// Reads an `as`.
    func readStrings() -> [String]? {
        guard sd_bus_message_enter_container(pointer, Self.array, "s") > 0 else { return nil }
        var strings: [String] = []
        while let string = readString() { strings.append(string) }
        guard sd_bus_message_exit_container(pointer) >= 0 else { return nil }
        return strings
    }

    // D-Bus type codes, as sd-bus's `char type` parameters want them.
    private static let byte = code("y")
    private static let int32 = code("i")
    private static let uint32 = code("u")
    private static let string = code("s")
    private static let array = code("a")
    private static let variant = code("v")
    private static let dictEntry = code("e")

    private static func code(_ letter: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: letter)) }
}
