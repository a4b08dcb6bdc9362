/// A name `io.salesd.Control` declares (a method, an error kind): on the wire it is qualified
/// by the interface's name.
public protocol ControlName: RawRepresentable<String> {}

extension ControlName {
    /// The name qualified by the interface's: `io.salesd.Control.Done`.
    public var qualifiedName: String { ControlInterface.name + "." + rawValue }

    /// The name a qualified Varlink name stands for; nil for names of other interfaces.
    public init?(qualifiedName: String) {
        let prefix = ControlInterface.name + "."
        guard qualifiedName.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(qualifiedName.dropFirst(prefix.count)))
    }
}
