/// salesd's version, reported by `GetInfo`, `Status` and `--version`.
public enum SalesdVersion {
    public static let current = "0.1.0"
}
