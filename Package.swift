// swift-tools-version: 6.0
//
// swift-activemq-config: read, check, change and generate Apache ActiveMQ 5.x broker configuration.
//
// Layers (arrows point down only):
//   CLibXML2 (system library) → CXMLShim (C, the only code that sees libxml2's headers)
//   → LosslessXML (byte-exact document) → ActiveMQConfig (typed model)
//   → ActiveMQLint (rules, reports), ActiveMQTopology (network generator) and ActiveMQRouting
//     (where messages go)
//   → ActiveMQConfigCLI (commands) → activemq-config (executable).
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-activemq-config",
    // Linux is built and tested; macOS is declared for what the code needs but untested (no Mac here).
    platforms: [.macOS(.v13)],
    products: [
        // The typed model, the builder and the lossless layer: no lint vocabulary is compiled.
        .library(name: "ActiveMQConfig", targets: ["ActiveMQConfig"]),
        // The linter: every rule, the XSD vocabularies, reports.
        .library(name: "ActiveMQLint", targets: ["ActiveMQLint"]),
        // The network-of-brokers generator.
        .library(name: "ActiveMQTopology", targets: ["ActiveMQTopology"]),
        // Where messages go: the forwarding model of a network of brokers, and scenarios.
        .library(name: "ActiveMQRouting", targets: ["ActiveMQRouting"]),
        // Configurations inside other files: Terraform, CloudFormation, Kubernetes and other YAML.
        .library(name: "ActiveMQHosts", targets: ["ActiveMQHosts"]),
        // The language server (`activemq-config lsp`) as a library: its framing and message handling.
        .library(name: "ActiveMQLanguageServer", targets: ["ActiveMQLanguageServer"]),
        .executable(name: "activemq-config", targets: ["activemq-config"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML hosts (Kubernetes, CloudFormation): libyaml through Yams 6, which builds in Swift 6
        // mode beside this package; only ActiveMQHosts, the language server and the command line depend on it.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkg-config"]), .brew(["libxml2"])]
        ),
        // No unsafe compiler or linker flags anywhere: SwiftPM refuses them in a package used by version.
        .target(
            name: "CXMLShim",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "LosslessXML",
            dependencies: ["CXMLShim"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ActiveMQConfig",
            dependencies: ["LosslessXML"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ActiveMQLint",
            dependencies: ["ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ActiveMQTopology",
            dependencies: ["ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ActiveMQRouting",
            dependencies: ["ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        // Configurations where they live: Terraform files (and next YAML and CloudFormation).
        .target(
            name: "ActiveMQHosts",
            dependencies: ["ActiveMQLint", "ActiveMQTopology", "ActiveMQConfig", "LosslessXML", .product(name: "Yams", package: "Yams")],
            swiftSettings: upcomingFeatures
        ),
        // The language server: LSP over stdio, its diagnostics the linter's.
        .target(
            name: "ActiveMQLanguageServer",
            dependencies: ["ActiveMQLint", "ActiveMQConfig", "ActiveMQHosts", "LosslessXML"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ActiveMQConfigCLI",
            dependencies: [
                "ActiveMQLanguageServer",
                "ActiveMQHosts",
                "ActiveMQRouting",
                "ActiveMQTopology",
                "ActiveMQLint",
                "ActiveMQConfig",
                "LosslessXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "activemq-config",
            dependencies: ["ActiveMQConfigCLI"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "LosslessXMLTests",
            dependencies: ["LosslessXML", "CXMLShim"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQConfigTests",
            dependencies: ["ActiveMQConfig", "LosslessXML"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQLintTests",
            dependencies: ["ActiveMQLint", "ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQTopologyTests",
            dependencies: ["ActiveMQTopology", "ActiveMQLint", "ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQLanguageServerTests",
            dependencies: ["ActiveMQLanguageServer", "ActiveMQLint", "ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQHostsTests",
            dependencies: ["ActiveMQHosts", "ActiveMQLint", "ActiveMQTopology", "ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQRoutingTests",
            dependencies: ["ActiveMQRouting", "ActiveMQConfig"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ActiveMQConfigCLITests",
            dependencies: ["ActiveMQConfigCLI", "ActiveMQLanguageServer", "activemq-config"],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)
