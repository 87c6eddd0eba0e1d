import ActiveMQConfig

/// What one broker schema says of each element of a document: computed once per document and
/// vocabulary (``RuleContext/memo(_:_:)``), read by `unknown-element`, `unknown-attribute`,
/// `invalid-value`, `amazon-mq-sanitized`.
struct SchemaWalk {
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

    var unknownElements: [UnknownElement] = []
    var unknownAttributes: [UnknownAttribute] = []
    var typedAttributes: [TypedAttribute] = []

    static let core = ActiveMQNamespace.core

    /// Apache ActiveMQ's schema over the whole document.
    static func activeMQ(_ context: RuleContext) -> SchemaWalk {
        context.memo("schema-walk-activemq") {
            var walk = SchemaWalk()
            walk.run(Array(context.document.allElements), root: nil, count: context.document.allElements.count,
                     vocabulary: .activeMQ, foreignIsUnknown: false)
            return walk
        }
    }

    /// Amazon MQ's schema for the profile's engine version over each broker (Amazon MQ keeps only
    /// the `<broker>`; what its schema lacks, including other namespaces, it removes). Nil under
    /// the `activemq` profile.
    static func amazonMQ(_ context: RuleContext) -> SchemaWalk? {
        guard case .amazonMQ(let engine) = context.settings.profile else { return nil }
        return context.memo("schema-walk-amazon-mq") {
            var walk = SchemaWalk()
            for broker in context.brokers {
                walk.run([broker.element] + Array(broker.element.descendants), root: broker.element,
                         count: context.document.allElements.count, vocabulary: .amazonMQ(engine), foreignIsUnknown: true)
            }
            return walk
        }
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
