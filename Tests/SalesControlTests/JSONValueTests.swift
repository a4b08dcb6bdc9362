import Foundation
import SalesControl
import XCTest

final class JSONValueTests: XCTestCase {
    /// A nested document decodes with integers exact and escapes resolved.
    func testDecodesNestedDocument() throws {
        let text = #"{"n": 5, "big": 9007199254740993, "pi": 3.25, "e": 1e3, "ok": true, "none": null, "s": "a\"b\\n\u00e9\ud83d\ude00", "list": [1, [2, {}]]}"#
        let value = try JSONValue(decoding: Array(text.utf8))
        XCTAssertEqual(value["n"], .int(5))
        XCTAssertEqual(value["big"]?.int, 9_007_199_254_740_993)
        XCTAssertEqual(value["pi"]?.double, 3.25)
        XCTAssertEqual(value["e"], .double(1000))
        XCTAssertEqual(value["ok"]?.bool, true)
        XCTAssertEqual(value["none"]?.isNull, true)
        XCTAssertEqual(value["s"]?.string, "a\"b\\né😀")
        XCTAssertEqual(value["list"]?[1]?[1]?.object, [:])
        XCTAssertNil(value["missing"])
    }

    /// Encoding sorts keys and prints integers without a fraction, so output is reproducible.
    func testEncodesDeterministically() throws {
        let value: JSONValue = ["b": 5, "a": [true, nil, 1.5, "x\n\u{1}"], "c": ["z": 1, "y": 2]]
        XCTAssertEqual(value.jsonText, #"{"a":[true,null,1.5,"x\n\u0001"],"b":5,"c":{"y":2,"z":1}}"#)
        XCTAssertEqual(try JSONValue(decoding: value.encoded()), value)
    }

    /// Garbage is refused with an error naming where it went wrong, never a crash.
    func testRejectsGarbage() {
        let inputs: [[UInt8]] = [
            [], Array("{".utf8), Array("[1,]".utf8), Array("01".utf8), Array(#""\x""#.utf8), Array("nul".utf8),
            Array(#"{"a" 1}"#.utf8), Array("1 2".utf8), [0x22, 0xFF, 0x22], Array(#""\ud800""#.utf8),
            Array("1e999".utf8), Array("-".utf8), Array("\"tab\there\"".utf8), Array("{1: 2}".utf8),
        ]
        for input in inputs {
            XCTAssertThrowsError(try JSONValue(decoding: input), "accepted \(String(decoding: input, as: UTF8.self))")
        }
    }

    /// Deep nesting is refused at the limit instead of exhausting the stack.
    func testRefusesDeepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try JSONValue(decoding: Array(deep.utf8))) { error in
            XCTAssertTrue("\(error)".contains("nested deeper than 64"), "\(error)")
        }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try JSONValue(decoding: Array(fine.utf8)))
    }

    /// Codable types can carry JSONValue and come back equal.
    func testCodableRoundTrip() throws {
        let value: JSONValue = ["count": 3, "note": "hi", "ratio": 0.5, "tags": ["a"], "ok": false]
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: data), value)
    }
}
