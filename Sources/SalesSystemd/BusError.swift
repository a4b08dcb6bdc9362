import CSystemd
import Glibc

/// A failed sd-bus operation or a D-Bus error reply, with what salesd was trying to do.
struct BusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What salesd was doing, e.g. "connect to the session bus".
    var operation: String
    /// The positive errno value (sd-bus maps D-Bus error names to one).
    var code: Int32
    /// The D-Bus error name, e.g. `org.freedesktop.DBus.Error.ServiceUnknown`, for error replies.
    var name: String?
    /// The error reply's message or `strerror(code)`.
    var message: String

    init(operation: String, code: Int32, name: String? = nil, message: String? = nil) {
        self.operation = operation
        self.code = code
        self.name = name
        self.message = message ?? String(cString: strerror(code))
    }

    /// The error carried by a D-Bus error reply.
    init(operation: String, reply error: UnsafePointer<sd_bus_error>) {
        let name = error.pointee.name.map { String(cString: $0) }
        let message = error.pointee.message.map { String(cString: $0) }
        self.init(operation: operation, code: sd_bus_error_get_errno(error), name: name, message: message)
    }

    /// The name has no owner and nothing can be activated for it: no notification server.
    var isNoServer: Bool {
        name == "org.freedesktop.DBus.Error.ServiceUnknown" || name == "org.freedesktop.DBus.Error.NameHasNoOwner"
    }

    /// The name has an owner that does not serve the object or method (yet).
    var isNotServedYet: Bool {
        name == "org.freedesktop.DBus.Error.UnknownMethod" || name == "org.freedesktop.DBus.Error.UnknownObject"
    }

    var description: String {
        "could not \(operation): \(name.map { "\($0): " } ?? "")\(message)"
    }
}
