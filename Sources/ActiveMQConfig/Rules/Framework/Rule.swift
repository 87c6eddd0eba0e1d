/// A rule as a value: everything about it in one place (its id, what it finds and why, its
/// default severity per profile, its check, and examples that are also its tests).
///
/// Each rule is declared in a file of its own, as a static property of `Rule`
/// (`Rule.embeddedPassword`), beside its `RuleID` constant. ``RuleSet`` gathers them; the
/// linter, the builder and the edit commands run the same values, and `Docs/rules/` is generated
/// from them. The design takes SwiftLint's `RuleDescription` (metadata and triggering /
/// non-triggering examples with a `↓` marker, run as tests) and swift-format's one-rule-one-file
/// layout.
public struct Rule: Sendable {
    /// How the rule is run.
    public enum Check: Sendable {
        /// On one parsed document, through a context bound to the rule.
        case document(@Sendable (RuleContext) -> Void)
        /// On all the documents of one run, as one network of brokers, through a context bound to
        /// the rule.
        case network(@Sendable (NetworkContext) -> Void)
        /// By the tool itself, not on a parsed document: parse errors (`not-well-formed`),
        /// suppressions (`unused-suppression`), XSD validation (`schema`).
        case tool
    }

    /// The stable id.
    public let id: RuleID
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters and what to do instead (Markdown, without a heading).
    public let rationale: String
    /// The default severity under the `activemq` profile; nil when the rule is off there.
    public let activeMQSeverity: Severity?
    /// The default severity under the `amazon-mq` profile; nil when the rule is off there.
    public let amazonMQSeverity: Severity?
    /// Documents on which the rule must report, exactly at their `↓` markers.
    ///
    /// Built when asked for (by the tests and the rule's page), never when the rule is run: a lint
    /// run does not pay for its rules' examples.
    public var triggeringExamples: [RuleExample] { makeTriggeringExamples() }
    /// Documents on which the rule must report nothing (built when asked for, as the triggering ones).
    public var nonTriggeringExamples: [RuleExample] { makeNonTriggeringExamples() }
    private let makeTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNonTriggeringExamples: @Sendable () -> [RuleExample]
    /// Tags for SARIF (`security`, `correctness`, `amazon-mq`, …).
    public let tags: [String]
    /// Whether its findings carry a fix, and of which kind; nil when they carry none.
    public let fix: Diagnostic.Fix.Applicability?
    /// Whether the rule can never be disabled, suppressed or downgraded (`embedded-password`).
    public let isMandatory: Bool
    /// The check.
    public let check: Check
    /// Where the rule is declared: `Module/File.swift`.
    public let source: String

    /// Declares a rule.
    public init(id: RuleID, summary: String, rationale: String, activeMQ: Severity?, amazonMQ: Severity?,
                tags: [String] = [], fix: Diagnostic.Fix.Applicability? = nil, isMandatory: Bool = false,
                triggering: @escaping @autoclosure @Sendable () -> [RuleExample],
                nonTriggering: @escaping @autoclosure @Sendable () -> [RuleExample],
                check: Check, source: String = #fileID) {
        self.source = source
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.activeMQSeverity = activeMQ
        self.amazonMQSeverity = amazonMQ
        self.tags = tags
        self.fix = fix
        self.isMandatory = isMandatory
        self.makeTriggeringExamples = triggering
        self.makeNonTriggeringExamples = nonTriggering
        self.check = check
    }

    /// The default severity under a profile; nil when the rule is off.
    public func defaultSeverity(under profile: LintProfile) -> Severity? {
        profile.isAmazonMQ ? amazonMQSeverity : activeMQSeverity
    }

    /// Whether the rule is off under both profiles: an opt-in rule, which a severity in the
    /// settings (`"severity": {"RULE": "info"}` in `.activemq-config.json`) turns on.
    public var isOptIn: Bool { activeMQSeverity == nil && amazonMQSeverity == nil }

    /// Whether the rule compares several files (a network).
    public var isCrossFile: Bool {
        if case .network = check { return true }
        return false
    }

    /// The rule's page, as in `Docs/rules/<id>.md`: generated from this value.
    public var page: String {
        func show(_ severity: Severity?) -> String { severity?.rawValue ?? "off" }
        var text = "# `\(id)`\n\n\(summary)\n\n"
        text += "| profile | default severity |\n| --- | --- |\n"
        text += "| `activemq` | \(show(activeMQSeverity)) |\n| `amazon-mq` | \(show(amazonMQSeverity)) |\n\n"
        if isOptIn { text += "Opt-in: `\"severity\": {\"\(id)\": \"info\"}` in `.activemq-config.json` (or any severity) turns it on.\n\n" }
        if isCrossFile { text += "This rule compares all the files of one invocation (one network of brokers).\n\n" }
        if let fix { text += "Its findings carry a fix (\(fix.rawValue)).\n\n" }
        if !tags.isEmpty { text += "Tags: " + tags.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n" }
        if let slash = source.firstIndex(of: "/") {
            text += "Declared, with its check and these examples, in `\(source[source.index(after: slash)...])` of module `\(source[..<slash])`.\n\n"
        }
        text += "## Why\n\n" + rationale.trimmingCharacters(in: "\n") + "\n\n"
        // A rule of the routing model has scenarios for examples, named in its rationale.
        if !triggeringExamples.isEmpty || !nonTriggeringExamples.isEmpty {
            text += "## Triggers\n\n`↓` marks where the finding points.\n\n"
            for example in triggeringExamples { text += example.markdown }
            text += "## Does not trigger\n\n"
            for example in nonTriggeringExamples { text += example.markdown }
        }
        if isMandatory {
            text += "## Suppressing\n\nThis rule cannot be disabled, suppressed or downgraded, by any means.\n"
        } else if case .tool = check, id.rawValue != "unused-suppression" {
            text += "## Suppressing\n\n`--disable \(id)`, or `\"disable\": [\"\(id)\"]` in `.activemq-config.json`.\n"
        } else {
            text += """
                ## Suppressing

                For one element and its subtree: `<!-- activemq-config-disable \(id) -->` on the line before it.
                For the whole file: `<!-- activemq-config-disable-file \(id) -->`. Everywhere: `--disable \(id)`,
                or `"disable": ["\(id)"]` in `.activemq-config.json`.

                """
        }
        return text
    }
}

/// An example document (or several files) for a rule, with `↓` where each finding must point.
public struct RuleExample: Sendable, Hashable {
    /// One file of an example.
    public struct File: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// Its text, with `↓` markers.
        public var text: String

