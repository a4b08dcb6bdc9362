import Foundation
@testable import SalesLedger
import SalesPlan
import XCTest

final class PeopleCSVTests: XCTestCase {
    /// LinkedIn's Connections.csv: the preamble is passed over, names joined, hidden names left out.
    func testLinkedIn() throws {
        let text = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing, you see."

            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Dana,Kim,https://www.linkedin.com/in/dk,,Kim & Co,"Head of Sales, EMEA",21 Mar 2027
            ,,https://www.linkedin.com/in/hidden,,,,01 Mar 2027
            Sam,Okafor,https://www.linkedin.com/in/so,sam@example.com,,Founder,2 Sep 2024

            """
        guard case .linkedIn(let rows) = try PeopleCSV.parse(text) else { return XCTFail("not read as LinkedIn") }
        XCTAssertEqual(rows.map(\.name), ["Dana Kim", "Sam Okafor"])
        XCTAssertEqual(rows.map(\.lastTouch), [LocalDay(iso: "2027-03-21"), LocalDay(iso: "2024-09-02")])
        XCTAssertEqual(rows[0].company, "Kim & Co")
        XCTAssertEqual(rows[0].note, "Head of Sales, EMEA")
        XCTAssertNil(rows[1].company)
    }

    /// A plain list: header in any case, step and last touch optional; a bad date names its line.
    func testListAndErrors() throws {
        guard case .list(let rows) = try PeopleCSV.parse("Name,Company,Step,Last Touch,Note\nDana Kim,Acme,invite,2027-03-20,met\nSam,,,,\n")
        else { return XCTFail("not read as a list") }
        XCTAssertEqual(rows.map(\.name), ["Dana Kim", "Sam"])
        XCTAssertEqual(rows[0].step, "invite")
        XCTAssertNil(rows[1].lastTouch)
        XCTAssertThrowsError(try PeopleCSV.parse("name,company,step,last touch,note\nDana,,,20 March,\n")) { error in
            XCTAssertEqual((error as? ImportError)?.line, 2)
            XCTAssertTrue("\(error)".contains("is not a date"), "\(error)")
        }
        XCTAssertThrowsError(try PeopleCSV.parse("who,when\nDana,today\n")) { error in
            XCTAssertTrue("\(error)".contains("is not a people file"), "\(error)")
        }
    }

    /// Person events written and read back are equal, texts with commas, quotes and line breaks included.
    func testEventsRoundTrip() throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger.open(directory: folder.ledgerFolder)
        let at = Date(timeIntervalSince1970: 1_796_000_000.25)
        let day = LocalDay(iso: "2026-11-30")!
        let added = try ledger.append(PersonEvent(kind: .added, at: at, day: day, person: 0, step: "connect",
                                                  texts: PersonTexts(name: "Kim, Dana", company: "\"Acme\"", note: "a\nb")),
                                      request: nil).event
        _ = try ledger.append(PersonEvent(kind: .won, at: at, day: day, person: added.person, results: [3, 4]), request: nil)
        let events = try ledger.personEvents()
        let text = ([PeopleCSV.header()] + events.map(PeopleCSV.row)).joined(separator: "\n") + "\n"
        guard case .events(let read) = try PeopleCSV.parse(text) else { return XCTFail("not read as events") }
        XCTAssertEqual(read, events)

        let other = try Ledger.open(directory: folder.url.appendingPathComponent("other"))
        try other.importPersonEvents(read)
        XCTAssertEqual(try other.personEvents(), events)
        XCTAssertThrowsError(try other.importPersonEvents(read)) { error in
            XCTAssertEqual((error as? LedgerError)?.code, .notEmpty)
        }
    }
}
