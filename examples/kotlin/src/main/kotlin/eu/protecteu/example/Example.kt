// A small program that loads the embedded ProtectEU model and queries it.
//
// Run it with bindings/kotlin/test.sh (ExampleTest compiles and runs it), or on its own after
// generating the bindings: see examples/kotlin/README.md.
package eu.protecteu.example

import eu.protecteu.ActionProgress
import eu.protecteu.ActionQuery
import eu.protecteu.ProtectEuException
import eu.protecteu.Status
import eu.protecteu.Strategy
import eu.protecteu.parsePeriod
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit
import java.util.Locale

private val longDate: DateTimeFormatter = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)

fun main() {
    Strategy().use { s ->
        val info = s.info()
        println("${info.title} (${info.documentNumber}, ${info.date.format(longDate)})")
        println("Data set ${s.datasetVersion()}, sources read up to ${s.asOf().format(longDate)}")

        println("\nEuropol's actions due by the end of 2026:")
        for (a in s.actions(ActionQuery(actor = "europol", dueBy = parsePeriod("2026")))) {
            println("  ${a.id}: ${a.title} [${a.timing.period}, ${a.status}, ${a.progress}]")
        }

        val proposed = s.actions(ActionQuery(status = Status.PROPOSED))
        println("\n${proposed.size} legislative proposals are on the table:")
        for (a in proposed) {
            val since = a.statusHistory.last { it.status == Status.PROPOSED }.date
            println("  ${a.id}, proposed ${since.format(longDate)}")
        }

        println("\nSearch 'encryption':")
        for (hit in s.search("encryption", 5u)) {
            println("  %-11s %s (%.1f) %s".format(hit.kind, hit.id, hit.score, hit.title))
        }

        val newYear = LocalDate.of(2027, 1, 1)
        println("\nOverdue on ${newYear.format(longDate)}:")
        s.timeline(newYear).groups
            .flatMap { it.entries }
            .filter { it.progress == ActionProgress.OVERDUE }
            .forEach {
                val deadline = it.action.timing.deadline!!
                val late = ChronoUnit.DAYS.between(deadline, newYear)
                println("  ${it.action.id} (due ${deadline.format(longDate)}, $late day${if (late == 1L) "" else "s"} late)")
            }

        val byStatus = s.actionList().groupingBy { it.status }.eachCount()
        println(
            "\n${s.actionList().size} actions; by status: " +
                Status.entries.filter { it in byStatus }.joinToString { "$it ${byStatus.getValue(it)}" },
        )

        try {
            s.actor("europl")
        } catch (e: ProtectEuException.NotFound) {
            println("\n${e.details}")
        }
    }
}
