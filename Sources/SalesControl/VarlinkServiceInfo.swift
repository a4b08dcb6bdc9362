/// What a Varlink service says about itself in `org.varlink.service.GetInfo`, and the interfaces
/// it serves with their description text.
public struct VarlinkServiceInfo: Sendable {
    /// One served interface: its name and its Varlink interface definition.
    public struct Interface: Sendable, Hashable {
        public var name: String
        public var description: String
        /// Method names declared in the description (`method Status(`), so unknown ones are refused
        /// before reaching the handler.
        public var methods: Set<String>

        public init(name: String, description: String) {
            self.name = name
            self.description = description
            methods = Interface.declaredMethods(in: description)
        }

        static func declaredMethods(in description: String) -> Set<String> {
            var names: Set<String> = []
            for line in description.split(whereSeparator: \.isNewline) {
                let words = line.drop(while: \.isWhitespace)
                guard words.hasPrefix("method ") else { continue }
                let rest = words.dropFirst("method ".count).drop(while: \.isWhitespace)
                let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
                if !name.isEmpty { names.insert(String(name)) }
            }
            return names
        }
    }

    public var vendor: String
    public var product: String
    public var version: String
    public var url: String
    /// The service's own interfaces; `org.varlink.service` is always served in addition.
    public var interfaces: [Interface]

    /// - Parameter interfaces: pairs of interface name and interface definition text.
    public init(vendor: String, product: String, version: String, url: String, interfaces: [(name: String, description: String)]) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
        self.interfaces = interfaces.map { Interface(name: $0.name, description: $0.description) }
    }

    /// Every interface answered on the socket, `org.varlink.service` first.
    var allInterfaces: [Interface] {
        [Interface(name: VarlinkService.interface, description: VarlinkService.description)]
            + interfaces.filter { $0.name != VarlinkService.interface }
    }

    /// The reply to `org.varlink.service.GetInfo`.
    var getInfoReply: GetInfoReply {
        GetInfoReply(vendor: vendor, product: product, version: version, url: url,
                     interfaces: allInterfaces.map(\.name))
    }

    struct GetInfoReply: Encodable {
        let vendor: String
        let product: String
        let version: String
        let url: String
        let interfaces: [String]
    }
}
