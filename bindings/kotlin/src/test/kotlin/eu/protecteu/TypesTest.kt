package eu.protecteu

import java.time.LocalDate
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The typed API: vocabulary enums against the core's lists, dates as `LocalDate`, periods. */
class TypesTest {
    companion object {
        val s: Strategy = Strategy.embedded()

        @JvmStatic
        @AfterAll
        fun close() = s.close()

        /** Every vocabulary enum of the binding, by the name `vocabularies()` gives it. */
        val enums: Map<String, List<Enum<*>>> = mapOf(
            "Status" to Status.entries,
            "ActionProgress" to ActionProgress.entries,
            "ActionKind" to ActionKind.entries,
            "TimingKind" to TimingKind.entries,
            "ActorKind" to ActorKind.entries,
            "Verification" to Verification.entries,
            "SourceClass" to SourceClass.entries,
            "InstrumentType" to InstrumentType.entries,
            "InstrumentStatus" to InstrumentStatus.entries,
            "DocumentKind" to DocumentKind.entries,
            "EntityKind" to EntityKind.entries,
            "ExportFormat" to ExportFormat.entries,
            "KeyActionsBox" to KeyActionsBox.entries,
        )
    }

    @Test
    fun `every enum lists the core's values in the core's order`() {
        val core = vocabularies().associate { it.name to it.values }
        // A vocabulary the core exports that this test does not know fails here, too.
        assertEquals(core.keys, enums.keys)
        for ((name, entries) in enums) {
            val values = core.getValue(name)
            // Kotlin's own constant names (IN_PREPARATION) against the core's (in_preparation).
            assertEquals(values, entries.map { it.name.lowercase() }, name)
            // And what the values print: their data-file names.
            assertEquals(values, entries.map { it.toString() }, name)
        }
    }

    @Test
    fun `values parse back from what they print, by the core's rules`() {
        for (v in Status.entries) assertEquals(v, parseStatus(v.toString()))
        for (v in ActionProgress.entries) assertEquals(v, parseProgress(v.toString()))
        for (v in ActionKind.entries) assertEquals(v, parseActionKind(v.toString()))
        for (v in TimingKind.entries) assertEquals(v, parseTimingKind(v.toString()))
        for (v in ActorKind.entries) assertEquals(v, parseActorKind(v.toString()))
        for (v in Verification.entries) assertEquals(v, parseVerification(v.toString()))
        for (v in SourceClass.entries) assertEquals(v, parseSourceClass(v.toString()))
        for (v in InstrumentType.entries) assertEquals(v, parseInstrumentType(v.toString()))
        for (v in InstrumentStatus.entries) assertEquals(v, parseInstrumentStatus(v.toString()))
        for (v in DocumentKind.entries) assertEquals(v, parseDocumentKind(v.toString()))
        for (v in EntityKind.entries) assertEquals(v, parseEntityKind(v.toString()))
        for (v in ExportFormat.entries) assertEquals(v, parseExportFormat(v.toString()))
        for (v in KeyActionsBox.entries) assertEquals(v, parseKeyActionsBox(v.toString()))
        assertEquals(Status.IN_PREPARATION, parseStatus(" In-Preparation "))
        assertEquals(EntityKind.FIGURE, parseEntityKind("figures"))
        val e = assertThrows<ProtectEuException.InvalidArgument> { parseStatus("adoptd") }
        assertTrue("adopted" in e.details, e.details)
    }

    @Test
    fun `records carry enums that agree with each other`() {
        for (a in s.actionList()) {
            assertEquals(a.statusHistory.lastOrNull()?.status ?: Status.ANNOUNCED, a.status, a.id)
            when (a.timing.kind) {
                TimingKind.ONGOING, TimingKind.NOT_STATED -> assertNull(a.timing.period, a.id)
                else -> assertNotNull(a.timing.period, a.id)
            }
            if (a.status == Status.WITHDRAWN) assertEquals(ActionProgress.WITHDRAWN, a.progress)
        }
        assertTrue(s.documents().any { it.kind == DocumentKind.COMMUNICATION })
        assertTrue(s.instruments().any { it.status == InstrumentStatus.IN_FORCE })
        val stats = s.stats().byStatus.map { it.key }.toSet()
        assertEquals(s.actionList().map { it.status.toString() }.toSet(), stats)
    }

    @Test
    fun `dates are LocalDates in order`() {
        val asOf = s.asOf()
        for (a in s.actionList()) {
            val dates = a.statusHistory.map { it.date }
            assertEquals(dates.sorted(), dates, a.id)
            assertTrue(dates.all { !it.isAfter(asOf) }, a.id)
        }
        val dated = s.documents().mapNotNull { it.date }
        assertTrue(dated.isNotEmpty())
        assertTrue(dated.all { it.year >= 2000 })
        assertTrue(s.sources().mapNotNull { it.published }.all { !it.isAfter(asOf) })
        assertEquals(asOf, s.timeline().asOf)
        val day = LocalDate.of(2026, 2, 28)
        assertEquals(day, s.timeline(day).asOf)
    }

    @Test
    fun `periods parse, print, bound and order`() {
        val h2 = parsePeriod("2026-H2")
        assertEquals(Period(year = 2026, half = 2u), h2)
        assertEquals("2026-H2", h2.toString())
        assertEquals(LocalDate.of(2026, 7, 1), h2.start())
        assertEquals(LocalDate.of(2026, 12, 31), h2.end())
        assertTrue(h2.contains(LocalDate.of(2026, 7, 1)))
        assertFalse(h2.contains(LocalDate.of(2026, 6, 30)))
        assertEquals(LocalDate.of(2026, 6, 30), Period(2026, quarter = 2u).end())
        for (text in listOf("2026", "2026-H1", "2026-Q4")) assertEquals(text, parsePeriod(text).toString())
        val sorted = listOf("2027", "2026-H2", "2026", "2026-Q1", "2026-H1").map(::parsePeriod).sorted()
        assertEquals(listOf("2026-Q1", "2026-H1", "2026", "2026-H2", "2027"), sorted.map { it.toString() })
        assertThrows<ProtectEuException.InvalidArgument> { Period(2026, half = 1u, quarter = 1u).start() }
        assertThrows<ProtectEuException.InvalidArgument> { Period(2026, half = 3u).contains(LocalDate.of(2026, 1, 1)) }
        // A timing's deadline is the end of its period.
        for (a in s.actionList()) assertEquals(a.timing.period?.end(), a.timing.deadline, a.id)
    }
}
