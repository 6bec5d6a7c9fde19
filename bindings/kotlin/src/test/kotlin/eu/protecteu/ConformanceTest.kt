package eu.protecteu

import java.io.File
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicContainer
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import uniffi.protecteu_ffi.ActionQuery
import uniffi.protecteu_ffi.ProtectEuException
import uniffi.protecteu_ffi.Strategy

/**
 * Runs every vector of every `*.json` file in `tests/conformance` (see its README) against the
 * embedded model: one dynamic test per vector. The folder can be overridden with
 * `-Dprotecteu.conformance.dir=...`.
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
                    val progress = v.getString("progress")
                    ids(
                        s.timeline(v.optString("as_of", null)).groups
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
                else -> fail("unknown op '$op'")
            }
        } catch (e: ProtectEuException.NotFound) {
            JSONObject()
                .put("error", "not_found")
                .put("kind", e.kind)
                .put("id", e.id)
                .put("suggestion", e.suggestion ?: JSONObject.NULL)
        } catch (e: ProtectEuException.InvalidArgument) {
            JSONObject().put("error", "invalid_argument")
        }
        assertTrue(
            expect.similar(result),
            "${v.getString("name")}: expected $expect, got $result",
        )
    }

    private fun ids(list: List<String>) = JSONObject().put("ids", JSONArray(list))

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
            kind = str("kind"), status = str("status"), progress = str("progress"),
            asOf = str("as_of"), dueBy = str("due_by"), dueIn = str("due_in"),
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
        else -> fail("unknown kind '$kind'")
    }
}
