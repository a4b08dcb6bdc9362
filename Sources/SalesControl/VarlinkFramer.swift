/// Splits a byte stream into NUL-terminated Varlink messages, refusing any larger than a limit.
///
/// Feed it whatever `read` returned with ``append(_:)``, then take messages with
/// ``nextMessage()`` until it returns nil.
public struct VarlinkFramer: Sendable {
    /// The default limit on one message, terminator excluded: 64 KiB.
    public static let defaultMaxMessageSize = 64 * 1024

    /// The largest message accepted, terminator excluded.
    public let maxMessageSize: Int
    private var buffer: [UInt8] = []
    /// Where the next message starts; consumed bytes are dropped lazily to avoid copying per message.
    private var start = 0
    /// How far `buffer` has been searched for a NUL, so each byte is scanned once.
    private var scanned = 0

    public init(maxMessageSize: Int = VarlinkFramer.defaultMaxMessageSize) {
        self.maxMessageSize = maxMessageSize
    }

    /// Bytes received but not yet returned as messages.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True when bytes of a message have arrived without its NUL terminator yet.
    public var hasIncompleteMessage: Bool {
        guard start < buffer.count, let last = buffer.last else { return false }
        return last != 0
    }

    /// Adds received bytes.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message without its terminator, or nil until more bytes arrive.
    ///
    /// Throws ``VarlinkProtocolError/messageTooLarge(limit:)`` as soon as a message is known to
    /// exceed the limit, even before its end has arrived.
    public mutating func nextMessage() throws(VarlinkProtocolError) -> [UInt8]? {
        if scanned < start { scanned = start }
        guard let nul = buffer[scanned...].firstIndex(of: 0) else {
            scanned = buffer.count
            if buffer.count - start > maxMessageSize { throw .messageTooLarge(limit: maxMessageSize) }
            compact()
            return nil
        }
        guard nul - start <= maxMessageSize else { throw .messageTooLarge(limit: maxMessageSize) }
        let message = Array(buffer[start..<nul])
        start = nul + 1
        scanned = start
        compact()
        return message
    }

    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 4 * maxMessageSize)
            start = 0
            scanned = 0
        } else if start > 4096 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }
}
