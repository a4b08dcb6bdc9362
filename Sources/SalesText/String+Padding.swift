// Column alignment for the terminal; widths count characters, which is right for the ASCII and
// block glyphs salesd prints.

extension String {
    /// The string followed by spaces up to `width` characters.
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The string after spaces up to `width` characters (numbers in a right-aligned column).
    public func padding(leftTo width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
