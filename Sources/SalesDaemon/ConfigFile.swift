import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a config file, saying plainly why it cannot be: a folder, a FIFO or a device is not
/// a config file (Foundation's own errors said "error 256" or, as root, "You don't have permission").
public enum ConfigFile {
    /// The bytes of the regular file at `path`.
    public static func read(_ path: String) throws(ConfigFileError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ConfigFileError(path: path, reason: lastError()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ConfigFileError(path: path, reason: "it is a folder, not a file")
        case S_IFIFO: throw ConfigFileError(path: path, reason: "it is a FIFO (named pipe), not a regular file")
        case S_IFSOCK: throw ConfigFileError(path: path, reason: "it is a socket, not a regular file")
        default: throw ConfigFileError(path: path, reason: "it is a device, not a regular file")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw ConfigFileError(path: path, reason: lastError()) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw ConfigFileError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
