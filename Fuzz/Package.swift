// swift-tools-version: 6.0
// The libFuzzer target, in its own package (never built by users or by .ci/run).
// Run: Fuzz/run [SECONDS]   (see Docs/fuzzing.md)
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "activemq-config-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-config",
            dependencies: [
                .product(name: "ActiveMQConfig", package: root.lastPathComponent.lowercased()),
                .product(name: "ActiveMQLint", package: root.lastPathComponent.lowercased()),
                .product(name: "ActiveMQHosts", package: root.lastPathComponent.lowercased()),
                .product(name: "ActiveMQLanguageServer", package: root.lastPathComponent.lowercased()),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
