import XCTest

final class SalesLedgerPlaceholderTests: XCTestCase {}
