import Foundation
import XCTest
@testable import SalesPlan

/// A small valid config with room for extra top-level keys and extra keys on its one action.
func config(top: String = "", action: String = "") -> String {
    """
    {"version": 1, \(top)
     "steps": [{"id": "connect", "name": "Connect"}, {"id": "follow-up", "name": "Follow up"}],
     "actions": [{"id": "requests", "step": "connect", "title": "Send requests"\(action)}]}
    """
}

/// Parses `json`, failing the test if it does not parse.
func plan(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> Plan? {
    do {
        return try Plan.parse(Data(json.utf8))
    } catch {
        XCTFail("expected a valid plan, got:\n\(error)", file: file, line: line)
        return nil
    }
}

/// The error lines for `json`, failing the test if it parses.
func errors(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    do {
        _ = try Plan.parse(Data(json.utf8))
        XCTFail("expected errors, the config parsed", file: file, line: line)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}
