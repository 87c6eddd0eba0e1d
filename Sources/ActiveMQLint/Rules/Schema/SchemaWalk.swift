import ActiveMQConfig

/// What one broker schema says of each element of a document: a part of the document's index
/// (``DocumentIndex/Part``), computed once per document and vocabulary when a rule first reads
/// it, by `unknown-element`, `unknown-attribute`, `invalid-value` and `amazon-mq-sanitized`.
struct SchemaWalk: Sendable {
    /// What an element is to the schema.
    enum Role: Hashable {
        /// A global element (a bean), e.g. `broker`, `networkConnector`.
        case bean(String)
        /// A property element of a bean, e.g. `networkConnectors` in `broker`.
        case property(bean: String, name: String)
        /// Not in the core namespace: not checked.
        case foreign
        /// Unknown to the schema (reported once; its subtree is not checked further).
        case unknown
    }

    struct UnknownElement {
        var element: LosslessDocument.Element
        var parent: Role?
        var suggestion: String?
    }

    struct UnknownAttribute {
        var attribute: LosslessDocument.Attribute
        var element: LosslessDocument.Element
        var role: Role
        var suggestion: String?
    }

    struct TypedAttribute {
        var attribute: LosslessDocument.Attribute
        var element: LosslessDocument.Element
        var type: Vocabulary.AttributeType
    }

    /// The schema walked: the release it is named after (`5.19.10`), or `Amazon MQ 5.18`.
    var schema = ""
    var unknownElements: [UnknownElement] = []
    var unknownAttributes: [UnknownAttribute] = []
    var typedAttributes: [TypedAttribute] = []

    static let core = ActiveMQNamespace.core

    /// Apache ActiveMQ's schema over the whole document, for the version the settings give, else
    /// the one the file's `xsi:schemaLocation` names, else ``ActiveMQVersion/defaultVersion`` (under
    /// `amazon-mq`, the version the engine runs).
    static func activeMQ(_ context: RuleContext) -> SchemaWalk {
        context.index[activeMQPart]
    }

    static let activeMQPart = DocumentIndex.Part("schema-walk-activemq") { index in
        let version = activeMQVersion(index)
        let chosen = Vocabulary.activeMQ(version)
            ?? Vocabulary.activeMQ(version < ActiveMQVersion(major: 5, minor: 15) ? ActiveMQVersion(major: 5, minor: 15) : .defaultVersion)!
        var walk = SchemaWalk()
        walk.schema = chosen.schema
        walk.run(Array(index.document.allElements), root: nil, count: index.document.allElements.count,
                 vocabulary: chosen.vocabulary, foreignIsUnknown: false)
        return walk
    }

    /// The ActiveMQ version a document is checked against.
    static func activeMQVersion(_ index: DocumentIndex) -> ActiveMQVersion {
        if let version = index.settings.activeMQVersion { return version }
        if case .amazonMQ(let engine) = index.settings.profile { return ActiveMQVersion(amazonMQ: engine) }
        return schemaLocationVersion(index.document) ?? .defaultVersion
    }

    /// The version in a versioned schema location (`…/activemq-core-5.15.0.xsd`), if any.
    static func schemaLocationVersion(_ document: LosslessDocument) -> ActiveMQVersion? {
        for element in document.allElements.prefix(64) {
            for attribute in element.attributes where attribute.localName == "schemaLocation" {
                let value = attribute.value
                guard let marker = value.firstUTF8Range(of: "activemq-core-") else { continue }
                let rest = value[marker.upperBound...]
                let version = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
                let trimmed = version.hasSuffix(".") ? version.dropLast() : version
                if rest.dropFirst(version.count).hasPrefix("xsd") || rest.dropFirst(trimmed.count).hasPrefix(".xsd"),
                    let parsed = ActiveMQVersion(String(trimmed))
                {
                    return parsed
                }
            }
        }
        return nil
    }

