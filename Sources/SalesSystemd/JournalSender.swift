import CSystemd
import Glibc

/// Writes one entry to journald's native socket with `sd_journal_sendv`.
enum JournalSender {
    /// Sends `fields` as one entry; returns 0, or a negative errno.
    ///
    /// Values may contain newlines or any bytes: `sd_journal_sendv` switches to the binary
    /// form for those.
    static func send(_ fields: [JournalField]) -> Int32 {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in fields {
            let start = bytes.count
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(contentsOf: field.value.utf8)
            ranges.append(start..<bytes.count)
        }
        // One buffer for all fields keeps every iovec's pointer valid for the whole call.
        return bytes.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return -EINVAL }
            var vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return sd_journal_sendv(&vectors, Int32(vectors.count))
        }
    }
}
