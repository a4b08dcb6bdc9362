import Foundation
import SalesContract

/// The scoreboard as JSON: the same numbers as the text view, plus that view in `text`.
public enum ScoreboardJSON {
    /// Encodes the scoreboard with sorted keys, its `text` field set to the plain rendering.
    ///
    /// - Parameter width: the width of the embedded plain rendering.
    public static func encode(_ scoreboard: Scoreboard, width: Int = 80) throws -> Data {
        var withText = scoreboard
        withText.text = ScoreboardText.render(scoreboard, color: false, width: width)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(withText)
    }
}