    /// ` (not in ActiveMQ 6.1.8's schema; known in 5.15.15 to 5.16.5)`, or nothing when no other
    /// schema knows the name either.
    static func otherVersions(_ known: [String], schema: String) -> String {
        guard !known.isEmpty else { return "" }
        let all = Vocabulary.activeMQSchemas
        let indices = known.compactMap { all.firstIndex(of: $0) }
        let contiguous = indices.count > 1 && zip(indices, indices.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let range = known.count == 1 ? known[0] : contiguous ? "\(known[0]) to \(known[known.count - 1])" : known.joined(separator: ", ")
        return " (not in ActiveMQ \(schema)'s schema; known in \(range))"
    }

    /// Amazon MQ's schema for the profile's engine version over each broker (Amazon MQ keeps only
    /// the `<broker>`; what its schema lacks, including other namespaces, it removes). Nil under
    /// the `activemq` profile.
    static func amazonMQ(_ context: RuleContext) -> SchemaWalk? {
        context.index[amazonMQPart]
    }

    static let amazonMQPart = DocumentIndex.Part("schema-walk-amazon-mq") { index -> SchemaWalk? in
        guard case .amazonMQ(let engine) = index.settings.profile else { return nil }
        var walk = SchemaWalk()
        walk.schema = "Amazon MQ \(engine.rawValue)"
        for broker in index.brokers {
            walk.run([broker.element] + Array(broker.element.descendants), root: broker.element,
                     count: index.document.allElements.count, vocabulary: .amazonMQ(engine), foreignIsUnknown: true)
        }
        return walk
    }

    private mutating func run(_ elements: [LosslessDocument.Element], root: LosslessDocument.Element?, count: Int,
                              vocabulary: Vocabulary, foreignIsUnknown: Bool) {
        // Roles by element ordinal: an array, not a dictionary (this runs for every element).
        var roles = [Role?](repeating: nil, count: count)
        for element in elements {
            let parentRole = element == root ? nil : element.parent.flatMap { roles[$0.ordinal] }
            if parentRole == .unknown {
                roles[element.ordinal] = .unknown
                continue
            }
            guard element.namespaceURI == Self.core else {
                if foreignIsUnknown, let parentRole, parentRole != .foreign {
                    unknownElements.append(UnknownElement(element: element, parent: parentRole, suggestion: nil))
                    roles[element.ordinal] = .unknown
                } else {
                    roles[element.ordinal] = .foreign
                }
                continue
            }
            let name = element.localName
            var role: Role = .unknown
            switch parentRole {
            case nil, .foreign?:
                if vocabulary.element(name) != nil { role = .bean(name) }
            case .bean(let bean)?:
                if vocabulary.element(bean)?.properties[name] != nil { role = .property(bean: bean, name: name) }
            case .property(let bean, let property)?:
                if let rule = vocabulary.element(bean)?.properties[property],
                    rule.references.contains(name) || (rule.anyGlobal && vocabulary.element(name) != nil)
                {
                    role = .bean(name)
                }
            case .unknown?:
                break
            }
            if role == .unknown {
                unknownElements.append(UnknownElement(element: element, parent: parentRole,
                                                      suggestion: Self.suggestion(for: name, under: parentRole, in: vocabulary)))
            }
            roles[element.ordinal] = role
            attributes(of: element, role, vocabulary)
        }
    }

    /// The closest allowed name, computed only for an unknown element.
    private static func suggestion(for name: String, under parentRole: Role?, in vocabulary: Vocabulary) -> String? {
        switch parentRole {
        case nil, .foreign?:
            return Spelling.closest(to: name, in: vocabulary.elementNames)
        case .bean(let bean)?:
            return Spelling.closest(to: name, in: (vocabulary.element(bean)?.properties ?? [:]).keys)
        case .property(let bean, let property)?:
            guard let rule = vocabulary.element(bean)?.properties[property] else { return nil }
            return rule.anyGlobal ? Spelling.closest(to: name, in: vocabulary.elementNames) : Spelling.closest(to: name, in: rule.references)
        case .unknown?:
            return nil
        }
    }

    private mutating func attributes(of element: LosslessDocument.Element, _ role: Role, _ vocabulary: Vocabulary) {
        switch role {
        case .bean(let bean):
            guard let rule = vocabulary.element(bean) else { return }
            for attribute in element.attributes {
                if attribute.prefix != nil {
                    if !rule.otherNamespaceAttributes {
                        unknownAttributes.append(UnknownAttribute(attribute: attribute, element: element, role: role, suggestion: nil))
                    }
                } else if let type = rule.attributes[attribute.localName] {
                    typedAttributes.append(TypedAttribute(attribute: attribute, element: element, type: type))
                } else {
                    unknownAttributes.append(UnknownAttribute(attribute: attribute, element: element, role: role,
                                                              suggestion: Spelling.closest(to: attribute.localName, in: rule.attributes.keys)))
                }
            }
        case .property:
            for attribute in element.attributes {
                unknownAttributes.append(UnknownAttribute(attribute: attribute, element: element, role: role, suggestion: nil))
            }
        default:
            return
        }
    }

    /// ` (did you mean 'x'?)`, or nothing.
    static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
