package eu.protecteu

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Compiles (through the test sources) and runs the program in examples/kotlin. */
class ExampleTest {
    @Test
    fun `the example runs and prints its answers`() {
        val out = ByteArrayOutputStream()
        val saved = System.out
        System.setOut(PrintStream(out, true, "UTF-8"))
        try {
            eu.protecteu.example.main()
        } finally {
            System.setOut(saved)
        }
        val text = out.toString("UTF-8")
        print(text)
        assertTrue(text.contains("europol-mandate-revision"), text)
        assertTrue(text.contains("did you mean 'europol'?"), text)
    }
}
