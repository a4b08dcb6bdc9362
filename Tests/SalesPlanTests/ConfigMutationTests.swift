import Foundation
import XCTest
@testable import SalesPlan

/// Damages the example config in a few hundred deterministic ways: parsing must either succeed
/// or report errors, and never crash or hang.
final class ConfigMutationTests: XCTestCase {
    private enum Component { case key(String), index(Int) }

    /// Values a careless edit or a hostile file might put anywhere.
    private static var replacements: [Any] { [
        "x", 2.5, -1, 0, 1e300, Int.max, true, NSNull(), [Any](), [String: Any](), ["mon", 5] as [Any],
        "\u{0}\u{202E}👩🏽‍💼e\u{301}\u{FFFF}\u{10FFFF}", "99:99", "", String(repeating: "a", count: 10_000),
        ["tittle": "x"],
    ] }

    /// Text spliced into the raw file: huge and malformed numbers, broken escapes, stray bytes.
    private static let splices: [String] = [
        "99999999999999999999999999999", "1e999", "-0", "NaN", "\"\\ud800\"", "\"\\u0000\"", "\u{FEFF}", ",", "}",
        "]", "\"", "{", "[[[[[[[[", "tru", "\"é\u{301}\"", "\u{7F}", "0x10", "1.", ".5", "+1",
    ]

    /// Small deterministic generator, so a failure names a reproducible mutation.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// 240 damaged copies of the example each parse, or fail with at least one located error.
    func testMutatedExamplesNeverCrash() throws {
        let original = Data(Plan.exampleJSON.utf8)
        let tree = try JSONSerialization.jsonObject(with: original)
        let paths = Self.paths(in: tree, prefix: [])
        var generator = Generator(state: 2026)
        var inputs: [(name: String, data: Data)] = []

        for n in 0..<160 {
            let path = paths[generator.next(paths.count)]
            let choice = generator.next(Self.replacements.count + 1)
            let replacement: Any? = choice == Self.replacements.count ? nil : Self.replacements[choice]
            let mutated = Self.replacing(path[...], in: tree, with: replacement) ?? NSNull()
            let data = try JSONSerialization.data(withJSONObject: mutated, options: [.fragmentsAllowed])
            inputs.append(("tree #\(n) \(path) → \(replacement.map { "\($0)".prefix(20) } ?? "deleted")", data))
        }
        for n in 0..<40 {
            let offset = generator.next(original.count)
            var data = original
            data.insert(contentsOf: Data(Self.splices[n % Self.splices.count].utf8), at: offset)
            inputs.append(("splice #\(n) at \(offset)", data))
        }
        for n in 0..<20 {
            let offset = generator.next(original.count)
            inputs.append(("truncate #\(n) at \(offset)", original.prefix(offset)))
            var flipped = original
            flipped[offset] = UInt8(generator.next(256))
            inputs.append(("byte #\(n) at \(offset)", flipped))
        }

        var failures = 0
        for input in inputs {
            do {
                let plan = try Plan.parse(input.data)
                XCTAssertEqual(try? Plan.parse(Data(plan.canonicalJSON().utf8)), plan, input.name)
            } catch {
                failures += 1
                XCTAssertFalse(error.errors.isEmpty, input.name)
                for line in error.errors where line.path.isEmpty || line.message.isEmpty {
                    XCTFail("\(input.name): error without path or message: \(line)")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(inputs.count, 200)
        XCTAssertGreaterThan(failures, inputs.count / 2, "most mutations should break the config")
    }

    private static func paths(in value: Any, prefix: [Component]) -> [[Component]] {
        var out: [[Component]] = prefix.isEmpty ? [] : [prefix]
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { out += paths(in: object[key]!, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (i, item) in array.enumerated() { out += paths(in: item, prefix: prefix + [.index(i)]) }
        }
        return out
    }

    /// The tree with the value at `path` replaced, or removed when `replacement` is nil.
    private static func replacing(_ path: ArraySlice<Component>, in value: Any, with replacement: Any?) -> Any? {
        guard let first = path.first else { return replacement }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            var object = value as! [String: Any]
            object[key] = replacing(rest, in: object[key]!, with: replacement)
            return object
        case .index(let i):
            var array = value as! [Any]
            if let item = replacing(rest, in: array[i], with: replacement) { array[i] = item } else { array.remove(at: i) }
            return array
        }
    }
}
