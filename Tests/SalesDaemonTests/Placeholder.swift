import XCTest

final class SalesDaemonPlaceholderTests: XCTestCase {}
