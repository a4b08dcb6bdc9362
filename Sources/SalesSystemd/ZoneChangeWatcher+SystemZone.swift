import Foundation

extension ZoneChangeWatcher {
    /// The system's zone, read afresh (Foundation's `TimeZone.current` is cached for the
    /// process's lifetime and misses later changes).
    ///
    /// In order: `TZ` from `environment` (`Europe/London`, `:Europe/London`, or a path into
    /// `zoneinfo`), the target of the `localtimePath` symlink (`…/zoneinfo/Area/City`), a
    /// `timezone` file next to it, else `TimeZone.current`.
    public static func currentSystemZone(
        localtimePath: String = ZoneChangeWatcher.defaultLocaltimePath,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> TimeZone {
        if let tz = environment["TZ"] {
            let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
            if name.isEmpty, let utc = TimeZone(identifier: "UTC") { return utc }
            if let zone = zone(named: name) { return zone }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtimePath),
           let zone = zone(named: target) {
            return zone
        }
        let timezoneFile = split(localtimePath).folder + "/timezone"
        if let text = try? String(contentsOfFile: timezoneFile, encoding: .utf8),
           let zone = zone(named: text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return zone
        }
        return TimeZone.current
    }

    /// A zone from an identifier or a path ending in `zoneinfo/[posix/|right/]Area/City`.
    static func zone(named name: String) -> TimeZone? {
        var identifier = name
        if let marker = name.range(of: "zoneinfo/", options: .backwards) {
            identifier = String(name[marker.upperBound...])
            for prefix in ["posix/", "right/"] where identifier.hasPrefix(prefix) {
                identifier = String(identifier.dropFirst(prefix.count))
            }
        }
        guard !identifier.isEmpty, !identifier.hasPrefix("/") else { return nil }
        return TimeZone(identifier: identifier)
    }
}

extension ZoneChangeWatcher {
    /// Why `TZ` in `environment` cannot be used, or nil when it is unset, empty (UTC), or names
    /// a zone salesd knows. Without this check an unknown `TZ` silently became UTC.
    public static func unknownZoneProblem(environment: [String: String]) -> String? {
        guard let tz = environment["TZ"] else { return nil }
        let name = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
        if name.isEmpty || zone(named: name) != nil { return nil }
        return "TZ=\"\(tz)\" does not name a time zone salesd knows (use an IANA name such as "
            + "\"Europe/London\" from /usr/share/zoneinfo, or unset TZ, "
            + "or set \"timeZone\" in the plan)"
    }
}
