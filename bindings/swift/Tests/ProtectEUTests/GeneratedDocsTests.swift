import Foundation
import XCTest

/// The Rust doc comments reach Xcode's Quick Help: in the generated Swift (the file the
/// `ProtectEU` module is compiled from), every public type, property, enum case and function
/// of the API has a doc comment right above it.
final class GeneratedDocsTests: XCTestCase {
    private func matches(_ line: String, _ pattern: String) -> Bool {
        line.range(of: pattern, options: .regularExpression) != nil
    }

    func testEveryPublicDeclarationOfTheAPIHasADocComment() throws {
        let text = try String(contentsOf: Paths.generatedSwift, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        func documented(_ i: Int) -> Bool {
            var j = i - 1
            while j >= 0 && lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j -= 1 }
            return j >= 0 && lines[j].trimmingCharacters(in: .whitespaces).hasSuffix("*/")
        }
        // uniffi's own plumbing (converters, initialisation) is not API.
        func plumbing(_ line: String) -> Bool {
            line.contains("FfiConverter") || line.contains(" Uniffi") || line.contains(" uniffi")
        }
        var undocumented: [String] = []
        var checked = 0
        var inPublicType = false
        for (i, line) in lines.enumerated() {
            if matches(line, #"^(public (indirect )?(struct|enum|protocol)|open class) \w+"#) {
                inPublicType = !plumbing(line)
                if inPublicType {
                    checked += 1
                    if !documented(i) { undocumented.append("\(line) (line \(i + 1))") }
                }
                continue
            }
            if matches(line, #"^(fileprivate |private |internal )?(enum|struct|class|extension) "#) {
                inPublicType = false
            }
            let isCase = inPublicType && matches(line, #"^\s+case \w+$"#)
            let isProperty = matches(line, #"^\s+public let \w+:"#)
            let isFunction = matches(line, #"^(open|public) func \w+\("#) && !plumbing(line)
            if isCase || isProperty || isFunction {
                checked += 1
                if !documented(i) { undocumented.append("\(line) (line \(i + 1))") }
            }
        }
        XCTAssertGreaterThan(checked, 300, "has the generator changed its layout?")
        XCTAssertEqual(undocumented, [])
    }
}
