import Foundation
@testable import SalesPlan
import XCTest

/// The quick JSON reader agrees with Foundation's on every document it accepts, and leaves every
/// document Foundation would refuse (or read differently) to Foundation.
final class ConfigJSONTests: XCTestCase {
    /// The value as Foundation reads it, numbers by value only (their text is Foundation's own).
    private func foundation(_ text: String) -> ConfigValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return nil }
        return ConfigValue(foundation: object).map(byValue)
    }

    /// Numbers by value, to 12 significant digits: Foundation's reading of a 17-digit fraction can
    /// miss the nearest double by one bit (ConfigJSON's is `Double(text)`, correctly rounded); a
    /// plan's numbers are whole, where both are exact.
    private func byValue(_ value: ConfigValue) -> ConfigValue {
        switch value {
        case .number(let d, _): .number(Double(String(format: "%.12g", d))!, text: "")
        case .array(let items): .array(items.map(byValue))
        case .object(let fields): .object(fields.mapValues(byValue))
        case .null, .bool, .string: value
        }
    }

    /// The example plan and 300 random documents, written by Foundation, read the same by both.
    func testAgreesWithFoundationOnDocumentsFoundationWrote() throws {
        XCTAssertEqual(ConfigJSON.parse(Data(Plan.exampleJSON.utf8)).map(byValue), foundation(Plan.exampleJSON))
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "\"", "\\", "/", "\n", "\t", "\u{1}", "日本", "😀", " ", "\u{7F}", "\u{2028}"]
        func random(_ depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
            case 0: return NSNull()
            case 1: return Bool.random(using: &generator)
            case 2: return Int.random(in: -1_000_000...1_000_000, using: &generator)
            case 3: return Double.random(in: -1e6...1e6, using: &generator)
            case 4: return (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            case 5: return (0..<Int.random(in: 0...4, using: &generator)).map { _ in random(depth + 1) }
            default:
                var object: [String: Any] = [:]
                for n in 0..<Int.random(in: 0...4, using: &generator) { object["k\(n)\(pieces.randomElement()!)"] = random(depth + 1) }
                return object
            }
        }
        for _ in 0..<300 {
            let document = ["root": random(0)]
            let text = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted]), as: UTF8.self)
            XCTAssertEqual(ConfigJSON.parse(Data(text.utf8)).map(byValue), foundation(text), text)
        }
    }

    /// Escapes, surrogate pairs and numbers as people write them.
    func testReadsEscapesAndNumbers() {
        let text = #"{"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "n": [0, -1, 2.50, 1e3, -0.5E-2], "t": true, "z": null}"#
        XCTAssertEqual(ConfigJSON.parse(Data(text.utf8)).map(byValue), foundation(text))
        guard case .object(let fields)? = ConfigJSON.parse(Data(text.utf8)), case .array(let numbers)? = fields["n"] else {
            return XCTFail("not read")
        }
        XCTAssertEqual(numbers.map { $0.quoted() }, ["0", "-1", "2.50", "1e3", "-0.5E-2"], "numbers keep the text written")
    }

    /// What Foundation refuses, or where its reading differs, is left to it.
    func testLeavesEverythingUnusualToFoundation() {
        let documents = [
            "[1, 2,]", #"{"a": 1,}"#, #"{"a": 1, "a": 2}"#, "\"a\u{1}b\"", #""\x""#, #""\ud800""#, #""\udc00x""#,
            "01", "1.", "-", ".5", "1e", "+1", "NaN", "tru", "[1 2]", #"{"a" 1}"#, "{1: 2}", "", "  ", "[", "\"abc",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "\u{FEFF}{}", "1e999",
        ]
        for document in documents {
            XCTAssertNil(ConfigJSON.parse(Data(document.utf8)), document)
        }
        XCTAssertNil(ConfigJSON.parse([0x22, 0xC3, 0x28, 0x22]), "invalid UTF-8")
    }
}
