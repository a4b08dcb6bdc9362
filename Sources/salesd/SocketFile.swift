import Foundation

/// The identity of a socket file (device, inode and when its inode last changed), to tell a
/// re-created socket from the one a stopped daemon left behind, without connecting to it (a
/// connection would socket-activate it). The change time matters: a file system may give the
/// new socket the inode number the old one had.
struct SocketFile: Equatable {
    var device: UInt64
    var inode: UInt64
    var changed: timespec

    static func == (a: SocketFile, b: SocketFile) -> Bool {
        a.device == b.device && a.inode == b.inode
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// The file at `path` now, or nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        changed = info.st_ctim
    }

    /// Waits until a socket file other than `old` is at `path`: polls its metadata, from every
    /// 50 ms up to every 2 s (the file system gives no event for a socket being bound).
    static func waitForNew(path: String, after old: SocketFile?) {
        var delay = 0.05
        while true {
            if let now = SocketFile(path: path), now != old { return }
            Thread.sleep(forTimeInterval: delay)
            delay = min(delay * 2, 2)
        }
    }
}
