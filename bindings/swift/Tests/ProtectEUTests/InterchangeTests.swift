import Foundation
import ProtectEU
import XCTest

/// Exports, overlays and diffs: every interchange method of `Strategy`, with its errors.
final class InterchangeTests: XCTestCase {
    private static let shared: Strategy? = try? Strategy.embedded()
    private var s: Strategy!

    /// A new action, in the shape of the data files' actions, with its source.
    static let newAction = """
        [[actions]]
        id = "national-port-security-plan"
        title = "National port security plan"
        summary = "A member state's own follow-up: a plan for security at its main ports."
        section = "drugs"
        kind = "action_plan"
        timing = { kind = "year", year = 2026, text = "in 2026" }
        lead = ["member-states"]
        involved = ["europol"]
        themes = ["drug-trafficking"]

        [[actions.citations]]
        source = "dg-home-internal-security-page"
        fields = ["title"]
        verification = "official_summary"
        """

    /// An amendment of an existing action: a new title, with a source.
    static let amendment = """
        [[actions]]
        id = "eu-ports-strategy"
        amends = true
        title = "EU Ports Strategy (amended)"

        [[actions.citations]]
        source = "dg-home-internal-security-page"
        fields = ["title"]
        verification = "official_summary"
        """

    /// Notes on an instrument and a document, another number, a provisional agreement.
    static let newFields = """
        [[actions]]
        id = "europol-mandate-revision"
        amends = true

        [[actions.status]]
        date = "2026-06-29"
        status = "provisional_agreement"
        note = "An example: a provisional agreement reached in trilogue."

        [[actions.status.citations]]
        source = "dg-home-internal-security-page"
        verification = "official_summary"

        [[instruments]]
        id = "europol-regulation"
        amends = true
        notes = "An example note on the instrument."

        [[instruments.citations]]
        source = "dg-home-internal-security-page"
        fields = ["notes"]
        verification = "official_summary"

        [[documents]]
        id = "com-2025-148"
        amends = true
        other_numbers = ["SWD(2025) 999 final"]
        notes = "An example note on the document."

        [[documents.citations]]
        source = "dg-home-internal-security-page"
        fields = ["notes", "other_numbers"]
        verification = "official_summary"
        """

    override func setUpWithError() throws {
        s = try XCTUnwrap(Self.shared)
    }

    private func entityCount(_ st: Strategy) -> Int {
        st.objectives().count + st.principles().count + st.sections().count + st.themes().count
            + st.threats().count + st.actionList().count + st.actors().count
            + st.instruments().count + st.documents().count + st.figures().count
            + st.sources().count
    }

    private func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    /// The `details` of an `InvalidArgument` thrown by `body`, or a failure.
    private func invalidArgument(
        _ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        do {
            _ = try body()
            XCTFail("expected InvalidArgument, nothing was thrown", file: file, line: line)
        } catch let ProtectEuError.InvalidArgument(details) {
            return details
        } catch {
            XCTFail("expected InvalidArgument, got \(error)", file: file, line: line)
        }
        return ""
    }

    /// The problems of a `Validation` error thrown by `body`, or a failure.
    private func validationProblems(
        _ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line
    ) -> ([ValidationProblem], String) {
        do {
            _ = try body()
            XCTFail("expected Validation, nothing was thrown", file: file, line: line)
        } catch let ProtectEuError.Validation(problems, details) {
            return (problems, details)
        } catch {
            XCTFail("expected Validation, got \(error)", file: file, line: line)
        }
        return ([], "")
    }

    func testExportOfEachFormat() throws {
        let actions = try lines(s.export(format: .jsonl, kind: .action))
        XCTAssertEqual(actions.count, s.actionList().count)
        XCTAssertTrue(actions.allSatisfy { $0.hasPrefix("{\"kind\":\"action\"") })
        // The whole model: a line for the dataset table, one for the strategy, one per entity.
        XCTAssertEqual(try lines(s.export(format: .jsonl)).count, entityCount(s) + 2)
        XCTAssertTrue(try s.export(format: .csv, kind: .action).hasPrefix("id,"))
        XCTAssertTrue(try s.export(format: .csv, kind: .actor).hasPrefix("id,"))
        XCTAssertFalse(try s.export(format: .turtle).isEmpty)
        for format in ExportFormat.allCases {
            XCTAssertFalse(try s.export(format: format, kind: format == .csv ? .theme : nil).isEmpty, "\(format)")
        }
        let jsonld = try s.export(format: .jsonld)
        let graph = try JSONSerialization.jsonObject(with: Data(jsonld.utf8)) as? [String: Any]
        XCTAssertNotNil(graph?["@context"])
        XCTAssertFalse(try s.export(format: .markdown).isEmpty)
        XCTAssertTrue(try s.export(format: .dot).hasPrefix("digraph"))
        XCTAssertFalse(try s.export(format: .mermaid).isEmpty)
        let again = try Strategy.fromJson(text: s.export(format: .json))
        XCTAssertEqual(again.actionList(), s.actionList())
    }

