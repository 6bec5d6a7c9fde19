package eu.protecteu

import java.io.File
import java.nio.file.Files
import java.time.DateTimeException
import java.time.LocalDate
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
        assertTrue(rows.all { it.facts > 0uL && it.levels.isNotEmpty() })
        // Official text only from EUR-Lex or an EU institution.
        assertTrue(
            rows.filter { Verification.OFFICIAL_TEXT in it.levels }
                .all { it.source.publisherClass in setOf(SourceClass.EUR_LEX, SourceClass.EU_INSTITUTION) },
        )
        val figures = s.sourceUsage(EntityKind.FIGURE)
        assertTrue(figures.isNotEmpty() && figures.size < rows.size)
        assertTrue(figures.all { EntityKind.FIGURE in it.kinds })
        val fields = s.citations(EntityKind.ACTION, "lawful-access-roadmap").map { it.field }
        assertTrue(fields.containsAll(listOf("lead", "timing", "status[0]")), "$fields")
        assertThrows<ProtectEuException.NotFound> { s.citations(EntityKind.ACTION, "no-such-action") }
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
        val info = s.info()
        assertEquals("COM(2025) 148 final", info.documentNumber)
        assertEquals(LocalDate.of(2025, 4, 1), info.date)
        assertTrue(s.asOf().isAfter(info.date), "${s.asOf()}")
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
        assertEquals(ActionKind.REVISION, a.kind)
        assertTrue(a.lead.contains("commission"))
        assertTrue(a.statusHistory.isNotEmpty())
        assertEquals(a.statusHistory.last().status, a.status)
        assertEquals(a.timing.period?.end(), a.timing.deadline)
        assertEquals(ActorKind.EU_AGENCY, s.actor("europol").kind)
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
        assertEquals(InstrumentType.REGULATION, europol.instrumentType)
        val document = s.documents().first()
        assertEquals(document, s.document(document.id))
        val figure = s.figures().first()
        assertEquals(figure, s.figure(figure.id))
    }

    @Test
    fun `actions with a query, and the default query`() {
        val q = ActionQuery(actor = "europol", kind = ActionKind.REVISION, dueBy = Period(2026))
        assertEquals(listOf("europol-mandate-revision"), s.actions(q).map { it.id })
        assertEquals(s.actionList(), s.actions())
        assertEquals(s.actionList(), s.actions(ActionQuery()))
        val overdue = s.actions(ActionQuery(progress = ActionProgress.OVERDUE, asOf = LocalDate.of(2027, 1, 1)))
        assertTrue(overdue.isNotEmpty())
        assertTrue(overdue.all { it.timing.deadline!! < LocalDate.of(2027, 1, 1) })
        val h2 = Period(2026, half = 2u)
        val encryption = s.actions(ActionQuery(text = "encryption", dueIn = h2))
        assertTrue(encryption.isNotEmpty())
        assertTrue(encryption.all { it.timing.deadline!! in h2.start()..h2.end() })
        val proposed = s.actions(ActionQuery(status = Status.PROPOSED, lead = "commission"))
        assertTrue(proposed.isNotEmpty() && proposed.all { it.status == Status.PROPOSED })
        assertTrue(s.actions(ActionQuery(section = "drugs", theme = "drug-trafficking")).isNotEmpty())
        assertTrue(s.actions(ActionQuery(threat = "terrorism", objective = s.objectives().first().id)).size >= 0)
        assertTrue(s.actions(ActionQuery(instrument = "europol-regulation")).isNotEmpty())
    }

    @Test
    fun `search ranks hits and honours the limit`() {
        val hits = s.search("EUROPOL", 3u)
        assertEquals(3, hits.size)
        assertEquals(EntityKind.ACTOR, hits[0].kind)
        assertEquals("europol", hits[0].id)
        assertTrue(hits.zipWithNext().all { (a, b) -> a.score >= b.score })
        assertTrue(s.search("encryption").size <= 10)
        assertTrue(s.search("zzyzx", 5u).isEmpty())
    }

    @Test
    fun `timeline groups actions and reads statuses on a date`() {
        val t = s.timeline()
        assertEquals(s.asOf(), t.asOf)
        assertEquals(s.actionList().size, t.groups.sumOf { it.entries.size })
        val early = s.timeline(LocalDate.of(2025, 4, 2))
        assertEquals(LocalDate.of(2025, 4, 2), early.asOf)
        assertFalse(early.groups.flatMap { it.entries }.any { it.progress == ActionProgress.OVERDUE })
        // Dated groups carry their period (labelled with it), in order; then ongoing, not stated.
        val dated = t.groups.mapNotNull { it.period }
        assertEquals(t.groups.filter { it.period != null }.map { it.label }, dated.map { it.toString() })
        assertEquals(dated.sorted(), dated)
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
        assertEquals(EntityKind.ACTION, e.kind)
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
        assertEquals(EntityKind.ACTOR, inQuery.kind)
        assertEquals("europol", inQuery.suggestion)
    }

    @Test
    fun `invalid arguments are typed errors`() {
        for (bad in listOf<() -> Any>(
            { s.actions(ActionQuery(dueIn = Period(2026, quarter = 5u))) },
            { s.actions(ActionQuery(dueBy = Period(2026, half = 1u, quarter = 1u))) },
            { parsePeriod("2026-Q5") },
            { parsePeriod("soon") },
            { parseActionKind("no-such-kind") },
            { parseStatus("finished") },
            { parseProgress("late") },
            { parseExportFormat("pdf") },
            { parseEntityKind("spaceships") },
        )) {
            val e = assertThrows<ProtectEuException.InvalidArgument> { bad() }
            assertTrue(e.details.startsWith("invalid "), e.details)
        }
        // A date that does not exist cannot even be made.
        assertThrows<DateTimeException> { LocalDate.parse("2026-02-30") }
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
