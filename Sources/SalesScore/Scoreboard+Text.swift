import SalesContract

extension Scoreboard {
    /// The scoreboard with its plain-text rendering in `text`, as `Week` returns it, so a client
    /// can print it as it is.
    ///
    /// - Parameters:
    ///   - color: whether the rendering may use terminal colours.
    ///   - width: the columns it must fit.
    public func withText(color: Bool, width: Int) -> Scoreboard {
        var board = self
        board.text = ScoreboardText.render(self, color: color, width: width)
        return board
    }
}
