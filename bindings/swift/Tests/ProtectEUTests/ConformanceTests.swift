import Foundation
import ProtectEU
import XCTest

/// Runs every vector of every `*.json` file in tests/conformance (see its README) against the
/// embedded model; a failing vector is reported under its file and name. The folder can be
/// overridden with $PROTECTEU_CONFORMANCE_DIR.
///
/// The vectors spell values as text; the API takes typed values, so the text is read with the
/// library's parsers (`parseStatus`, `parseExportFormat`, `parsePeriod`, ...) and dates become
/// `DateComponents`; a value the library rejects (`InvalidArgument`, also for a date that does
/// not exist) is the vectors' `invalid_argument`.
final class ConformanceTests: XCTestCase {
    func testEveryVectorOfEveryFile() throws {
        let s = try Strategy.embedded()
        let files = try FileManager.default
            .contentsOfDirectory(at: Paths.conformance, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertFalse(files.isEmpty, "no conformance vector files in \(Paths.conformance.path)")
        var ran = 0
        var failed = 0
        for file in files {
            let doc = try XCTUnwrap(
                JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            let vectors = try XCTUnwrap(doc["vectors"] as? [[String: Any]], "\(file.lastPathComponent): no vectors")
            XCTAssertFalse(vectors.isEmpty, "\(file.lastPathComponent): no vectors")
            for v in vectors {
                let name = "\(file.lastPathComponent)/\(v["name"] as? String ?? "?")"
                ran += 1
                let expect = try normalized(v["expect"] as? [String: Any] ?? [:])
                let got: NSDictionary
                do {
                    got = try normalized(run(s, v))
                } catch {
                    failed += 1
                    XCTFail("\(name): \(error)")
                    continue
                }
                if !expect.isEqual(got) {
                    failed += 1
                    XCTFail("\(name): expected \(expect), got \(got)")
                }
            }
        }
        print("swift conformance: \(ran - failed) vectors passed, \(failed) failed, in \(files.count) file(s)")
    }

    /// The vector's answer in the `expect` format; errors of the FFI become answers too.
    private func run(_ s: Strategy, _ v: [String: Any]) throws -> [String: Any] {
        do {
            switch v["op"] as? String {
            case "actions":
                let f = v["filter"] as? [String: Any] ?? [:]
                return ["ids": try s.actions(query: query(f)).map(\.id)]
            case "search":
                let text = v["text"] as? String ?? ""
                let limit = (v["limit"] as? NSNumber)?.uint32Value ?? 10
                return ["hits": s.search(text: text, limit: limit).map { "\($0.kind)/\($0.id)" }]
            case "get":
                return ["id": try get(s, v["kind"] as? String ?? "", v["id"] as? String ?? "")]
            case "timeline":
                let progress = try parseProgress(text: v["progress"] as? String ?? "")
                let ids = try s.timeline(asOf: (v["as_of"] as? String).map(isoDate)).groups
                    .flatMap(\.entries)
                    .filter { $0.progress == progress }
                    .map(\.action.id)
                return ["ids": ids]
            case "stats":
                let st = s.stats()
                return [
                    "actions": Int(st.actions),
                    "by_kind": Dictionary(uniqueKeysWithValues: st.byKind.map { ($0.key, Int($0.count)) }),
                    "by_status": Dictionary(uniqueKeysWithValues: st.byStatus.map { ($0.key, Int($0.count)) }),
                ]
            case "export":
                return try export(s, v)
            case "overlay":
                return try overlay(s, v)
            case "sources":
                let rows = s.sourceUsage(kind: try (v["kind"] as? String).map { try parseEntityKind(text: $0) })
                return ["sources": rows.map {
                    ["id": $0.source.id, "class": "\($0.source.publisherClass)",
                     "levels": $0.levels.map { "\($0)" }, "facts": $0.facts] as [String: Any]
                }]
            case "citations":
                let kind = try parseEntityKind(text: v["kind"] as? String ?? "")
                let found = try s.citations(kind: kind, id: v["id"] as? String ?? "")
                return ["citations": found.map {
                    ["field": $0.field, "source": $0.source, "locator": $0.locator ?? NSNull(),
                     "verification": "\($0.verification)"] as [String: Any]
                }]
            case "fingerprint":
                // Compared with the reference script's hashlib SHA-256 of the canonical JSON.
                return ["fingerprint": s.fingerprint()]
            case "coverage":
                return coverage(s)
            case let op:
                throw Unsupported(what: "op \(op ?? "nil")")
            }
        } catch let ProtectEuError.NotFound(kind, id, suggestion, _) {
            return ["error": "not_found", "kind": "\(kind)", "id": id, "suggestion": suggestion ?? NSNull()]
        } catch ProtectEuError.InvalidArgument {
            return ["error": "invalid_argument"]
        } catch let ProtectEuError.Validation(problems, _) {
            return ["error": "validation", "codes": Array(Set(problems.map(\.rule))).sorted()]
        }
    }

    /// The `export` op: `kind/id` of every JSON Lines line, or a CSV table's header and ids.
    private func levels(_ list: [LevelCount], _ uncited: UInt64) -> [String: Any] {
        var out: [String: Any] = ["uncited": Int(uncited)]
        for l in list { out["\(l.level)"] = Int(l.actions) }
        return out
    }

    private func coverage(_ s: Strategy) -> [String: Any] {
        let c = s.coverage()
        let rows: [[String: Any]] = c.sections.map {
            ["section": $0.section, "key_actions_box": "\($0.keyActionsBox)",
             "key_actions_box_level": $0.keyActionsBoxLevel.map { "\($0)" } ?? NSNull(),
             "actions": Int($0.actions), "best_level": levels($0.bestLevel, $0.uncited),
             "with_status_events": Int($0.withStatusEvents),
             "with_evidence_document": Int($0.withEvidenceDocument),
             "status_events": Int($0.statusEvents), "newest_event": $0.newestEvent.map(iso) ?? NSNull()]
        }
        let t = c.total
        let total: [String: Any] = [
            "as_of": iso(t.asOf), "sections": Int(t.sections), "chapters": Int(t.chapters),
            "chapters_box_seen_whole": Int(t.chaptersBoxSeenWhole),
            "chapters_box_seen_in_part": Int(t.chaptersBoxSeenInPart),
            "chapters_box_not_seen": Int(t.chaptersBoxNotSeen),
            "titles_confirmed": Int(t.titlesConfirmed), "actions": Int(t.actions),
            "best_level": levels(t.bestLevel, t.uncited),
            "with_status_events": Int(t.withStatusEvents),
            "with_evidence_document": Int(t.withEvidenceDocument),
            "status_events": Int(t.statusEvents), "newest_event": t.newestEvent.map(iso) ?? NSNull(),
        ]
        return ["sections": rows, "total": total]
    }

    private func export(_ s: Strategy, _ v: [String: Any]) throws -> [String: Any] {
        let format = try parseExportFormat(text: v["format"] as? String ?? "")
        let kind = try (v["kind"] as? String).map { try parseEntityKind(text: $0) }
        let text = try s.export(format: format, kind: kind)
        switch format {
        case .jsonl:
            let lines = try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
                line -> String in
                guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let kind = o["kind"] as? String
                else { throw Unsupported(what: "JSON Lines line \(line)") }
                if let id = o["id"] as? String { return "\(kind)/\(id)" }
                return kind
            }
            return ["lines": lines]
        case .csv:
            let rows = csvRows(text)
            guard let header = rows.first else { throw Unsupported(what: "empty CSV") }
            return ["columns": header, "ids": rows.dropFirst().map { $0.first ?? "" }]
        default:
            throw Unsupported(what: "export format \(format)")
        }
    }

    /// RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. Read by
    /// Unicode scalar, since Swift takes "\r\n" for one Character.
    private func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" && i + 1 < scalars.count && scalars[i + 1] == "\"" {
                    cell.append(c)
                    i += 1
                } else if c == "\"" {
                    quoted = false
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(String(cell))
                cell = String.UnicodeScalarView()
            } else if c == "\n" {
                row.append(String(cell))
                cell = String.UnicodeScalarView()
                rows.append(row)
                row = []
            } else if c != "\r" {
                cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(String(cell))
            rows.append(row)
        }
        return rows
    }

