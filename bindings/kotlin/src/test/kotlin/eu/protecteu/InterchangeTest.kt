package eu.protecteu

import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.nio.file.Files
import java.time.LocalDate

/** Exports, overlays and diffs: every interchange method of `Strategy`, with its errors. */
class InterchangeTest {
    companion object {
        val s: Strategy = Strategy.embedded()

        /** A new action, in the shape of the data files' actions, with its source. */
        const val NEW_ACTION = """
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

        /** An amendment of an existing action: a new title, with a source. */
        const val AMENDMENT = """
[[actions]]
id = "eu-ports-strategy"
amends = true
title = "EU Ports Strategy (amended)"

[[actions.citations]]
source = "dg-home-internal-security-page"
fields = ["title"]
verification = "official_summary"
"""

        /** Notes on an instrument and a document, another number, a provisional agreement. */
        const val NEW_FIELDS = """
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

        @JvmStatic
        @AfterAll
        fun close() = s.close()
    }

    private fun entityCount(st: Strategy): Int =
        st.objectives().size + st.principles().size + st.sections().size + st.themes().size +
            st.threats().size + st.actionList().size + st.actors().size + st.instruments().size +
            st.documents().size + st.figures().size + st.sources().size

    @Test
    fun `export of each format`() {
        val actions = s.export(ExportFormat.JSONL, EntityKind.ACTION).trimEnd().lines()
        assertEquals(s.actionList().size, actions.size)
        assertTrue(actions.all { JSONObject(it).getString("kind") == "action" })
        // The whole model: a line for the dataset table, one for the strategy, one per entity.
        assertEquals(entityCount(s) + 2, s.export(ExportFormat.JSONL).trimEnd().lines().size)
        assertTrue(s.export(ExportFormat.CSV, EntityKind.ACTION).startsWith("id,"))
        assertTrue(s.export(ExportFormat.CSV, EntityKind.ACTOR).startsWith("id,"))
        assertTrue(s.export(ExportFormat.TURTLE).isNotBlank())
        val jsonld = JSONObject(s.export(ExportFormat.JSONLD))
        assertTrue(jsonld.has("@context"))
        assertTrue(s.export(ExportFormat.MARKDOWN).isNotBlank())
        assertTrue(s.export(ExportFormat.DOT).startsWith("digraph"))
        assertTrue(s.export(ExportFormat.MERMAID).isNotBlank())
        // Every format exports (csv needs a table).
        for (f in ExportFormat.entries) {
            assertTrue(s.export(f, if (f == ExportFormat.CSV) EntityKind.THEME else null).isNotBlank(), "$f")
        }
        val json = s.export(ExportFormat.JSON)
        Strategy.fromJson(json).use { again -> assertEquals(s.actionList(), again.actionList()) }
    }

    @Test
    fun `export errors are invalid arguments`() {
        val format = assertThrows<ProtectEuException.InvalidArgument> { parseExportFormat("pdf") }
        assertTrue(format.details.startsWith("invalid format 'pdf'"), format.details)
        assertTrue("turtle" in format.details, format.details)
        val csv = assertThrows<ProtectEuException.InvalidArgument> { s.export(ExportFormat.CSV) }
        assertTrue("kind" in csv.details, csv.details)
        val kind = assertThrows<ProtectEuException.InvalidArgument> { parseEntityKind("widgets") }
        assertTrue(kind.details.startsWith("invalid kind 'widgets'"), kind.details)
        assertTrue("actions" in kind.details, kind.details)
        assertThrows<ProtectEuException.InvalidArgument> { s.export(ExportFormat.TURTLE, EntityKind.ACTION) }
        assertThrows<ProtectEuException.InvalidArgument> { s.exportFiles(ExportFormat.MARKDOWN, EntityKind.ACTION) }
    }

    @Test
    fun `export files of a csv export without a kind`() {
        val files = s.exportFiles(ExportFormat.CSV)
        val names = files.map { it.name }
        assertTrue("actions.csv" in names, names.toString())
        assertTrue("action_lead.csv" in names, names.toString())
        assertTrue(files.all { it.text.isNotEmpty() })
        assertEquals(listOf("protecteu.ttl"), s.exportFiles(ExportFormat.TURTLE).map { it.name })
        assertEquals(listOf("actors.csv"), s.exportFiles(ExportFormat.CSV, EntityKind.ACTOR).map { it.name })
    }

    @Test
    fun `an overlay adding an action is queried, listed and diffed`() {
        assertTrue(s.overlayChanges().isEmpty())
        s.withOverlayText(NEW_ACTION, "ports.toml").use { merged ->
            val found = merged.actions(ActionQuery(lead = "member-states", text = "port security"))
            assertTrue("national-port-security-plan" in found.map { it.id }, found.map { it.id }.toString())
            assertEquals(s.actionList().size + 1, merged.actionList().size)
            assertEquals(
                listOf(
                    OverlayChange(
                        change = ChangeKind.ADDED, kind = EntityKind.ACTION, id = "national-port-security-plan",
                        file = "ports.toml", replaced = listOf(), statusEventsAdded = 0uL, sourcesAdded = 0uL,
                    ),
                ),
                merged.overlayChanges(),
            )
            val d = s.diff(merged)
            assertFalse(d.isEmpty)
            assertEquals(s.datasetVersion(), d.oldVersion)
            assertEquals(listOf(EntityKind.ACTION), d.kinds.map { it.kind })
            assertEquals(
                listOf(EntityRef("national-port-security-plan", "National port security plan")),
                d.kinds[0].added,
            )
            assertTrue(d.kinds[0].removed.isEmpty() && d.kinds[0].changed.isEmpty())
            assertEquals(1, merged.diff(s).kinds[0].removed.size)
            assertTrue("+ national-port-security-plan" in s.diffText(merged))
            val json = JSONObject(s.diffJson(merged))
            assertEquals(
                "national-port-security-plan",
                json.getJSONArray("kinds").getJSONObject(0).getJSONArray("added").getJSONObject(0).getString("id"),
            )
        }
    }

