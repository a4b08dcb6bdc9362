/// `Next()`: what's the next step? The open action to do now, and why.
public struct NextCall: ControlCall {
    public static let method = ControlMethod.next

    public init() {}

    public struct Reply: Codable, Sendable, Equatable {
        public var day: String
        public var action: ActionProgress?
        public var why: String?
        /// Open actions left today, this one included.
        public var remaining: Int

        public init(day: String, action: ActionProgress?, why: String?, remaining: Int) {
            (self.day, self.action, self.why, self.remaining) = (day, action, why, remaining)
        }
    }
}
