// A small program that loads the embedded ProtectEU model and queries it.
//
// Run it with bindings/kotlin/test.sh (ExampleTest compiles and runs it), or on its own after
// generating the bindings: see examples/kotlin/README.md.
package eu.protecteu.example

import uniffi.protecteu_ffi.ActionQuery
import uniffi.protecteu_ffi.ProtectEuException
import uniffi.protecteu_ffi.Strategy

fun main() {
    Strategy().use { s ->
        val info = s.info()
        println("${info.title} (${info.documentNumber}), data set ${s.datasetVersion()} as of ${s.asOf()}")

        println("\nEuropol's actions due by the end of 2026:")
        for (a in s.actions(ActionQuery(actor = "europol", dueBy = "2026"))) {
            println("  ${a.id}: ${a.title} [${a.timing.period}, ${a.status}, ${a.progress}]")
        }

        println("\nSearch 'encryption':")
        for (hit in s.search("encryption", 5u)) {
            println("  ${hit.kind}/${hit.id} (%.1f) ${hit.title}".format(hit.score))
        }

        println("\nOverdue on 1 January 2027:")
        s.timeline("2027-01-01").groups
            .flatMap { it.entries }
            .filter { it.progress == "overdue" }
            .forEach { println("  ${it.action.id} (due ${it.action.timing.deadline})") }

        val st = s.stats()
        println("\n${st.actions} actions; by status: " + st.byStatus.joinToString { "${it.key} ${it.count}" })

        try {
            s.actor("europl")
        } catch (e: ProtectEuException.NotFound) {
            println("\n${e.details}")
        }
    }
}
