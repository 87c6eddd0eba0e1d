/// Which of Apache ActiveMQ's schemas (5.15 to 6.3) define an attribute of a typed view: read
/// from the table generated from the schemas (`Scripts/generate-vocabulary.py`).
///
/// ```swift
/// SchemaAvailability.of("remoteUserName", in: "networkConnector")?.first   // 5.17.3
/// ```
public struct SchemaAvailability: Sendable, Hashable {
    /// The schema releases that define the attribute, oldest first.
    public let releases: [ActiveMQVersion]

    /// The oldest schema release that defines it.
    public var first: ActiveMQVersion { releases[0] }
    /// The newest schema release that defines it.
    public var last: ActiveMQVersion { releases[releases.count - 1] }

    /// Whether the schema a version is checked against defines the attribute: the schema of the
    /// newest release not newer than `version` (a version without a patch stands for the newest
    /// release of its line).
    public func contains(_ version: ActiveMQVersion) -> Bool {
        guard let schema = Self.schema(for: version) else { return false }
        return releases.contains(schema)
    }

    /// The availability of `attribute` of `element` (`"remoteUserName"`, `"networkConnector"`);
    /// nil when no schema defines it, or the element has no typed view.
    public static func of(_ attribute: String, in element: String) -> SchemaAvailability? {
        guard let mask = table[element]?[attribute] else { return nil }
        let releases = schemas.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
        return releases.isEmpty ? nil : SchemaAvailability(releases: releases)
    }

    /// The schema releases of the table, oldest first.
    static let schemas: [ActiveMQVersion] = GeneratedAttributeAvailability.versions.compactMap(ActiveMQVersion.init)

    /// The schema a version is checked against, as above; nil for a version older than every schema.
    static func schema(for version: ActiveMQVersion) -> ActiveMQVersion? {
        let line = schemas.filter { $0.major == version.major && $0.minor == version.minor }
        if let patch = version.patch {
            if let release = line.last(where: { ($0.patch ?? 0) <= patch }) { return release }
            return schemas.last { $0 < version }
        }
        return line.last ?? schemas.last { $0 < version }
    }

    /// element → attribute → mask, parsed once from the generated table.
    static let table: [String: [String: UInt32]] = {
        var result: [String: [String: UInt32]] = [:]
        for line in GeneratedAttributeAvailability.table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let mask = UInt32(fields[2], radix: 16) else { continue }
            result[String(fields[0]), default: [:]][String(fields[1])] = mask
        }
        return result
    }()
}

extension NetworkConnector {
    /// The default of `decreaseNetworkConsumerPriority` in a version: `false` up to 5.17, `true`
    /// from 5.18.0 (AMQ-5137), which changes which consumers a queue prefers when a local one exists.
    public static func defaultDecreaseNetworkConsumerPriority(in version: ActiveMQVersion) -> Bool {
        version >= ActiveMQVersion(major: 5, minor: 18, patch: 0)
    }
}
