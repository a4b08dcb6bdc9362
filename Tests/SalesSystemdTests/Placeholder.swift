import XCTest

final class SalesSystemdPlaceholderTests: XCTestCase {}
