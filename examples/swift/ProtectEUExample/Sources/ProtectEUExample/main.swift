import Foundation
import ProtectEU

/// Calendar dates come as `DateComponents` (year, month, day); this calendar turns them into
/// `Date`s for formatting and arithmetic without shifting the day.
let calendar: Calendar = {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = TimeZone(identifier: "UTC")!
    return c
}()

let longDate: DateFormatter = {
    let f = DateFormatter()
    f.calendar = calendar
    f.timeZone = calendar.timeZone
    f.locale = Locale(identifier: "en_GB")
    f.dateFormat = "d MMMM yyyy"
    return f
}()

func format(_ day: DateComponents) -> String {
    calendar.date(from: day).map(longDate.string(from:)) ?? "?"
}

do {
    let s = try Strategy()
    let info = s.info()
    print("\(info.title) (\(info.documentNumber), \(format(info.date)))")
    print("Data set \(s.datasetVersion()), sources read up to \(format(s.asOf()))")

    print("\nEuropol's actions due by the end of 2026:")
    for a in try s.actions(query: ActionQuery(actor: "europol", dueBy: Period(year: 2026))) {
        print("  \(a.id): \(a.title) [\(a.timing.period.map { "\($0)" } ?? "-"), \(a.status), \(a.progress)]")
    }

    let proposed = try s.actions(query: ActionQuery(status: .proposed))
    print("\n\(proposed.count) legislative proposals are on the table:")
    for a in proposed {
        if let since = a.statusHistory.last(where: { $0.status == .proposed })?.date {
            print("  \(a.id), proposed \(format(since))")
        }
    }

    print("\nSearch 'encryption':")
    for hit in s.search(text: "encryption", limit: 5) {
        print("  \(hit.kind) \(hit.id) (\(String(format: "%.1f", hit.score))) \(hit.title)")
    }

    let newYear = DateComponents(year: 2027, month: 1, day: 1)
    print("\nOverdue on \(format(newYear)):")
    for entry in try s.timeline(asOf: newYear).groups.flatMap(\.entries) where entry.progress == .overdue {
        guard let deadline = entry.action.timing.deadline,
              let late = calendar.dateComponents([.day], from: deadline, to: newYear).day
        else { continue }
        print("  \(entry.action.id) (due \(format(deadline)), \(late) day\(late == 1 ? "" : "s") late)")
    }

    let byStatus = Dictionary(grouping: s.actionList(), by: \.status).mapValues(\.count)
    let counts = Status.allCases.compactMap { status in byStatus[status].map { "\(status) \($0)" } }
    print("\n\(s.actionList().count) actions; by status: " + counts.joined(separator: ", "))

    do {
        _ = try s.actor(id: "europl")
    } catch let ProtectEuError.NotFound(_, _, _, details) {
        print("\n\(details)")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
