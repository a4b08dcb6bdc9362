import XCTest

final class SalesPlanPlaceholderTests: XCTestCase {}
