import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the ledger's folder and file with private modes before SQLite touches them.
///
/// SQLite creates its `-wal` and `-shm` files with the mode of the database file, so
/// creating that file as 0600 first keeps all three private.
enum LedgerFiles {
    static func prepareFolder(_ folder: String) throws(LedgerError) {
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if isFolder(prefix) { continue }
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw LedgerError(.cannotCreateFolder, path: folder, detail: "\(prefix): \(lastError())")
            }
        }
        guard isFolder(folder) else {
            throw LedgerError(.cannotCreateFolder, path: folder, detail: "not a folder")
        }
        try restrict(folder, to: 0o700)
    }

    static func prepareFile(_ path: String) throws(LedgerError) {
        let fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.cannotOpen, path: path, detail: lastError())
        }
        close(fd)
        for file in [path, path + "-wal", path + "-shm"] {
            try restrict(file, to: 0o600)
        }
    }

    /// Removes permission bits beyond `mode` from `path`, if it exists.
    private static func restrict(_ path: String, to mode: mode_t) throws(LedgerError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let current = info.st_mode & 0o7777
        guard current & ~mode != 0 else { return }
        if chmod(path, current & mode) != 0 {
            throw LedgerError(.cannotRestrictMode, path: path, detail: lastError())
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
