import CSystemd

/// The sockets systemd passed in (`salesd.socket`), via `sd_listen_fds`.
public enum SocketActivation {
    /// The passed file descriptors, from `SD_LISTEN_FDS_START` on; empty when not socket-activated.
    ///
    /// Unsets `LISTEN_*` so children do not inherit them, and marks the fds close-on-exec.
    public static func listeningSockets() throws(SystemCallError) -> [Int32] {
        let count = sd_listen_fds(1)
        guard count >= 0 else {
            throw SystemCallError(
                operation: "take the sockets systemd passed", call: "sd_listen_fds", code: -count,
                hint: "check LISTEN_FDS and LISTEN_PID in the environment (set by systemd for salesd.socket)")
        }
        return (0..<count).map { SD_LISTEN_FDS_START + $0 }
    }
}