    /// The `overlay` op: the changes (grouped by kind in canonical order) and the diff.
    private func overlay(_ s: Strategy, _ v: [String: Any]) throws -> [String: Any] {
        let merged = try s.withOverlayText(
            text: v["text"] as? String ?? "", name: v["file"] as? String ?? "overlay.toml")
        // Canonical kind order is the enum's order; nil (the dataset table) first.
        let rank = { (kind: EntityKind?) in kind.flatMap { EntityKind.allCases.firstIndex(of: $0) } ?? -1 }
        // A stable sort: by rank, then by position in the overlay.
        let changes = merged.overlayChanges().enumerated()
            .sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }
            .map { c -> [String: Any] in
                ["change": "\(c.element.change)", "kind": c.element.kind.map { "\($0)" } ?? NSNull(),
                 "id": c.element.id]
            }
        var added: [String] = []
        var removed: [String] = []
        var changed: [String] = []
        var fields: [String: [String]] = [:]
        for k in s.diff(newer: merged).kinds {
            added += k.added.map { "\(k.kind)/\($0.id)" }
            removed += k.removed.map { "\(k.kind)/\($0.id)" }
            for c in k.changed {
                changed.append("\(k.kind)/\(c.id)")
                fields["\(k.kind)/\(c.id)"] = c.fields.map(\.field).sorted()
            }
        }
        return [
            "changes": changes,
            "diff": ["added": added, "removed": removed, "changed": changed, "changed_fields": fields],
        ]
    }

    /// The answer as JSONSerialization would read it, to compare like with like.
    private func normalized(_ answer: [String: Any]) throws -> NSDictionary {
        let data = try JSONSerialization.data(withJSONObject: answer)
        guard let dict = try JSONSerialization.jsonObject(with: data) as? NSDictionary else {
            throw Unsupported(what: "answer \(answer)")
        }
        return dict
    }

    private struct Unsupported: Error { let what: String }

    private func query(_ f: [String: Any]) throws -> ActionQuery {
        let known: Set = [
            "section", "theme", "threat", "actor", "lead", "objective", "kind", "status",
            "progress", "as_of", "due_by", "due_in", "instrument", "text",
        ]
        let unknown = Set(f.keys).subtracting(known)
        if !unknown.isEmpty { throw Unsupported(what: "filter fields \(unknown.sorted())") }
        func str(_ key: String) -> String? {
            switch f[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        return ActionQuery(
            section: str("section"), theme: str("theme"), threat: str("threat"),
            actor: str("actor"), lead: str("lead"), objective: str("objective"),
            kind: try str("kind").map { try parseActionKind(text: $0) },
            status: try str("status").map { try parseStatus(text: $0) },
            progress: try str("progress").map { try parseProgress(text: $0) },
            asOf: try str("as_of").map(isoDate),
            dueBy: try str("due_by").map { try parsePeriod(text: $0) },
            dueIn: try str("due_in").map { try parsePeriod(text: $0) },
            instrument: str("instrument"), text: str("text"))
    }

    /// A day as ISO text (`2026-06-30`), as the vectors spell it.
    private func iso(_ day: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }

    /// `2026-06-30` as `DateComponents`; whether the day exists is for the library to say.
    private func isoDate(_ text: String) throws -> DateComponents {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw Unsupported(what: "date \(text)") }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }

    private func get(_ s: Strategy, _ kind: String, _ id: String) throws -> String {
        switch kind {
        case "action": return try s.action(id: id).id
        case "actor": return try s.actor(id: id).id
        case "instrument": return try s.instrument(id: id).id
        case "section": return try s.section(id: id).id
        case "theme": return try s.theme(id: id).id
        case "threat": return try s.threat(id: id).id
        case "objective": return try s.objective(id: id).id
        case "principle": return try s.principle(id: id).id
        case "document": return try s.document(id: id).id
        case "figure": return try s.figure(id: id).id
        case "source": return try s.source(id: id).id
        default: throw Unsupported(what: "kind \(kind)")
        }
    }
}
