import SalesControl
import XCTest

final class VarlinkFramerTests: XCTestCase {
    private func messages(_ framer: inout VarlinkFramer) throws -> [String] {
        var out: [String] = []
        while let message = try framer.nextMessage() { out.append(String(decoding: message, as: UTF8.self)) }
        return out
    }

    /// A message arriving one byte at a time comes out whole, once.
    func testMessageSplitAcrossChunks() throws {
        var framer = VarlinkFramer()
        var got: [String] = []
        for byte in Array(#"{"method":"a.b.C"}"#.utf8) + [0] {
            XCTAssertTrue(got.isEmpty)
            framer.append([byte])
            got += try messages(&framer)
        }
        XCTAssertEqual(got, [#"{"method":"a.b.C"}"#])
        XCTAssertFalse(framer.hasIncompleteMessage)
    }

    /// Several messages in one chunk come out in order; a trailing partial one waits.
    func testSeveralMessagesPerChunk() throws {
        var framer = VarlinkFramer()
        framer.append(Array("one\0two\0thr".utf8))
        XCTAssertEqual(try messages(&framer), ["one", "two"])
        XCTAssertTrue(framer.hasIncompleteMessage)
        framer.append(Array("ee\0".utf8))
        XCTAssertEqual(try messages(&framer), ["three"])
        XCTAssertEqual(framer.bufferedByteCount, 0)
    }

    /// A message over the limit is refused as soon as it is known to be too big, even unfinished.
    func testOversizeIsRefused() throws {
        var framer = VarlinkFramer(maxMessageSize: 8)
        framer.append(Array("12345678\0".utf8))
        XCTAssertEqual(try messages(&framer), ["12345678"])
        framer.append(Array("123456789".utf8))
        XCTAssertThrowsError(try framer.nextMessage()) { XCTAssertEqual($0 as? VarlinkProtocolError, .messageTooLarge(limit: 8)) }

        var finished = VarlinkFramer(maxMessageSize: 8)
        finished.append(Array("123456789\0".utf8))
        XCTAssertThrowsError(try finished.nextMessage()) { XCTAssertEqual($0 as? VarlinkProtocolError, .messageTooLarge(limit: 8)) }
    }
}