    func testExportErrorsAreInvalidArguments() {
        let format = invalidArgument { try parseExportFormat(text: "pdf") }
        XCTAssertTrue(format.hasPrefix("invalid format 'pdf'"), format)
        XCTAssertTrue(format.contains("turtle"), format)
        let csv = invalidArgument { try self.s.export(format: .csv) }
        XCTAssertTrue(csv.contains("kind"), csv)
        let kind = invalidArgument { try parseEntityKind(text: "widgets") }
        XCTAssertTrue(kind.hasPrefix("invalid kind 'widgets'"), kind)
        XCTAssertTrue(kind.contains("actions"), kind)
        _ = invalidArgument { try self.s.export(format: .turtle, kind: .action) }
        _ = invalidArgument { try self.s.exportFiles(format: .markdown, kind: .action) }
    }

    func testExportFilesOfACsvExportWithoutAKind() throws {
        let files = try s.exportFiles(format: .csv)
        let names = files.map(\.name)
        XCTAssertTrue(names.contains("actions.csv"), "\(names)")
        XCTAssertTrue(names.contains("action_lead.csv"), "\(names)")
        XCTAssertTrue(files.allSatisfy { !$0.text.isEmpty })
        XCTAssertEqual(try s.exportFiles(format: .turtle).map(\.name), ["protecteu.ttl"])
        XCTAssertEqual(try s.exportFiles(format: .csv, kind: .actor).map(\.name), ["actors.csv"])
    }

    func testAnOverlayAddingAnActionIsQueriedListedAndDiffed() throws {
        XCTAssertTrue(s.overlayChanges().isEmpty)
        let merged = try s.withOverlayText(text: Self.newAction, name: "ports.toml")
        let found = try merged.actions(query: ActionQuery(lead: "member-states", text: "port security"))
        XCTAssertTrue(found.map(\.id).contains("national-port-security-plan"), "\(found.map(\.id))")
        XCTAssertEqual(merged.actionList().count, s.actionList().count + 1)
        XCTAssertEqual(
            merged.overlayChanges(),
            [
                OverlayChange(
                    change: .added, kind: .action, id: "national-port-security-plan",
                    file: "ports.toml", replaced: [], statusEventsAdded: 0, sourcesAdded: 0)
            ])
        let d = s.diff(newer: merged)
        XCTAssertFalse(d.isEmpty)
        XCTAssertEqual(d.oldVersion, s.datasetVersion())
        XCTAssertEqual(d.kinds.map(\.kind), [.action])
        XCTAssertEqual(
            d.kinds[0].added,
            [EntityRef(id: "national-port-security-plan", title: "National port security plan")])
        XCTAssertTrue(d.kinds[0].removed.isEmpty && d.kinds[0].changed.isEmpty)
        XCTAssertEqual(merged.diff(newer: s).kinds[0].removed.count, 1)
        XCTAssertTrue(s.diffText(newer: merged).contains("+ national-port-security-plan"))
        let json = try JSONSerialization.jsonObject(with: Data(s.diffJson(newer: merged).utf8))
        let kinds = (json as? [String: Any])?["kinds"] as? [[String: Any]]
        let added = kinds?.first?["added"] as? [[String: Any]]
        XCTAssertEqual(added?.first?["id"] as? String, "national-port-security-plan")
    }

    func testAReusedIdWithoutAmendsIsAValidationErrorNamingIt() throws {
        let text = Self.amendment.replacingOccurrences(of: "amends = true", with: "")
        let (problems, details) = validationProblems {
            try self.s.withOverlayText(text: text, name: "dup.toml")
        }
        let dup = try XCTUnwrap(problems.first { $0.rule == "duplicate-id" }, details)
        XCTAssertEqual(dup.id, "eu-ports-strategy")
        XCTAssertEqual(dup.file, "dup.toml")
        XCTAssertNotNil(dup.line)
        XCTAssertTrue(details.contains("eu-ports-strategy"), details)
    }

    func testEveryProblemOfTheMergedDataSetIsReported() {
        let bad = Self.newAction
            .replacingOccurrences(of: "[\"member-states\"]", with: "[\"no-such-actor\"]")
            .replacingOccurrences(of: "section = \"drugs\"", with: "section = \"no-such-section\"")
        let (problems, details) = validationProblems {
            try self.s.withOverlayText(text: bad, name: "bad.toml")
        }
        XCTAssertGreaterThanOrEqual(problems.filter { $0.rule == "unknown-reference" }.count, 2, details)
        XCTAssertTrue(problems.allSatisfy { $0.file == "bad.toml" }, details)
    }

