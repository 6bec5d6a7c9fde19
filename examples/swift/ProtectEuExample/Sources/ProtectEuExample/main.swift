import Foundation
import ProtectEu

do {
    let s = try Strategy()
    let info = s.info()
    print("\(info.title) (\(info.documentNumber)), data set \(s.datasetVersion()) as of \(s.asOf())")

    print("\nEuropol's actions due by the end of 2026:")
    for a in try s.actions(query: ActionQuery(actor: "europol", dueBy: "2026")) {
        print("  \(a.id): \(a.title) [\(a.timing.period ?? "-"), \(a.status), \(a.progress)]")
    }

    print("\nSearch 'encryption':")
    for hit in s.search(text: "encryption", limit: 5) {
        print("  \(hit.kind)/\(hit.id) (\(hit.score)) \(hit.title)")
    }

    print("\nOverdue on 1 January 2027:")
    for entry in try s.timeline(asOf: "2027-01-01").groups.flatMap(\.entries) where entry.progress == "overdue" {
        print("  \(entry.action.id) (due \(entry.action.timing.deadline ?? "-"))")
    }

    let st = s.stats()
    print("\n\(st.actions) actions; by status: " + st.byStatus.map { "\($0.key) \($0.count)" }.joined(separator: ", "))

    do {
        _ = try s.actor(id: "europl")
    } catch let ProtectEuError.NotFound(_, _, _, details) {
        print("\n\(details)")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