    @Test
    fun `a reused id without amends is a validation error naming it`() {
        val e = assertThrows<ProtectEuException.Validation> {
            s.withOverlayText(AMENDMENT.replace("amends = true", ""), "dup.toml")
        }
        val dup = e.problems.first { it.rule == "duplicate-id" }
        assertEquals("eu-ports-strategy", dup.id)
        assertEquals("dup.toml", dup.file)
        assertNotNull(dup.line)
        assertTrue("eu-ports-strategy" in e.details, e.details)
    }

    @Test
    fun `every problem of the merged data set is reported`() {
        val bad = NEW_ACTION.replace("[\"member-states\"]", "[\"no-such-actor\"]")
            .replace("section = \"drugs\"", "section = \"no-such-section\"")
        val e = assertThrows<ProtectEuException.Validation> { s.withOverlayText(bad, "bad.toml") }
        assertTrue(e.problems.count { it.rule == "unknown-reference" } >= 2, e.details)
        assertTrue(e.problems.all { it.file == "bad.toml" }, e.details)
    }

    @Test
    fun `an amendment is a field change in the diff`() {
        s.withOverlayText(AMENDMENT).use { amended ->
            val c = amended.overlayChanges().single()
            assertEquals(ChangeKind.AMENDED, c.change)
            assertEquals("amended", c.change.toString())
            assertEquals(EntityKind.ACTION, c.kind)
            assertEquals("eu-ports-strategy", c.id)
            assertEquals("overlay.toml", c.file)
            assertEquals(listOf("title"), c.replaced)
            assertEquals(1uL, c.sourcesAdded)
            assertEquals(0uL, c.statusEventsAdded)
            val change = s.diff(amended).kinds.single().changed.single()
            assertEquals("eu-ports-strategy", change.id)
            assertNull(change.renamedFrom)
            val title = change.fields.first { it.field == "title" }
            assertEquals("\"EU Ports Strategy\"", title.oldJson)
            assertEquals("\"EU Ports Strategy (amended)\"", title.newJson)
            assertTrue(change.fields.any { it.field == "citations" })
            assertTrue("~ eu-ports-strategy" in s.diffText(amended))
            // Overlays stack, and their changes accumulate.
            amended.withOverlayText(NEW_ACTION, "ports.toml").use { both ->
                assertEquals(
                    listOf("eu-ports-strategy", "national-port-security-plan"),
                    both.overlayChanges().map { it.id },
                )
            }
        }
    }

    @Test
    fun `with overlay reads a file, and an unreadable one is an io error`() {
        val dir = Files.createTempDirectory("protecteu-overlay")
        val file = dir.resolve("ports.toml").toFile().apply { writeText(NEW_ACTION) }
        try {
            s.withOverlay(file.path).use { merged ->
                assertEquals(s.actionList().size + 1, merged.actionList().size)
                assertEquals(ChangeKind.ADDED, merged.overlayChanges().single().change)
            }
            s.withOverlay(dir.toString()).use { merged ->
                assertEquals(1, merged.overlayChanges().size)
            }
        } finally {
            file.delete()
            Files.delete(dir)
        }
        val e = assertThrows<ProtectEuException.Io> { s.withOverlay("/no/such/overlay.toml") }
        assertEquals("/no/such/overlay.toml", e.path)
    }

    @Test
    fun `a diff with itself is empty`() {
        val d = s.diff(s)
        assertTrue(d.isEmpty)
        assertTrue(d.kinds.isEmpty() && d.dataset.isEmpty())
        assertEquals(d.oldVersion, d.newVersion)
        assertTrue("no differences" in s.diffText(s))
        assertTrue(JSONObject(s.diffJson(s)).getJSONArray("kinds").isEmpty)
    }

    @Test
    fun `records carry notes, other numbers and the provisional agreement status`() {
        s.withOverlayText(NEW_FIELDS, "fields.toml").use { m ->
            assertEquals("An example note on the instrument.", m.instrument("europol-regulation").notes)
            val d = m.document("com-2025-148")
            assertEquals(listOf("SWD(2025) 999 final"), d.otherNumbers)
            assertEquals("An example note on the document.", d.notes)
            val a = m.action("europol-mandate-revision")
            assertEquals(Status.PROVISIONAL_AGREEMENT, a.status)
            assertEquals(ActionProgress.DELIVERED, a.progress)
            val event = a.statusHistory.last()
            assertEquals(LocalDate.of(2026, 6, 29), event.date)
            assertEquals(Status.PROVISIONAL_AGREEMENT, event.status)
            val agreed = m.actions(ActionQuery(status = Status.PROVISIONAL_AGREEMENT)).map { it.id }
            assertTrue("europol-mandate-revision" in agreed, agreed.toString())
            // Read before the agreement, the action is not yet agreed.
            val before = m.actions(ActionQuery(status = Status.PROVISIONAL_AGREEMENT, asOf = LocalDate.of(2026, 6, 28)))
            assertFalse("europol-mandate-revision" in before.map { it.id })
            val c = m.overlayChanges().associateBy { it.kind }
            assertEquals(setOf(EntityKind.ACTION, EntityKind.INSTRUMENT, EntityKind.DOCUMENT), c.keys)
            assertEquals(1uL, c.getValue(EntityKind.ACTION).statusEventsAdded)
            assertEquals(listOf("notes"), c.getValue(EntityKind.INSTRUMENT).replaced)
        }
    }
}