    func testAnAmendmentIsAFieldChangeInTheDiff() throws {
        let amended = try s.withOverlayText(text: Self.amendment)
        let changes = amended.overlayChanges()
        XCTAssertEqual(changes.count, 1)
        let c = try XCTUnwrap(changes.first)
        XCTAssertEqual(c.change, .amended)
        XCTAssertEqual("\(c.change)", "amended")
        XCTAssertEqual(c.kind, .action)
        XCTAssertEqual(c.id, "eu-ports-strategy")
        XCTAssertEqual(c.file, "overlay.toml")
        XCTAssertEqual(c.replaced, ["title"])
        XCTAssertEqual(c.sourcesAdded, 1)
        XCTAssertEqual(c.statusEventsAdded, 0)
        let kinds = s.diff(newer: amended).kinds
        XCTAssertEqual(kinds.count, 1)
        XCTAssertEqual(kinds.first?.changed.count, 1)
        let change = try XCTUnwrap(kinds.first?.changed.first)
        XCTAssertEqual(change.id, "eu-ports-strategy")
        XCTAssertNil(change.renamedFrom)
        let title = try XCTUnwrap(change.fields.first { $0.field == "title" })
        XCTAssertEqual(title.oldJson, "\"EU Ports Strategy\"")
        XCTAssertEqual(title.newJson, "\"EU Ports Strategy (amended)\"")
        XCTAssertTrue(change.fields.contains { $0.field == "citations" })
        XCTAssertTrue(s.diffText(newer: amended).contains("~ eu-ports-strategy"))
        // Overlays stack, and their changes accumulate.
        let both = try amended.withOverlayText(text: Self.newAction, name: "ports.toml")
        XCTAssertEqual(both.overlayChanges().map(\.id), ["eu-ports-strategy", "national-port-security-plan"])
    }

    func testWithOverlayReadsAFileAndAnUnreadableOneIsAnIoError() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("protecteu-overlay-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ports.toml")
        try Self.newAction.write(to: file, atomically: true, encoding: .utf8)
        let merged = try s.withOverlay(path: file.path)
        XCTAssertEqual(merged.actionList().count, s.actionList().count + 1)
        XCTAssertEqual(merged.overlayChanges().map(\.change), [.added])
        XCTAssertEqual(try s.withOverlay(path: dir.path).overlayChanges().count, 1)
        XCTAssertThrowsError(try s.withOverlay(path: "/no/such/overlay.toml")) { error in
            guard case let ProtectEuError.Io(path, _) = error else {
                return XCTFail("expected Io, got \(error)")
            }
            XCTAssertEqual(path, "/no/such/overlay.toml")
        }
    }

    func testADiffWithItselfIsEmpty() throws {
        let d = s.diff(newer: s)
        XCTAssertTrue(d.isEmpty)
        XCTAssertTrue(d.kinds.isEmpty && d.dataset.isEmpty)
        XCTAssertEqual(d.oldVersion, d.newVersion)
        XCTAssertTrue(s.diffText(newer: s).contains("no differences"))
        let json = try JSONSerialization.jsonObject(with: Data(s.diffJson(newer: s).utf8))
        XCTAssertEqual(((json as? [String: Any])?["kinds"] as? [Any])?.count, 0)
    }

    func testRecordsCarryNotesOtherNumbersAndTheProvisionalAgreementStatus() throws {
        let m = try s.withOverlayText(text: Self.newFields, name: "fields.toml")
        XCTAssertEqual(try m.instrument(id: "europol-regulation").notes, "An example note on the instrument.")
        let d = try m.document(id: "com-2025-148")
        XCTAssertEqual(d.otherNumbers, ["SWD(2025) 999 final"])
        XCTAssertEqual(d.notes, "An example note on the document.")
        let a = try m.action(id: "europol-mandate-revision")
        XCTAssertEqual(a.status, .provisionalAgreement)
        XCTAssertEqual(a.progress, .delivered)
        XCTAssertEqual(a.statusHistory.last?.date, DateComponents(year: 2026, month: 6, day: 29))
        let agreed = try m.actions(query: ActionQuery(status: .provisionalAgreement)).map(\.id)
        XCTAssertTrue(agreed.contains("europol-mandate-revision"), "\(agreed)")
        // Read the day before the agreement, the action is not yet agreed.
        let before = try m.actions(query: ActionQuery(
            status: .provisionalAgreement, asOf: DateComponents(year: 2026, month: 6, day: 28)))
        XCTAssertFalse(before.map(\.id).contains("europol-mandate-revision"))
        let byKind = Dictionary(uniqueKeysWithValues: m.overlayChanges().compactMap { c in c.kind.map { ($0, c) } })
        XCTAssertEqual(Set(byKind.keys), [.action, .instrument, .document])
        XCTAssertEqual(byKind[.action]?.statusEventsAdded, 1)
        XCTAssertEqual(byKind[.instrument]?.replaced, ["notes"])
    }
}
