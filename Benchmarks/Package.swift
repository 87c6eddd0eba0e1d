// swift-tools-version: 6.0
// Benchmarks live in their own package, so users who build the tool never compile them.
// Run: Benchmarks/run (see Docs/performance.md).
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository is
// checked out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "activemq-config-benchmarks",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "tracer",
            dependencies: [.product(name: "ActiveMQConfig", package: rootIdentity), .product(name: "ActiveMQLint", package: rootIdentity),
                           .product(name: "ActiveMQTopology", package: rootIdentity), .product(name: "ActiveMQRouting", package: rootIdentity)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
