package eu.protecteu

import java.io.File
import java.nio.file.Files
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import uniffi.protecteu_ffi.ActionQuery
import uniffi.protecteu_ffi.ProtectEuException
import uniffi.protecteu_ffi.Strategy

/** Every method of the generated `Strategy` and every error variant, on the embedded data. */
class StrategyTest {
    companion object {
        val s: Strategy = Strategy.embedded()
        val dataFile: String = System.getProperty("protecteu.data.file")

        @JvmStatic
        @AfterAll
        fun close() = s.close()
    }

    @Test
    fun `provenance - registry, citations and a pinned fingerprint`() {
        val f = s.fingerprint()
        assertEquals(64, f.length)
        // The same data read from the canonical JSON file has the same fingerprint.
        Strategy.fromJson(File(dataFile).readText()).use { assertEquals(f, it.fingerprint()) }
        s.expectFingerprint(f.uppercase())
        val e = assertThrows<ProtectEuException.FingerprintMismatch> { s.expectFingerprint("0".repeat(64)) }
        assertEquals("0".repeat(64), e.expected)
        assertEquals(f, e.actual)
        assertTrue(e.details.contains(f))
        val rows = s.sourceUsage(null)
        assertEquals(s.sources().size, rows.size)
        assertTrue(rows.all { it.facts > 0uL && it.source.publisherClass.isNotEmpty() })
        val fields = s.citations("action", "lawful-access-roadmap").map { it.field }
        assertTrue(fields.containsAll(listOf("lead", "timing", "status[0]")), "$fields")
        assertThrows<ProtectEuException.NotFound> { s.citations("action", "no-such-action") }
        assertThrows<ProtectEuException.InvalidArgument> { s.sourceUsage("spaceships") }
        assertEquals(rows.first().source, s.source(rows.first().source.id))
    }

    @Test
    fun `constructors load the same model`() {
        Strategy().use { primary -> assertEquals(s.actionList().size, primary.actionList().size) }
        Strategy.fromPath(dataFile).use { fromFile ->
            assertEquals(s.actionList(), fromFile.actionList())
            assertEquals(s.datasetVersion(), fromFile.datasetVersion())
        }
        Strategy.fromJson(File(dataFile).readText()).use { fromText ->
            assertEquals(s.stats(), fromText.stats())
        }
    }

    @Test
    fun `dataset version, as-of date and info`() {
        assertTrue(Regex("""\d+\.\d+\.\d+""").matches(s.datasetVersion()))
        assertTrue(Regex("""\d{4}-\d{2}-\d{2}""").matches(s.asOf()))
        val info = s.info()
        assertEquals("COM(2025) 148 final", info.documentNumber)
        assertEquals("2025-04-01", info.date)
    }

    @Test
    fun `lists of every kind`() {
        val actions = s.actionList()
        assertEquals(s.stats().actions.toInt(), actions.size)
        assertTrue(actions.all { it.citations.isNotEmpty() })
        assertEquals(9, s.themes().size)
        assertTrue(s.actors().any { it.id == "europol" && it.abbreviation == "Europol" })
        assertTrue(s.sections().any { it.parent != null })
        assertTrue(s.objectives().isNotEmpty())
        assertTrue(s.principles().isNotEmpty())
        assertTrue(s.threats().isNotEmpty())
        assertTrue(s.instruments().isNotEmpty())
        assertTrue(s.documents().isNotEmpty())
        assertTrue(s.figures().isNotEmpty())
    }

    @Test
    fun `lookups of every kind`() {
        val a = s.action("europol-mandate-revision")
        assertEquals("revision", a.kind)
        assertTrue(a.lead.contains("commission"))
        assertTrue(a.statusHistory.isNotEmpty())
        assertEquals(a.statusHistory.last().status, a.status)
        assertNotNull(a.timing.deadline)
        assertEquals("eu_agency", s.actor("europol").kind)
        assertEquals("drugs", s.section("drugs").id)
        val objective = s.objectives().first()
        assertEquals(objective, s.objective(objective.id))
        val principle = s.principles().first()
        assertEquals(principle, s.principle(principle.id))
        assertEquals("cybercrime", s.theme("cybercrime").id)
        assertEquals("terrorism", s.threat("terrorism").id)
        val europol = s.instrument("europol-regulation")
        assertEquals(
            "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0794",
            europol.eurLexUrl,
        )
        val document = s.documents().first()
        assertEquals(document, s.document(document.id))
        val figure = s.figures().first()
        assertEquals(figure, s.figure(figure.id))
    }

    @Test
    fun `actions with a query, and the default query`() {
        val q = ActionQuery(actor = "europol", kind = "revision", dueBy = "2026")
        assertEquals(listOf("europol-mandate-revision"), s.actions(q).map { it.id })
        assertEquals(s.actionList(), s.actions())
        assertEquals(s.actionList(), s.actions(ActionQuery()))
        val overdue = s.actions(ActionQuery(progress = "overdue", asOf = "2027-01-01"))
        assertTrue(overdue.isNotEmpty())
        assertTrue(s.actions(ActionQuery(text = "encryption", dueIn = "2026-H2")).isNotEmpty())
        assertTrue(s.actions(ActionQuery(status = "proposed", lead = "commission")).isNotEmpty())
        assertTrue(s.actions(ActionQuery(section = "drugs", theme = "drug-trafficking")).isNotEmpty())
        assertTrue(s.actions(ActionQuery(threat = "terrorism", objective = s.objectives().first().id)).size >= 0)
        assertTrue(s.actions(ActionQuery(instrument = "europol-regulation")).isNotEmpty())
    }

