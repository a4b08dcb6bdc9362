import Foundation

/// Every problem found in a config file, in document order; a config is loaded only when there are none.
public struct ConfigErrors: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var errors: [ConfigError]

    public init(errors: [ConfigError]) {
        self.errors = errors
    }

    public init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    public var errorDescription: String? { description }
}
