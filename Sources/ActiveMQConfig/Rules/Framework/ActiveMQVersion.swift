/// An Apache ActiveMQ Classic version, `MAJOR.MINOR[.PATCH]`, as `--engine-version` takes it for
/// self-managed brokers: it picks the schema vocabulary lint checks against.
public struct ActiveMQVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 5 or 6.
    public let major: Int
    /// The minor version.
    public let minor: Int
    /// The patch, when given; nil means the newest patch of the minor line.
    public let patch: Int?

    /// A version.
    public init(major: Int, minor: Int, patch: Int? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Reads `5.18`, `5.18.4` or `6.1.8`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major: major, minor: minor, patch: parts.count == 3 ? Int(parts[2]) : nil)
    }

    /// The default when neither the command line, `.activemq-config.json` nor the file's
    /// `xsi:schemaLocation` says: 5.19, the newest 5.x line that Amazon MQ also runs (a
    /// configuration valid there moves between self-managed and Amazon MQ brokers).
    public static let defaultVersion = ActiveMQVersion(major: 5, minor: 19)

    /// The ActiveMQ version an Amazon MQ engine version runs.
    public init(amazonMQ engine: AmazonMQEngineVersion) {
        switch engine {
        case .v5_15: self.init(major: 5, minor: 15, patch: 16)
        case .v5_16: self.init(major: 5, minor: 16, patch: 7)
        case .v5_17: self.init(major: 5, minor: 17, patch: 6)
        case .v5_18: self.init(major: 5, minor: 18, patch: 4)
        case .v5_19: self.init(major: 5, minor: 19, patch: 1)
        }
    }

    /// `5.18` or `5.18.4`.
    public var description: String { "\(major).\(minor)" + (patch.map { ".\($0)" } ?? "") }

    /// Orders by major, minor, then patch (a missing patch counts as the newest).
    public static func < (lhs: ActiveMQVersion, rhs: ActiveMQVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? Int.max) < (rhs.major, rhs.minor, rhs.patch ?? Int.max)
    }
}
