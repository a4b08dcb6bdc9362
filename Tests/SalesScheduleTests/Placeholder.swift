import XCTest

final class SalesSchedulePlaceholderTests: XCTestCase {}
