import Foundation
import ProtectEU
import XCTest

extension Calendar {
    /// The Gregorian calendar in UTC: turns the library's `DateComponents` into `Date`s that
    /// compare as days, wherever the tests run.
    static var utc: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }
}

/// The typed API: vocabulary enums against the core's lists, dates as `DateComponents`,
/// periods.
final class TypesTests: XCTestCase {
    private static let shared: Strategy? = try? Strategy.embedded()
    private var s: Strategy!

    override func setUpWithError() throws {
        s = try XCTUnwrap(Self.shared)
    }

    /// Every vocabulary enum of the binding, by the name `vocabularies()` gives it, with what
    /// its cases print (their data-file names), in `allCases` order.
    private static let enums: [String: [String]] = [
        "Status": Status.allCases.map { "\($0)" },
        "ActionProgress": ActionProgress.allCases.map { "\($0)" },
        "ActionKind": ActionKind.allCases.map { "\($0)" },
        "TimingKind": TimingKind.allCases.map { "\($0)" },
        "ActorKind": ActorKind.allCases.map { "\($0)" },
        "Verification": Verification.allCases.map { "\($0)" },
        "SourceClass": SourceClass.allCases.map { "\($0)" },
        "InstrumentType": InstrumentType.allCases.map { "\($0)" },
        "InstrumentStatus": InstrumentStatus.allCases.map { "\($0)" },
        "DocumentKind": DocumentKind.allCases.map { "\($0)" },
        "EntityKind": EntityKind.allCases.map { "\($0)" },
        "ExportFormat": ExportFormat.allCases.map { "\($0)" },
        "KeyActionsBox": KeyActionsBox.allCases.map { "\($0)" },
    ]

    func testEveryEnumListsTheCoresValuesInTheCoresOrder() {
        let core = Dictionary(uniqueKeysWithValues: vocabularies().map { ($0.name, $0.values) })
        // A vocabulary the core exports that this test does not know fails here, too.
        XCTAssertEqual(Set(core.keys), Set(Self.enums.keys))
        for (name, cases) in Self.enums {
            XCTAssertEqual(cases, core[name], name)
        }
    }

    func testValuesParseBackFromWhatTheyPrint() throws {
        for v in Status.allCases { XCTAssertEqual(try parseStatus(text: "\(v)"), v) }
        for v in ActionProgress.allCases { XCTAssertEqual(try parseProgress(text: "\(v)"), v) }
        for v in ActionKind.allCases { XCTAssertEqual(try parseActionKind(text: "\(v)"), v) }
        for v in TimingKind.allCases { XCTAssertEqual(try parseTimingKind(text: "\(v)"), v) }
        for v in ActorKind.allCases { XCTAssertEqual(try parseActorKind(text: "\(v)"), v) }
        for v in Verification.allCases { XCTAssertEqual(try parseVerification(text: "\(v)"), v) }
        for v in SourceClass.allCases { XCTAssertEqual(try parseSourceClass(text: "\(v)"), v) }
        for v in InstrumentType.allCases { XCTAssertEqual(try parseInstrumentType(text: "\(v)"), v) }
        for v in InstrumentStatus.allCases { XCTAssertEqual(try parseInstrumentStatus(text: "\(v)"), v) }
        for v in DocumentKind.allCases { XCTAssertEqual(try parseDocumentKind(text: "\(v)"), v) }
        for v in EntityKind.allCases { XCTAssertEqual(try parseEntityKind(text: "\(v)"), v) }
        for v in ExportFormat.allCases { XCTAssertEqual(try parseExportFormat(text: "\(v)"), v) }
        for v in KeyActionsBox.allCases { XCTAssertEqual(try parseKeyActionsBox(text: "\(v)"), v) }
        XCTAssertEqual(try parseStatus(text: " In-Preparation "), .inPreparation)
        XCTAssertEqual(try parseEntityKind(text: "figures"), .figure)
    }

    func testRecordsCarryEnumsThatAgreeWithEachOther() {
        for a in s.actionList() {
            XCTAssertEqual(a.statusHistory.last?.status ?? .announced, a.status, a.id)
            switch a.timing.kind {
            case .ongoing, .notStated: XCTAssertNil(a.timing.period, a.id)
            default: XCTAssertNotNil(a.timing.period, a.id)
            }
            if a.status == .withdrawn { XCTAssertEqual(a.progress, .withdrawn, a.id) }
        }
        XCTAssertTrue(s.documents().contains { $0.kind == .communication })
        XCTAssertTrue(s.instruments().contains { $0.status == .inForce })
        XCTAssertEqual(Set(s.stats().byStatus.map(\.key)), Set(s.actionList().map { "\($0.status)" }))
    }

    func testDatesAreDateComponentsInOrder() throws {
        let utc = Calendar.utc
        let asOf = try XCTUnwrap(utc.date(from: s.asOf()))
        for a in s.actionList() {
            let dates = a.statusHistory.compactMap { utc.date(from: $0.date) }
            XCTAssertEqual(dates.count, a.statusHistory.count, a.id)
            XCTAssertEqual(dates.sorted(), dates, a.id)
            XCTAssertTrue(dates.allSatisfy { $0 <= asOf }, a.id)
        }
        // Exactly year, month and day: no calendar, time zone or time of day.
        let info = s.info().date
        XCTAssertEqual(info, DateComponents(year: 2025, month: 4, day: 1))
        XCTAssertNil(info.calendar)
        XCTAssertNil(info.hour)
        XCTAssertFalse(s.documents().compactMap(\.date).isEmpty)
        let day = DateComponents(year: 2026, month: 2, day: 28)
        XCTAssertEqual(try s.timeline(asOf: day).asOf, day)
    }

    func testPeriodsParsePrintBoundAndOrder() throws {
        let h2 = try parsePeriod(text: "2026-H2")
        XCTAssertEqual(h2, Period(year: 2026, half: 2))
        XCTAssertEqual("\(h2)", "2026-H2")
        XCTAssertEqual(try h2.start(), DateComponents(year: 2026, month: 7, day: 1))
        XCTAssertEqual(try h2.end(), DateComponents(year: 2026, month: 12, day: 31))
        XCTAssertTrue(try h2.contains(date: DateComponents(year: 2026, month: 7, day: 1)))
        XCTAssertFalse(try h2.contains(date: DateComponents(year: 2026, month: 6, day: 30)))
        XCTAssertEqual(try Period(year: 2026, quarter: 2).end(), DateComponents(year: 2026, month: 6, day: 30))
        for text in ["2026", "2026-H1", "2026-Q4"] { XCTAssertEqual("\(try parsePeriod(text: text))", text) }
        let sorted = try ["2027", "2026-H2", "2026", "2026-Q1", "2026-H1"].map { try parsePeriod(text: $0) }.sorted()
        XCTAssertEqual(sorted.map { "\($0)" }, ["2026-Q1", "2026-H1", "2026", "2026-H2", "2027"])
        XCTAssertThrowsError(try Period(year: 2026, half: 1, quarter: 1).start()) { error in
            guard case ProtectEuError.InvalidArgument = error else { return XCTFail("\(error)") }
        }
        // A timing's deadline is the end of its period.
        for a in s.actionList() { XCTAssertEqual(try a.timing.period?.end(), a.timing.deadline, a.id) }
    }
}
