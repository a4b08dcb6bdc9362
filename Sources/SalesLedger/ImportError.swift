/// A line of an export that cannot be imported.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message) (export files come from `salesd export`)" }
}
