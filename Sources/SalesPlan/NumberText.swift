import Foundation

/// Short text for result values: whole numbers without decimals, others with at most two.
public enum NumberText {
    /// `3`, `1.5`, `0.33`: whole numbers without a decimal point, others to at most two places.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
