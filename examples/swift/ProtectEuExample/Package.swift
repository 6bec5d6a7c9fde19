// swift-tools-version:5.9
// A small program that loads the embedded ProtectEU model and queries it, through the Swift
// package in bindings/swift. bindings/swift/test.sh builds and runs it (`swift run`).
import PackageDescription

let package = Package(
    name: "ProtectEuExample",
    dependencies: [.package(path: "../../../bindings/swift")],
    targets: [
        .executableTarget(
            name: "ProtectEuExample",
            dependencies: [.product(name: "ProtectEu", package: "swift")],
            path: "Sources/ProtectEuExample"
        ),
    ]
)
