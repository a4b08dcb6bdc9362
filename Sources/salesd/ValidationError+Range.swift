import ArgumentParser

extension ValidationError {
    /// Refuses a whole-number option outside `range`, quoting both: `--weeks must be from 1 to 104, not 0`.
    static func check(_ option: String, _ value: Int?, within range: ClosedRange<Int>) throws(ValidationError) {
        guard let value, !range.contains(value) else { return }
        throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound), not \(value)")
    }
}
