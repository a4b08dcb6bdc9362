/// A lag measure the plan tracks (`client`, `revenue`): what `salesd ctl result KIND` may record.
public struct ResultKind: Hashable, Sendable {
    /// What one unit of a result is: a count of things, or an amount of money in a currency.
    public enum Unit: Hashable, Sendable, CustomStringConvertible {
        case count
        /// An ISO 4217 code, upper case (`EUR`).
        case currency(String)

        /// `count` or the currency code, as the config writes it.
        public var description: String {
            switch self {
            case .count: "count"
            case .currency(let code): code
            }
        }
    }

    public var id: String
    public var name: String
    public var unit: Unit

    public init(id: String, name: String, unit: Unit) {
        self.id = id
        self.name = name
        self.unit = unit
    }

    /// The kinds a plan tracks when it declares none: what the example plan and the README use.
    public static let defaults: [ResultKind] = [
        ResultKind(id: "client", name: "Clients won", unit: .count),
        ResultKind(id: "proposal", name: "Proposals sent", unit: .count),
        ResultKind(id: "conversation-booked", name: "Sales conversations booked", unit: .count),
        ResultKind(id: "revenue", name: "Revenue", unit: .currency("EUR")),
    ]
}
