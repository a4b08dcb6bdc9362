import CSystemd
import Dispatch
import Glibc

/// Calls a handler when the system time zone changes (`/etc/localtime` replaced or edited).
///
/// Watches the folder rather than the file, because tools like `timedatectl` replace the
/// symlink by renaming a new one over it, which a watch on the old file would miss.
///
/// Foundation caches `TimeZone.current` for the life of the process: in the handler, read the
/// zone again with `ZoneChangeWatcher.currentSystemZone()` instead.
///
/// Keep the watcher while it should watch: releasing it stops watching and closes its fd.
public final class ZoneChangeWatcher {
    /// The system's zone link.
    public static let defaultLocaltimePath = "/etc/localtime"

    private let source: any DispatchSourceRead

    /// Starts watching at once.
    ///
    /// - Parameters:
    ///   - localtimePath: the zone link; its folder is watched for changes to it and to a
    ///     `timezone` file next to it (Debian's `/etc/timezone`).
    ///   - queue: where `handler` runs.
    ///   - handler: called once per burst of changes.
    public init(
        localtimePath: String = ZoneChangeWatcher.defaultLocaltimePath, queue: DispatchQueue,
        handler: @escaping @Sendable () -> Void
    ) throws(SystemCallError) {
        let (folder, name) = Self.split(localtimePath)
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw Self.error("inotify_init1", errno, folder) }
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_ATTRIB)
        guard inotify_add_watch(fd, folder, mask) >= 0 else {
            let code = errno
            close(fd)
            throw Self.error("inotify_add_watch", code, folder)
        }
        let names: Set<String> = [name, "timezone"]
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler {
            if Self.drain(fd).contains(where: names.contains) { handler() }
        }
        source.setCancelHandler { close(fd) }
        source.resume()
    }

    /// Stops watching.
    public func cancel() { source.cancel() }

    deinit { source.cancel() }

    /// Reads every pending event and returns the names they concern.
    private static func drain(_ fd: Int32) -> [String] {
        var names: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return names }
            names += parse(buffer[0..<count])
        }
    }

    /// Names in a buffer of `struct inotify_event`s: wd, mask, cookie, len (4 bytes each), name.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        let header = 16
        while offset + header <= bytes.endIndex {
            let length = bytes[offset + 12..<offset + 16].reversed().reduce(0) { $0 << 8 | Int($1) }
            let nameBytes = bytes[offset + header..<min(offset + header + length, bytes.endIndex)]
            names.append(String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self))
            offset += header + length
        }
        return names
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func error(_ call: String, _ code: Int32, _ folder: String) -> SystemCallError {
        SystemCallError(
            operation: "watch \"\(folder)\" for time zone changes", call: call, code: code,
            hint: code == ENOSPC || code == EMFILE
                ? "raise fs.inotify.max_user_watches / max_user_instances, or name a timeZone in the config"
                : "name a timeZone in the config so the system zone does not matter")
    }
}
