import Foundation
import ProtectEU
import XCTest

/// The progress report page: the same bytes as the Rust CLI for the same data and date.
final class ReportTests: XCTestCase {
    private static let shared: Strategy? = try? Strategy.embedded()
    private var s: Strategy!

    override func setUpWithError() throws {
        s = try XCTUnwrap(Self.shared, "the embedded data set must load")
    }

    /// Compared byte for byte (Foundation on Linux has no SHA-256; equal bytes imply equal
    /// hashes) with the page the Rust CLI wrote in this run.
    func testSameBytesAsTheRustCli() throws {
        let reference = try Data(contentsOf: Paths.reportReference)
        let ours = Data(try s.reportHtml(asOf: DateComponents(year: 2026, month: 1, day: 15)).utf8)
        XCTAssertGreaterThan(reference.count, 0)
        XCTAssertEqual(ours.count, reference.count)
        XCTAssertTrue(ours == reference, "reportHtml differs from `protecteu report`")
    }

    func testOneCardPerActionAndTheDefaultDate() throws {
        let html = try s.reportHtml()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.components(separatedBy: "data-action-id=").count - 1, s.actionList().count)
        XCTAssertEqual(html, try s.reportHtml(asOf: s.asOf()))
        XCTAssertNotEqual(html, try s.reportHtml(asOf: DateComponents(year: 2025, month: 4, day: 2)))
    }

    /// A `DateComponents` naming no real day is refused by the library, not read as another day.
    func testADateThatDoesNotExistIsAnInvalidArgument() {
        XCTAssertThrowsError(try s.reportHtml(asOf: DateComponents(year: 2026, month: 1, day: 32))) { error in
            guard case ProtectEuError.InvalidArgument = error else {
                return XCTFail("expected InvalidArgument, got \(error)")
            }
        }
    }
}
