import Foundation
import XCTest
@testable import SalesPlan

final class ConfigSyntaxTests: XCTestCase {
    /// A JSON syntax error is one error that names the line and column.
    func testSyntaxErrorNamesLineAndColumn() {
        let text = "{\n  \"version\": 1\n  \"steps\": []\n}\n"
        XCTAssertEqual(errors(text), [
            "the file is not valid JSON at line 3, column 3 (check for a missing or extra comma, quote or bracket there or just before)",
        ])
    }

    /// A file cut short says so, at its end.
    func testTruncatedFile() {
        let lines = errors("{\n  \"version\": 1,\n  \"steps\": [")
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines, ["the file is not valid JSON: the text ends too early at line 3, column 13 (check for a missing closing quote or bracket)"])
    }

    /// A raw line break inside a string gets a hint about escapes.
    func testUnescapedControlCharacter() {
        XCTAssertEqual(errors("{\"version\": 1,\n \"snooze\": \"1\n5m\"}"), [
            #"the file is not valid JSON at line 2, column 14 (write line breaks and tabs inside a string as \n and \t)"#,
        ])
    }

    /// An empty file is one clear error.
    func testEmptyFile() {
        XCTAssertEqual(errors("  \n").first?.hasPrefix("the file is empty"), true)
    }

    /// Bytes that are not UTF-8 are reported as such.
    func testNotUTF8() throws {
        XCTAssertThrowsError(try Plan.parse(Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]))) { error in
            XCTAssertEqual((error as? ConfigErrors)?.errors.map(\.description),
                           ["the file is not valid UTF-8 text (save the file as UTF-8)"])
        }
    }

    /// A document that is not an object is one error at the root.
    func testRootMustBeAnObject() {
        XCTAssertEqual(errors("[1, 2]"), [
            #"top level: [1, 2] is not an object (use e.g. {"version": 1, "steps": […], "actions": […]})"#,
        ])
        XCTAssertEqual(errors(#""hello""#).count, 1)
        XCTAssertEqual(errors("null").count, 1)
    }

    /// Numbers JSON cannot hold in a double are a syntax error, not a crash.
    func testOverflowingNumber() {
        XCTAssertEqual(errors(config(action: #", "target": 1e400"#)).count, 1)
    }

    /// The error list prints one error per line.
    func testErrorsPrintOnePerLine() {
        let errors = ConfigErrors([
            ConfigError(path: "a", value: "1", message: "is wrong", hint: "fix it"),
            ConfigError(path: "b", message: "is missing"),
        ])
        XCTAssertEqual(errors.description, "a: 1 is wrong (fix it)\nb: is missing")
        XCTAssertEqual(errors.errorDescription, errors.description)
    }

    /// A trailing comma is a syntax error with its place, though Foundation's parser would let it pass.
    func testTrailingCommaIsReported() {
        XCTAssertEqual(errors("{\"version\": 1,\n \"steps\": [{\"id\": \"s\", \"name\": \"S\"}],\n \"actions\": [],\n}\n"), [
            "the file is not valid JSON: a trailing comma at line 3, column 15 (remove the comma after the last item of the list or object)",
        ])
        XCTAssertNotNil(plan(#"{"version": 1, "steps": [{"id": "s", "name": "a ,] b"}], "actions": []}"#), "a comma inside a string is text")
    }

    /// An action's step in a plan without steps says to add the step, not "use one of the steps: ".
    func testStepOfAPlanWithoutSteps() {
        let lines = errors(#"{"version": 1, "steps": [], "actions": [{"id": "a", "step": "Call", "title": "A"}]}"#)
        XCTAssertEqual(lines.last, #"actions[0].step: "Call" is not a step (add it to "steps" first, e.g. {"id": "call", "name": "…"})"#)
    }
}
