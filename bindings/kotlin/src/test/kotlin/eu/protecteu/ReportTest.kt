package eu.protecteu

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.security.MessageDigest
import java.time.LocalDate

/** The progress report page: the same bytes as the Rust CLI for the same data and date. */
class ReportTest {
    private val s: Strategy = Strategy.embedded()

    private fun sha256(bytes: ByteArray): String =
        MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }

    @Test
    fun sameBytesAsTheRustCli() {
        // Written by test.sh with `protecteu report --as-of 2026-01-15` in this run.
        val path = System.getProperty("protecteu.report.reference")
        assertTrue(!path.isNullOrBlank() && File(path).isFile, "no reference page at '$path' (run bindings/kotlin/test.sh)")
        val reference = File(path!!).readBytes()
        val ours = s.reportHtml(LocalDate.of(2026, 1, 15)).toByteArray(Charsets.UTF_8)
        assertEquals(sha256(reference), sha256(ours))
    }

    @Test
    fun oneCardPerActionAndTheDefaultDate() {
        val html = s.reportHtml()
        assertTrue(html.startsWith("<!DOCTYPE html>"))
        assertEquals(s.actionList().size, Regex("data-action-id=").findAll(html).count())
        assertEquals(html, s.reportHtml(s.asOf()))
        assertNotEquals(html, s.reportHtml(LocalDate.of(2025, 4, 2)))
    }
}
