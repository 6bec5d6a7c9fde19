package eu.protecteu

import java.io.File
import java.time.DateTimeException
import java.time.LocalDate
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicContainer
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * Runs every vector of every `*.json` file in `tests/conformance` (see its README) against the
 * embedded model: one dynamic test per vector. The folder can be overridden with
 * `-Dprotecteu.conformance.dir=...`.
 *
 * The vectors spell values as text; the API takes typed values, so the text is read with the
 * library's parsers (`parseStatus`, `parseExportFormat`, `parsePeriod`, ...; their
 * `InvalidArgument` is the vectors' `invalid_argument`) and dates with `LocalDate.parse`
 * (a date that does not exist cannot be made, which is the vectors' `invalid_argument` too).
 */
class ConformanceTest {
    companion object {
        val s: Strategy = Strategy.embedded()

        @JvmStatic
        @AfterAll
        fun close() = s.close()
    }

    @TestFactory
    fun vectors(): List<DynamicContainer> {
        val dir = File(System.getProperty("protecteu.conformance.dir"))
        val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
        assertTrue(files.isNotEmpty(), "no conformance vector files in $dir")
        return files.map { file ->
            val vectors = JSONObject(file.readText()).getJSONArray("vectors")
            assertTrue(vectors.length() > 0, "no vectors in $file")
            DynamicContainer.dynamicContainer(
                file.name,
                (0 until vectors.length()).map { i ->
                    val v = vectors.getJSONObject(i)
                    DynamicTest.dynamicTest(v.getString("name")) { run(v) }
                },
            )
        }
    }

    private fun run(v: JSONObject) {
        val expect = v.getJSONObject("expect")
        val result: Any = try {
            when (val op = v.getString("op")) {
                "actions" -> ids(s.actions(query(v.getJSONObject("filter"))).map { it.id })
                "search" -> JSONObject().put(
                    "hits",
                    JSONArray(s.search(v.getString("text"), v.getInt("limit").toUInt()).map { "${it.kind}/${it.id}" }),
                )
                "get" -> JSONObject().put("id", get(v.getString("kind"), v.getString("id")))
                "timeline" -> {
                    val progress = parseProgress(v.getString("progress"))
                    ids(
                        s.timeline(optString(v, "as_of")?.let(LocalDate::parse)).groups
                            .flatMap { it.entries }
                            .filter { it.progress == progress }
                            .map { it.action.id },
                    )
                }
                "stats" -> {
                    val st = s.stats()
                    JSONObject()
                        .put("actions", st.actions.toLong())
                        .put("by_kind", JSONObject(st.byKind.associate { it.key to it.count.toLong() }))
                        .put("by_status", JSONObject(st.byStatus.associate { it.key to it.count.toLong() }))
                }
                "export" -> export(v)
                "overlay" -> overlay(v)
                "sources" -> JSONObject().put(
                    "sources",
                    JSONArray(
                        s.sourceUsage(optString(v, "kind")?.let(::parseEntityKind)).map {
                            JSONObject()
                                .put("id", it.source.id)
                                .put("class", it.source.publisherClass.toString())
                                .put("levels", JSONArray(it.levels.map { l -> l.toString() }))
                                .put("facts", it.facts.toLong())
                        },
                    ),
                )
                "citations" -> JSONObject().put(
                    "citations",
                    JSONArray(
                        s.citations(parseEntityKind(v.getString("kind")), v.getString("id")).map {
                            JSONObject()
                                .put("field", it.field)
                                .put("source", it.source)
                                .put("locator", it.locator ?: JSONObject.NULL)
                                .put("verification", it.verification.toString())
                        },
                    ),
                )
                // Compared with the reference script's hashlib SHA-256 of the canonical JSON.
                "fingerprint" -> JSONObject().put("fingerprint", s.fingerprint())
                "coverage" -> coverage()
                else -> fail("unknown op '$op'")
            }
        } catch (e: ProtectEuException.NotFound) {
            JSONObject()
                .put("error", "not_found")
                .put("kind", e.kind.toString())
                .put("id", e.id)
                .put("suggestion", e.suggestion ?: JSONObject.NULL)
        } catch (e: ProtectEuException.InvalidArgument) {
            JSONObject().put("error", "invalid_argument")
        } catch (e: DateTimeException) {
            JSONObject().put("error", "invalid_argument")
        } catch (e: ProtectEuException.Validation) {
            JSONObject()
                .put("error", "validation")
                .put("codes", JSONArray(e.problems.map { it.rule }.toSortedSet().toList()))
        }
        assertTrue(
            expect.similar(result),
            "${v.getString("name")}: expected $expect, got $result",
        )
    }

    private fun levels(list: List<LevelCount>, uncited: ULong): JSONObject {
        val o = JSONObject()
        list.forEach { o.put(it.level.toString(), it.actions.toLong()) }
        return o.put("uncited", uncited.toLong())
    }

    private fun coverage(): JSONObject {
        val c = s.coverage()
        val rows = c.sections.map {
            JSONObject()
                .put("section", it.section)
                .put("key_actions_box", it.keyActionsBox.toString())
                .put("key_actions_box_level", it.keyActionsBoxLevel?.toString() ?: JSONObject.NULL)
                .put("actions", it.actions.toLong())
                .put("best_level", levels(it.bestLevel, it.uncited))
                .put("with_status_events", it.withStatusEvents.toLong())
                .put("with_evidence_document", it.withEvidenceDocument.toLong())
                .put("status_events", it.statusEvents.toLong())
                .put("newest_event", it.newestEvent?.toString() ?: JSONObject.NULL)
        }
        val t = c.total
        val total = JSONObject()
            .put("as_of", t.asOf.toString())
            .put("sections", t.sections.toLong())
            .put("chapters", t.chapters.toLong())
            .put("chapters_box_seen_whole", t.chaptersBoxSeenWhole.toLong())
            .put("chapters_box_seen_in_part", t.chaptersBoxSeenInPart.toLong())
            .put("chapters_box_not_seen", t.chaptersBoxNotSeen.toLong())
            .put("titles_confirmed", t.titlesConfirmed.toLong())
            .put("actions", t.actions.toLong())
            .put("best_level", levels(t.bestLevel, t.uncited))
            .put("with_status_events", t.withStatusEvents.toLong())
            .put("with_evidence_document", t.withEvidenceDocument.toLong())
            .put("status_events", t.statusEvents.toLong())
            .put("newest_event", t.newestEvent?.toString() ?: JSONObject.NULL)
        return JSONObject().put("sections", JSONArray(rows)).put("total", total)
    }

    private fun ids(list: List<String>) = JSONObject().put("ids", JSONArray(list))

    private fun optString(v: JSONObject, key: String): String? =
        if (v.has(key) && !v.isNull(key)) v.getString(key) else null

    /** The `export` op: `kind/id` of every JSON Lines line, or a CSV table's header and ids. */
    private fun export(v: JSONObject): JSONObject {
        val format = parseExportFormat(v.getString("format"))
        val text = s.export(format, optString(v, "kind")?.let(::parseEntityKind))
        return when (format) {
            ExportFormat.JSONL -> JSONObject().put(
                "lines",
                JSONArray(
                    text.lines().filter { it.isNotBlank() }.map {
                        val o = JSONObject(it)
                        if (o.has("id")) "${o.getString("kind")}/${o.getString("id")}" else o.getString("kind")
                    },
                ),
            )
            ExportFormat.CSV -> {
                val rows = csvRows(text)
                JSONObject()
                    .put("columns", JSONArray(rows.first()))
                    .put("ids", JSONArray(rows.drop(1).map { it.first() }))
            }
            else -> fail("no conformance answer for export format '$format'")
        }
    }

    /** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
    private fun csvRows(text: String): List<List<String>> {
        val rows = mutableListOf<List<String>>()
        var row = mutableListOf<String>()
        val cell = StringBuilder()
        var quoted = false
        var i = 0
        while (i < text.length) {
            val c = text[i]
            when {
                quoted && c == '"' && i + 1 < text.length && text[i + 1] == '"' -> { cell.append('"'); i++ }
                quoted && c == '"' -> quoted = false
                quoted -> cell.append(c)
                c == '"' -> quoted = true
                c == ',' -> { row.add(cell.toString()); cell.setLength(0) }
                c == '\r' -> {}
                c == '\n' -> { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = mutableListOf() }
                else -> cell.append(c)
            }
            i++
        }
        if (cell.isNotEmpty() || row.isNotEmpty()) { row.add(cell.toString()); rows.add(row) }
        return rows
    }

    /** The `overlay` op: the changes (grouped by kind in canonical order) and the diff. */
    private fun overlay(v: JSONObject): JSONObject =
        s.withOverlayText(v.getString("text"), v.optString("file", "overlay.toml")).use { merged ->
            val changes = merged.overlayChanges()
                // Grouped by kind in canonical order (the enum's order); the dataset table first.
                .sortedBy { it.kind?.ordinal ?: -1 }
                .map {
                    JSONObject()
                        .put("change", it.change.toString())
                        .put("kind", it.kind?.toString() ?: JSONObject.NULL)
                        .put("id", it.id)
                }
            val added = mutableListOf<String>()
            val removed = mutableListOf<String>()
            val changed = mutableListOf<String>()
            val fields = JSONObject()
            for (k in s.diff(merged).kinds) {
                added += k.added.map { "${k.kind}/${it.id}" }
                removed += k.removed.map { "${k.kind}/${it.id}" }
                for (c in k.changed) {
                    changed += "${k.kind}/${c.id}"
                    fields.put("${k.kind}/${c.id}", JSONArray(c.fields.map { it.field }.sorted()))
                }
            }
            JSONObject()
                .put("changes", JSONArray(changes))
                .put(
                    "diff",
                    JSONObject()
                        .put("added", JSONArray(added))
                        .put("removed", JSONArray(removed))
                        .put("changed", JSONArray(changed))
                        .put("changed_fields", fields),
                )
        }

    private fun query(f: JSONObject): ActionQuery {
        val known = setOf(
            "section", "theme", "threat", "actor", "lead", "objective", "kind", "status",
            "progress", "as_of", "due_by", "due_in", "instrument", "text",
        )
        val unknown = f.keySet() - known
        assertTrue(unknown.isEmpty(), "unknown filter fields $unknown")
        fun str(key: String): String? = if (f.has(key) && !f.isNull(key)) f.get(key).toString() else null
        return ActionQuery(
            section = str("section"), theme = str("theme"), threat = str("threat"),
            actor = str("actor"), lead = str("lead"), objective = str("objective"),
            kind = str("kind")?.let(::parseActionKind), status = str("status")?.let(::parseStatus),
            progress = str("progress")?.let(::parseProgress), asOf = str("as_of")?.let(LocalDate::parse),
            dueBy = str("due_by")?.let(::parsePeriod), dueIn = str("due_in")?.let(::parsePeriod),
            instrument = str("instrument"), text = str("text"),
        )
    }

    private fun get(kind: String, id: String): String = when (kind) {
        "action" -> s.action(id).id
        "actor" -> s.actor(id).id
        "instrument" -> s.instrument(id).id
        "section" -> s.section(id).id
        "theme" -> s.theme(id).id
        "threat" -> s.threat(id).id
        "objective" -> s.objective(id).id
        "principle" -> s.principle(id).id
        "document" -> s.document(id).id
        "figure" -> s.figure(id).id
        "source" -> s.source(id).id
        else -> fail("unknown kind '$kind'")
    }
}
