import XCTest

final class SalesEnginePlaceholderTests: XCTestCase {}
