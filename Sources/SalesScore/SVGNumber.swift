import Foundation
import SalesContract

/// Coordinates for SVG attributes: one decimal, no locale.
enum SVGNumber {
    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
