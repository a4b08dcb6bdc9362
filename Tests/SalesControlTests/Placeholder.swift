import XCTest

final class SalesControlPlaceholderTests: XCTestCase {}
