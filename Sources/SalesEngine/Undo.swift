import Foundation
import SalesPlan

/// What an undo event carries besides its `ref`: the kind of event it took back, as JSON in the
/// event's `payload` (`{"undoes":"skip"}`). (A retried undo is recognised by the ledger's
/// request keys, before the engine sees it.)
enum Undo {
    static func payload(undoes kind: Event.Kind) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["undoes": kind.rawValue], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

}
