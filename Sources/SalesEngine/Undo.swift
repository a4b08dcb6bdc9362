import Foundation
import SalesPlan

/// What an undo event carries besides its `ref`: the request id it answered and the kind of
/// event it took back, as JSON in the event's `payload` (`{"request":"…","undoes":"skip"}`).
enum Undo {
    static func payload(request: String?, undoes kind: Event.Kind) -> String {
        var fields = ["undoes": kind.rawValue]
        if let request { fields["request"] = request }
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The request id an undo event answered, if its client sent one.
    static func request(of event: Event) -> String? {
        guard event.kind == .undo, let payload = event.payload,
              let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any]
        else { return nil }
        return object["request"] as? String
    }
}
