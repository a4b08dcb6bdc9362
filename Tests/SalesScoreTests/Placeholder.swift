import XCTest

final class SalesScorePlaceholderTests: XCTestCase {}
