// swift-tools-version:5.9
// A small program that loads the embedded ProtectEU model and queries it, through the Swift
// package in bindings/swift. bindings/swift/test.sh builds and runs it (`swift run`).
import PackageDescription

let package = Package(
    name: "ProtectEUExample",
    dependencies: [.package(path: "../../../bindings/swift")],
    targets: [
        .executableTarget(
            name: "ProtectEUExample",
            dependencies: [.product(name: "ProtectEU", package: "swift")],
            path: "Sources/ProtectEUExample"
        ),
    ]
)
