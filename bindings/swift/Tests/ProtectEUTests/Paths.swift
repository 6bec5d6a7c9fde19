import Foundation

/// Files of the workspace the tests read: found from this file's place in the tree
/// (bindings/swift/Tests/ProtectEUTests), or from environment variables.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ProtectEUTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // swift
        .deletingLastPathComponent()  // bindings
        .deletingLastPathComponent()  // the workspace

    static var conformance: URL {
        if let dir = ProcessInfo.processInfo.environment["PROTECTEU_CONFORMANCE_DIR"] {
            return URL(fileURLWithPath: dir)
        }
        return root.appendingPathComponent("tests/conformance")
    }

    static let dataFile = root.appendingPathComponent("crates/protecteu/data/protecteu-2025.json")

    /// The generated Swift of the `ProtectEU` module (written by test.sh).
    static let generatedSwift = root.appendingPathComponent("bindings/swift/Generated/ProtectEU/ProtectEU.swift")

    /// The report page written by the Rust CLI in this run (`protecteu report --as-of
    /// 2026-01-15`, by test.sh).
    static let reportReference = root.appendingPathComponent("target/report-reference/report-2026-01-15.html")
}
