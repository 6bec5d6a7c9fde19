package eu.protecteu

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The Rust doc comments reach the IDE: in the generated Kotlin (the file this jar is compiled
 * from), every public class, property, enum constant and function of the API has a KDoc
 * comment right above it.
 */
class GeneratedDocsTest {
    private val source: List<String> by lazy {
        val dir = File(System.getProperty("protecteu.generated.dir"))
        val file = dir.walk().single { it.name == "protecteu_ffi.kt" }
        assertTrue(file.path.endsWith("eu/protecteu/protecteu_ffi.kt"), file.path)
        file.readLines()
    }

    /** True when a KDoc ends on line `i` or right above it (blank lines skipped). */
    private fun documented(i: Int): Boolean {
        if (source[i].trimStart().startsWith("*/")) return true
        var j = i - 1
        while (j >= 0 && source[j].isBlank()) j--
        return j >= 0 && source[j].trim().endsWith("*/")
    }

    @Test
    fun `every public declaration of the API has a KDoc comment`() {
        val undocumented = mutableListOf<String>()
        var inEnum = false
        var checked = 0
        for ((i, line) in source.withIndex()) {
            val declaration = Regex("""^(data class|enum class|sealed class|open class|class|public interface) (\w+)""")
                .find(line)
            if (declaration != null) {
                val name = declaration.groupValues[2]
                inEnum = declaration.groupValues[1] == "enum class"
                // uniffi's own plumbing (RustBuffer, handles, converters) is not API.
                val plumbing = name.startsWith("Uniffi") || name.startsWith("FfiConverter") ||
                    name in setOf("RustBuffer", "ForeignBytes", "InternalException", "NoHandle")
                if (!plumbing) {
                    checked++
                    if (!documented(i)) undocumented += "$name (line ${i + 1})"
                }
                continue
            }
            if (inEnum && Regex("""^\s+[A-Z][A-Z0-9_]*[,;]$""").matches(line)) {
                checked++
                if (!documented(i)) undocumented += "enum constant ${line.trim()} (line ${i + 1})"
            }
            if (inEnum && line.startsWith("}")) inEnum = false
            // Record properties and API functions (backquoted names; overrides repeat the
            // interface's declaration).
            if (Regex("""^\s+val `\w+`:""").containsMatchIn(line) ||
                (Regex("""\bfun `\w+`\(""").containsMatchIn(line) && "override" !in line)
            ) {
                checked++
                if (!documented(i) && !line.contains("*/")) undocumented += "${line.trim()} (line ${i + 1})"
            }
        }
        assertTrue(checked > 300, "only $checked declarations found: has the generator changed its layout?")
        assertEquals(emptyList<String>(), undocumented)
    }
}
