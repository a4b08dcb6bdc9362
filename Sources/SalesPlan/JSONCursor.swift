/// The grammar the JSON byte readers share: white space, and the commas and brackets around
/// the items of an object or array.
protocol JSONCursor {
    var bytes: [UInt8] { get }
    /// The offset of the next byte to read.
    var i: Int { get set }
}

extension JSONCursor {
    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Reads the items of an object or array, from its opening bracket to `close`; `item` reads
    /// one (the white space around it is skipped here). False on anything but JSON's separators.
    mutating func items(closing close: Unicode.Scalar, _ item: (inout Self) -> Bool) -> Bool {
        let close = UInt8(ascii: close)
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == close {
            i += 1
            return true
        }
        while true {
            skipSpace()
            guard item(&self) else { return false }
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == close else { return false }
            i += 1
            return true
        }
    }
}