        /// A file.
        public init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The marker placed just before the character a finding points at.
    public static let marker: Character = "↓"

    /// The files.
    public var files: [File]
    /// The profile it is linted under.
    public var profile: LintProfile
    /// The network spec (`--network`) it is linted with, as JSON, if any.
    public var networkSpec: String?
    /// What the documentation shows (the snippet the example was made from).
    public var shown: String
    /// The files as the rule's fixes leave them (unsafe ones included), by file name, for the files
    /// they change: checked byte for byte, as SwiftLint checks its corrections. Empty: the example's
    /// findings carry no fix (also checked).
    public var corrected: [String: String] = [:]
    /// How the example was written, so that ``fixed(_:file:)`` writes its correction the same way.
    private var shape = Shape.document

    private enum Shape: Sendable, Hashable {
        case document
        case connectors(brokerAttributes: String)
        case broker(attributes: String)
    }

    /// A whole document.
    public init(_ text: String, profile: LintProfile = .activeMQ) {
        files = [File("activemq.xml", text)]
        self.profile = profile
        shown = text
    }

    /// This example with what its fixes must leave: written as the example was (the connector lines
    /// of ``connectors(_:profile:brokerAttributes:)``, the children of ``broker(_:profile:attributes:)``,
    /// else a whole file), in `file` (the only file by default).
    public func fixed(_ text: String, file: String? = nil) -> RuleExample {
        var copy = self
        let whole: String
        switch shape {
        case .document: whole = text
        case .connectors(let attributes): whole = Self.connectorsDocument(text, brokerAttributes: attributes)
        case .broker(let attributes): whole = Self.brokerDocument(text, attributes: attributes)
        }
        copy.corrected[file ?? files[0].name] = whole
        return copy
    }

    /// This example with what its fixes must leave in `file` (the only file by default), as a whole file.
    public func fixedDocument(_ text: String, file: String? = nil) -> RuleExample {
        var copy = self
        copy.corrected[file ?? files[0].name] = text
        return copy
    }

    private static func connectorsDocument(_ lines: String, brokerAttributes: String) -> String {
        "<broker xmlns=\"http://activemq.apache.org/schema/core\"\(brokerAttributes)>\n  <networkConnectors>\n"
            + lines.split(separator: "\n").map { "    \($0)\n" }.joined() + "  </networkConnectors>\n</broker>\n"
    }

    private static func brokerDocument(_ children: String, attributes: String) -> String {
        "<broker xmlns=\"http://activemq.apache.org/schema/core\"\(attributes)>\n"
            + children.split(separator: "\n").map { "  \($0)\n" }.joined() + "</broker>\n"
    }

    /// Several files linted together, as one network.
    public init(files: [File], profile: LintProfile = .activeMQ, networkSpec: String? = nil) {
        self.files = files
        self.profile = profile
        self.networkSpec = networkSpec
        shown = files.map { "<!-- \($0.name) -->\n\($0.text)" }.joined(separator: "\n")
    }

    /// Network connectors (one or more `<networkConnector …/>` lines) inside a bare broker.
    public static func connectors(_ lines: String, profile: LintProfile = .activeMQ, brokerAttributes: String = "") -> RuleExample {
        var example = RuleExample(connectorsDocument(lines, brokerAttributes: brokerAttributes), profile: profile)
        example.shown = lines
        example.shape = .connectors(brokerAttributes: brokerAttributes)
        return example
    }

    /// Children of a bare `<broker>` (transport connectors, plugins, …).
    public static func broker(_ children: String, profile: LintProfile = .activeMQ, attributes: String = "") -> RuleExample {
        var example = RuleExample(brokerDocument(children, attributes: attributes), profile: profile)
        example.shown = example.files[0].text
        example.shape = .broker(attributes: attributes)
        return example
    }

    /// The files without their markers.
    package var strippedFiles: [File] {
        files.map { File($0.name, $0.text.filter { $0 != Self.marker }) }
    }

    /// Where the markers are: file name, 1-based line and column (in Unicode scalars), in the
    /// stripped text.
    package var markers: [(file: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        for file in files {
            var line = 1
            var column = 1
            for character in file.text {
                if character == Self.marker {
                    result.append((file.name, line, column))
                    continue
                }
                if character == "\n" || character == "\r\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
        }
        return result
    }

    var markdown: String {
        var text = (profile.isAmazonMQ ? "Under the `amazon-mq` profile:\n\n" : "") + "```xml\n" + shown.trimmingCharacters(in: "\n") + "\n```\n\n"
        for file in files where corrected[file.name] != nil {
            text += (files.count > 1 ? "The fix leaves `\(file.name)` as:\n\n" : "The fix leaves:\n\n")
                + "```xml\n" + (corrected[file.name] ?? "").trimmingCharacters(in: "\n") + "\n```\n\n"
        }
        return text
    }
}

extension String {
    /// The string without leading and trailing characters of `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