    @Test
    fun `search ranks hits and honours the limit`() {
        val hits = s.search("EUROPOL", 3u)
        assertEquals(3, hits.size)
        assertEquals("actor", hits[0].kind)
        assertEquals("europol", hits[0].id)
        assertTrue(hits.zipWithNext().all { (a, b) -> a.score >= b.score })
        assertTrue(s.search("encryption").size <= 10)
        assertTrue(s.search("zzyzx", 5u).isEmpty())
    }

    @Test
    fun `search hits say which words matched, as code-point offsets`() {
        val hit = s.search("undersea cables", 3u)[0]
        assertEquals("subsea-cable-protection", hit.id)
        assertEquals("title", hit.field)
        val marked = hit.marks.map {
            val from = hit.excerpt.offsetByCodePoints(0, it.start.toInt())
            val to = hit.excerpt.offsetByCodePoints(0, it.end.toInt())
            hit.excerpt.substring(from, to)
        }
        assertEquals(listOf("subsea", "cables"), marked)
        assertEquals("europol", s.searchCorrection("Europool"))
        assertEquals(null, s.searchCorrection("europol"))
    }

    @Test
    fun `timeline groups actions and reads statuses on a date`() {
        val t = s.timeline()
        assertEquals(s.asOf(), t.asOf)
        assertEquals(s.actionList().size, t.groups.sumOf { it.entries.size })
        val early = s.timeline("2025-04-02")
        assertEquals("2025-04-02", early.asOf)
        assertFalse(early.groups.flatMap { it.entries }.any { it.progress == "overdue" })
    }

    @Test
    fun `stats count every action`() {
        val st = s.stats()
        assertEquals(st.actions, st.byKind.sumOf { it.count })
        assertEquals(st.actions, st.byStatus.sumOf { it.count })
        assertTrue(st.bySection.isNotEmpty())
        assertEquals("europol" in st.byActor.map { it.key }, true)
    }

    @Test
    fun `not found carries kind, id, suggestion and readable details`() {
        val e = assertThrows<ProtectEuException.NotFound> { s.action("europol-mandate-revison") }
        assertEquals("action", e.kind)
        assertEquals("europol-mandate-revison", e.id)
        assertEquals("europol-mandate-revision", e.suggestion)
        assertEquals(
            "unknown action 'europol-mandate-revison'; did you mean 'europol-mandate-revision'?",
            e.details,
        )
        val none = assertThrows<ProtectEuException.NotFound> { s.actor("quantum-teleportation") }
        assertNull(none.suggestion)
        for (lookup in listOf<(String) -> Any>(
            s::section, s::objective, s::principle, s::theme, s::threat, s::instrument, s::document, s::figure,
        )) {
            assertThrows<ProtectEuException.NotFound> { lookup("no-such-id") }
        }
        val inQuery = assertThrows<ProtectEuException.NotFound> { s.actions(ActionQuery(actor = "europl")) }
        assertEquals("actor", inQuery.kind)
        assertEquals("europol", inQuery.suggestion)
    }

    @Test
    fun `invalid arguments are typed errors`() {
        for (q in listOf(
            ActionQuery(dueIn = "2026-Q5"),
            ActionQuery(dueBy = "soon"),
            ActionQuery(asOf = "2026-02-30"),
            ActionQuery(kind = "no-such-kind"),
            ActionQuery(status = "finished"),
            ActionQuery(progress = "late"),
        )) {
            val e = assertThrows<ProtectEuException.InvalidArgument> { s.actions(q) }
            assertTrue(e.details.startsWith("invalid "), e.details)
        }
        assertThrows<ProtectEuException.InvalidArgument> { s.timeline("yesterday") }
    }

    @Test
    fun `bad data raises a validation error with located problems`() {
        val data = JSONObject(File(dataFile).readText())
        val actions = data.getJSONArray("actions")
        actions.getJSONObject(0).put("lead", JSONArray(listOf("no-such-actor")))
        actions.getJSONObject(1).put("id", actions.getJSONObject(2).getString("id"))
        val e = assertThrows<ProtectEuException.Validation> { Strategy.fromJson(data.toString(2)) }
        val rules = e.problems.map { it.rule }.toSet()
        assertTrue("unknown-reference" in rules, rules.toString())
        assertTrue("duplicate-id" in rules, rules.toString())
        val reference = e.problems.first { it.rule == "unknown-reference" }
        assertEquals("<string>", reference.file)
        assertNotNull(reference.line)
        assertTrue(reference.display.contains("unknown-reference"))
        assertTrue(e.details.startsWith("the data set has"), e.details)

        val syntax = assertThrows<ProtectEuException.Validation> { Strategy.fromJson("{\"dataset\": ") }
        assertEquals("syntax", syntax.problems.first().rule)

        val dir = Files.createTempDirectory("protecteu-bad")
        val badFile = dir.resolve("bad.json").toFile().apply { writeText(data.toString()) }
        assertThrows<ProtectEuException.Validation> { Strategy.fromPath(badFile.path) }
        badFile.delete()
        Files.delete(dir)
    }

    @Test
    fun `an unreadable path is an io error`() {
        val e = assertThrows<ProtectEuException.Io> { Strategy.fromPath("/no/such/protecteu.json") }
        assertEquals("/no/such/protecteu.json", e.path)
        assertTrue(e.details.contains("/no/such/protecteu.json"))
    }
}
