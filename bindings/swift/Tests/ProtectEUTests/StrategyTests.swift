import Foundation
import ProtectEU
import XCTest

/// Every method of the generated `Strategy` and every error case, on the embedded data.
final class StrategyTests: XCTestCase {
    private static let shared: Strategy? = try? Strategy.embedded()
    private var s: Strategy!

    override func setUpWithError() throws {
        s = try XCTUnwrap(Self.shared)
    }

    func testProvenanceRegistryCitationsAndAPinnedFingerprint() throws {
        let f = s.fingerprint()
        XCTAssertEqual(f.count, 64)
        // The same data read from the canonical JSON file has the same fingerprint.
        let text = try String(contentsOf: Paths.dataFile, encoding: .utf8)
        XCTAssertEqual(try Strategy.fromJson(text: text).fingerprint(), f)
        XCTAssertNoThrow(try s.expectFingerprint(expected: f.uppercased()))
        let wrong = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try s.expectFingerprint(expected: wrong)) { error in
            guard case let ProtectEuError.FingerprintMismatch(expected, actual, details) = error else {
                return XCTFail("expected FingerprintMismatch, got \(error)")
            }
            XCTAssertEqual(expected, wrong)
            XCTAssertEqual(actual, f)
            XCTAssertTrue(details.contains(f))
        }
        let rows = s.sourceUsage(kind: nil)
        XCTAssertEqual(rows.count, s.sources().count)
        XCTAssertTrue(rows.allSatisfy { $0.facts > 0 && !$0.levels.isEmpty })
        // Official text only from EUR-Lex or an EU institution.
        XCTAssertTrue(rows.filter { $0.levels.contains(.officialText) }
            .allSatisfy { [.eurLex, .euInstitution].contains($0.source.publisherClass) })
        let figures = s.sourceUsage(kind: .figure)
        XCTAssertTrue(!figures.isEmpty && figures.count < rows.count)
        XCTAssertTrue(figures.allSatisfy { $0.kinds.contains(.figure) })
        let fields = try s.citations(kind: .action, id: "lawful-access-roadmap").map(\.field)
        for field in ["lead", "timing", "status[0]"] {
            XCTAssertTrue(fields.contains(field), field)
        }
        XCTAssertThrowsError(try s.citations(kind: .action, id: "no-such-action"))
        XCTAssertEqual(try s.source(id: rows[0].source.id), rows[0].source)
    }

    func testConstructorsLoadTheSameModel() throws {
        XCTAssertEqual(try Strategy().actionList().count, s.actionList().count)
        let fromFile = try Strategy.fromPath(path: Paths.dataFile.path)
        XCTAssertEqual(fromFile.actionList(), s.actionList())
        XCTAssertEqual(fromFile.datasetVersion(), s.datasetVersion())
        let text = try String(contentsOf: Paths.dataFile, encoding: .utf8)
        XCTAssertEqual(try Strategy.fromJson(text: text).stats(), s.stats())
    }

    func testDatasetVersionAsOfAndInfo() {
        XCTAssertNotNil(s.datasetVersion().range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression))
        XCTAssertEqual(s.info().documentNumber, "COM(2025) 148 final")
        XCTAssertEqual(s.info().date, DateComponents(year: 2025, month: 4, day: 1))
        let utc = Calendar.utc
        XCTAssertLessThan(try XCTUnwrap(utc.date(from: s.info().date)), try XCTUnwrap(utc.date(from: s.asOf())))
    }

    func testListsOfEveryKind() {
        XCTAssertEqual(UInt64(s.actionList().count), s.stats().actions)
        XCTAssertTrue(s.actionList().allSatisfy { !$0.citations.isEmpty })
        XCTAssertEqual(s.themes().count, 9)
        XCTAssertTrue(s.actors().contains { $0.id == "europol" && $0.abbreviation == "Europol" })
        XCTAssertTrue(s.sections().contains { $0.parent != nil })
        XCTAssertFalse(s.objectives().isEmpty)
        XCTAssertFalse(s.principles().isEmpty)
        XCTAssertFalse(s.threats().isEmpty)
        XCTAssertFalse(s.instruments().isEmpty)
        XCTAssertFalse(s.documents().isEmpty)
        XCTAssertFalse(s.figures().isEmpty)
    }

    func testLookupsOfEveryKind() throws {
        let a = try s.action(id: "europol-mandate-revision")
        XCTAssertEqual(a.kind, .revision)
        XCTAssertTrue(a.lead.contains("commission"))
        XCTAssertEqual(a.statusHistory.last?.status, a.status)
        XCTAssertEqual(try a.timing.period?.end(), a.timing.deadline)
        XCTAssertNotNil(a.timing.deadline)
        XCTAssertEqual(try s.actor(id: "europol").kind, .euAgency)
        XCTAssertEqual(try s.section(id: "drugs").id, "drugs")
        let objective = try XCTUnwrap(s.objectives().first)
        XCTAssertEqual(try s.objective(id: objective.id), objective)
        let principle = try XCTUnwrap(s.principles().first)
        XCTAssertEqual(try s.principle(id: principle.id), principle)
        XCTAssertEqual(try s.theme(id: "cybercrime").id, "cybercrime")
        XCTAssertEqual(try s.threat(id: "terrorism").id, "terrorism")
        XCTAssertEqual(
            try s.instrument(id: "europol-regulation").eurLexUrl,
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794")
        XCTAssertEqual(try s.instrument(id: "europol-regulation").instrumentType, .regulation)
        let document = try XCTUnwrap(s.documents().first)
        XCTAssertEqual(try s.document(id: document.id), document)
        let figure = try XCTUnwrap(s.figures().first)
        XCTAssertEqual(try s.figure(id: figure.id), figure)
    }

    func testActionsWithAQueryAndTheDefaultQuery() throws {
        let found = try s.actions(query: ActionQuery(actor: "europol", kind: .revision, dueBy: Period(year: 2026)))
        XCTAssertEqual(found.map(\.id), ["europol-mandate-revision"])
        XCTAssertEqual(try s.actions(), s.actionList())
        XCTAssertEqual(try s.actions(query: ActionQuery()), s.actionList())
        let newYear = DateComponents(year: 2027, month: 1, day: 1)
        let overdue = try s.actions(query: ActionQuery(progress: .overdue, asOf: newYear))
        XCTAssertFalse(overdue.isEmpty)
        let utc = Calendar.utc
        XCTAssertTrue(overdue.allSatisfy { a in
            a.timing.deadline.flatMap { utc.date(from: $0) }.map { $0 < utc.date(from: newYear)! } ?? false
        })
        let h2 = Period(year: 2026, half: 2)
        let encryption = try s.actions(query: ActionQuery(dueIn: h2, text: "encryption"))
        XCTAssertFalse(encryption.isEmpty)
        XCTAssertTrue(try encryption.allSatisfy { a in try a.timing.deadline.map { try h2.contains(date: $0) } ?? false })
        let proposed = try s.actions(query: ActionQuery(lead: "commission", status: .proposed))
        XCTAssertTrue(!proposed.isEmpty && proposed.allSatisfy { $0.status == .proposed })
        XCTAssertFalse(try s.actions(query: ActionQuery(section: "drugs", theme: "drug-trafficking")).isEmpty)
        _ = try s.actions(query: ActionQuery(threat: "terrorism", objective: s.objectives()[0].id))
        XCTAssertFalse(try s.actions(query: ActionQuery(instrument: "europol-regulation")).isEmpty)
    }

    func testSearchRanksHitsAndHonoursTheLimit() {
        let hits = s.search(text: "EUROPOL", limit: 3)
        XCTAssertEqual(hits.count, 3)
        XCTAssertEqual(hits.first?.kind, .actor)
        XCTAssertEqual(hits.first?.id, "europol")
        XCTAssertTrue(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        XCTAssertLessThanOrEqual(s.search(text: "encryption").count, 10)
        XCTAssertTrue(s.search(text: "zzyzx", limit: 5).isEmpty)
    }

    func testTimelineGroupsActionsAndReadsStatusesOnADate() throws {
        let t = try s.timeline()
        XCTAssertEqual(t.asOf, s.asOf())
        XCTAssertEqual(t.groups.map(\.entries.count).reduce(0, +), s.actionList().count)
        let day = DateComponents(year: 2025, month: 4, day: 2)
        let early = try s.timeline(asOf: day)
        XCTAssertEqual(early.asOf, day)
        XCTAssertFalse(early.groups.flatMap(\.entries).contains { $0.progress == .overdue })
        // Dated groups carry their period (labelled with it), in order.
        let dated = t.groups.compactMap(\.period)
        XCTAssertEqual(t.groups.filter { $0.period != nil }.map(\.label), dated.map { "\($0)" })
        XCTAssertEqual(dated.sorted(), dated)
    }

    func testStatsCountEveryAction() {
        let st = s.stats()
        XCTAssertEqual(st.byKind.map(\.count).reduce(0, +), st.actions)
        XCTAssertEqual(st.byStatus.map(\.count).reduce(0, +), st.actions)
        XCTAssertFalse(st.bySection.isEmpty)
        XCTAssertTrue(st.byActor.contains { $0.key == "europol" })
    }

    func testNotFoundCarriesKindIdSuggestionAndDetails() throws {
        XCTAssertThrowsError(try s.action(id: "europol-mandate-revison")) { error in
            guard case let ProtectEuError.NotFound(kind, id, suggestion, details) = error else {
                return XCTFail("expected NotFound, got \(error)")
            }
            XCTAssertEqual(kind, .action)
            XCTAssertEqual(id, "europol-mandate-revison")
            XCTAssertEqual(suggestion, "europol-mandate-revision")
            XCTAssertEqual(
                details,
                "unknown action 'europol-mandate-revison'; did you mean 'europol-mandate-revision'?")
        }
        XCTAssertThrowsError(try s.actor(id: "quantum-teleportation")) { error in
            guard case let ProtectEuError.NotFound(_, _, suggestion, _) = error else {
                return XCTFail("expected NotFound, got \(error)")
            }
            XCTAssertNil(suggestion)
        }
        let lookups: [(String) throws -> Any] = [
            { try self.s.section(id: $0) }, { try self.s.objective(id: $0) },
            { try self.s.principle(id: $0) }, { try self.s.theme(id: $0) },
            { try self.s.threat(id: $0) }, { try self.s.instrument(id: $0) },
            { try self.s.document(id: $0) }, { try self.s.figure(id: $0) },
        ]
        for lookup in lookups {
            XCTAssertThrowsError(try lookup("no-such-id")) { error in
                guard case ProtectEuError.NotFound = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try s.actions(query: ActionQuery(actor: "europl"))) { error in
            guard case let ProtectEuError.NotFound(kind, _, suggestion, _) = error else {
                return XCTFail("expected NotFound, got \(error)")
            }
            XCTAssertEqual(kind, .actor)
            XCTAssertEqual(suggestion, "europol")
        }
    }

    func testInvalidArgumentsAreTypedErrors() {
        let calls: [() throws -> Any] = [
            { try self.s.actions(query: ActionQuery(dueIn: Period(year: 2026, quarter: 5))) },
            { try self.s.actions(query: ActionQuery(dueBy: Period(year: 2026, half: 1, quarter: 1))) },
            // A day that does not exist, and a date without a day.
            { try self.s.actions(query: ActionQuery(asOf: DateComponents(year: 2026, month: 2, day: 30))) },
            { try self.s.actions(query: ActionQuery(asOf: DateComponents(year: 2026, month: 2))) },
            { try parsePeriod(text: "2026-Q5") }, { try parsePeriod(text: "soon") },
            { try parseActionKind(text: "no-such-kind") }, { try parseStatus(text: "finished") },
            { try parseProgress(text: "late") }, { try parseExportFormat(text: "pdf") },
            { try parseEntityKind(text: "spaceships") },
        ]
        for call in calls {
            XCTAssertThrowsError(try call()) { error in
                guard case let ProtectEuError.InvalidArgument(details) = error else {
                    return XCTFail("expected InvalidArgument, got \(error)")
                }
                XCTAssertTrue(details.hasPrefix("invalid "), details)
            }
        }
    }

    func testBadDataRaisesAValidationErrorWithLocatedProblems() throws {
        let data = try Data(contentsOf: Paths.dataFile)
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var actions = try XCTUnwrap(root["actions"] as? [[String: Any]])
        actions[0]["lead"] = ["no-such-actor"]
        actions[1]["id"] = actions[2]["id"]
        root["actions"] = actions
        let bad = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted])
        let text = try XCTUnwrap(String(data: bad, encoding: .utf8))
        XCTAssertThrowsError(try Strategy.fromJson(text: text)) { error in
            guard case let ProtectEuError.Validation(problems, details) = error else {
                return XCTFail("expected Validation, got \(error)")
            }
            let rules = Set(problems.map(\.rule))
            XCTAssertTrue(rules.contains("unknown-reference"), "\(rules)")
            XCTAssertTrue(rules.contains("duplicate-id"), "\(rules)")
            let reference = problems.first { $0.rule == "unknown-reference" }
            XCTAssertEqual(reference?.file, "<string>")
            XCTAssertNotNil(reference?.line)
            XCTAssertTrue(details.hasPrefix("the data set has"), details)
        }
        XCTAssertThrowsError(try Strategy.fromJson(text: "{\"dataset\": ")) { error in
            guard case let ProtectEuError.Validation(problems, _) = error else {
                return XCTFail("expected Validation, got \(error)")
            }
            XCTAssertEqual(problems.first?.rule, "syntax")
        }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("protecteu-bad-\(ProcessInfo.processInfo.processIdentifier).json")
        try bad.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try Strategy.fromPath(path: file.path)) { error in
            guard case ProtectEuError.Validation = error else { return XCTFail("\(error)") }
        }
    }

    func testAnUnreadablePathIsAnIoError() {
        XCTAssertThrowsError(try Strategy.fromPath(path: "/no/such/protecteu.json")) { error in
            guard case let ProtectEuError.Io(path, details) = error else {
                return XCTFail("expected Io, got \(error)")
            }
            XCTAssertEqual(path, "/no/such/protecteu.json")
            XCTAssertTrue(details.contains("/no/such/protecteu.json"))
        }
    }
}
