import ActiveMQConfig

/// `unknown-element`, `unknown-attribute`, `invalid-value` against Apache ActiveMQ's schema, and,
/// under the `amazon-mq` profile, `amazon-mq-sanitized`, `amazon-mq-root` and Amazon's ranges.
enum VocabularyRules {
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

    static let core = ActiveMQNamespace.core

    /// Walks every core-namespace element under each broker with a vocabulary; calls back for
    /// unknown elements, unknown attributes and attribute values.
    struct Walk {
        let vocabulary: Vocabulary
        var onUnknownElement: (LosslessDocument.Element, _ parent: Role?, _ suggestion: String?) -> Void
        var onUnknownAttribute: (LosslessDocument.Attribute, _ element: LosslessDocument.Element, _ role: Role, _ suggestion: String?) -> Void
        var onAttribute: (LosslessDocument.Attribute, _ element: LosslessDocument.Element, _ type: Vocabulary.AttributeType) -> Void
        /// Whether elements of other namespaces inside the broker count as unknown (Amazon MQ strips them).
        var foreignIsUnknown = false

        func run(_ document: LosslessDocument) {
            run(Array(document.allElements), root: nil, count: document.allElements.count)
        }

        /// Runs over one subtree, its root taken as a global element.
        func runSubtree(_ root: LosslessDocument.Element, in document: LosslessDocument) {
            run([root] + Array(root.descendants), root: root, count: document.allElements.count)
        }

        private func run(_ elements: [LosslessDocument.Element], root: LosslessDocument.Element?, count: Int) {
            // Roles by element ordinal: an array, not a dictionary (this runs for every element).
            var roles = [Role?](repeating: nil, count: count)
            for element in elements {
                let parentRole = element == root ? nil : element.parent.flatMap { roles[$0.ordinal] }
                if parentRole == .unknown {
                    roles[element.ordinal] = .unknown
                    continue
                }
                guard element.namespaceURI == core else {
                    if foreignIsUnknown, let parentRole, parentRole != .foreign {
                        onUnknownElement(element, parentRole, nil)
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
                if role == .unknown { onUnknownElement(element, parentRole, suggestion(for: name, under: parentRole)) }
                roles[element.ordinal] = role
                checkAttributes(element, role)
            }
        }

        /// The closest allowed name, computed only for an unknown element.
        private func suggestion(for name: String, under parentRole: Role?) -> String? {
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

        private func checkAttributes(_ element: LosslessDocument.Element, _ role: Role) {
            switch role {
            case .bean(let bean):
                guard let rule = vocabulary.element(bean) else { return }
                for attribute in element.attributes {
                    if attribute.prefix != nil {
                        if !rule.otherNamespaceAttributes { onUnknownAttribute(attribute, element, role, nil) }
                    } else if let type = rule.attributes[attribute.localName] {
                        onAttribute(attribute, element, type)
                    } else {
                        onUnknownAttribute(attribute, element, role, Spelling.closest(to: attribute.localName, in: rule.attributes.keys))
                    }
                }
            case .property:
                for attribute in element.attributes { onUnknownAttribute(attribute, element, role, nil) }
            default:
                return
            }
        }
    }

    static func check(_ context: DocumentContext) {
        var unknownElements = Set<Int>()
        var unknownAttributes = Set<Int>()
        Walk(
            vocabulary: .activeMQ,
            onUnknownElement: { element, parent, suggestion in
                unknownElements.insert(element.range.lowerBound)
                let place: String
                switch parent {
                case .bean(let bean)?: place = "in <\(bean)>"
                case .property(_, let property)?: place = "in <\(property)>"
                default: place = "here"
                }
                context.report(.unknownElement, element, "<\(element.localName)> is not allowed \(place)" + hint(suggestion))
            },
            onUnknownAttribute: { attribute, element, role, suggestion in
                unknownAttributes.insert(attribute.range.lowerBound)
                if case .property = role {
                    context.report(.unknownAttribute, attribute,
                                   "<\(element.localName)> holds other elements and takes no attribute '\(attribute.qualifiedName)'")
                } else {
                    context.report(.unknownAttribute, attribute,
                                   "<\(element.localName)> has no attribute '\(attribute.qualifiedName)'" + hint(suggestion))
                }
            },
            onAttribute: { attribute, element, type in
                checkValue(context, attribute, element, type, amazon: false)
            }
        ).run(context.document)

        guard case .amazonMQ(let engine) = context.settings.profile else { return }
        let root = context.document.root
        if !(root.localName == "broker" && root.namespaceURI == core) {
            context.report(.amazonMQRoot, root,
                           "the root is <\(root.qualifiedName)>: Amazon MQ configurations are a bare <broker xmlns=\"\(core)\"> document")
        }
        let version = engine.rawValue
        for broker in context.brokers {
            Walk(
                vocabulary: .amazonMQ(engine),
                onUnknownElement: { element, _, _ in
                    guard !unknownElements.contains(element.range.lowerBound) else { return }
                    context.report(.amazonMQSanitized, element,
                                   "Amazon MQ \(version) removes <\(element.localName)> and its contents (DISALLOWED_ELEMENT_REMOVED)")
                },
                onUnknownAttribute: { attribute, element, _, _ in
                    guard !unknownAttributes.contains(attribute.range.lowerBound) else { return }
                    context.report(.amazonMQSanitized, attribute,
                                   "Amazon MQ \(version) removes attribute '\(attribute.qualifiedName)' of <\(element.localName)> (DISALLOWED_ATTRIBUTE_REMOVED)")
                },
                onAttribute: { attribute, element, type in
                    if Placeholder.containsReference(attribute.value) {
                        context.report(.amazonMQSanitized, attribute,
                                       "Amazon MQ removes '\(attribute.qualifiedName)' of <\(element.localName)>: its value is a placeholder or expression (INVALID_ATTRIBUTE_VALUE_REMOVED)")
                    } else {
                        checkValue(context, attribute, element, type, amazon: true)
                    }
                },
                foreignIsUnknown: true
            ).runSubtree(broker.element, in: context.document)
        }
    }

    private static func checkValue(_ context: DocumentContext, _ attribute: LosslessDocument.Attribute,
                                   _ element: LosslessDocument.Element, _ type: Vocabulary.AttributeType, amazon: Bool) {
        // Text without an enumeration accepts anything: no need to decode the value.
        if type.base == .string && type.enumeration == nil { return }
        let value = attribute.value
        guard !Placeholder.containsReference(value), !Placeholder.isEncrypted(value), !type.accepts(value) else { return }
        // Amazon MQ's schemas type a few booleans as strings; only its ranges and enumerations add here.
        if amazon && type.enumeration == nil && type.minimum == nil && type.maximum == nil { return }
        let shown = isSecretName(attribute.localName) ? "the value" : "'\(value)'"
        context.report(.invalidValue, attribute, valueOffset: 0,
                       "\(shown) is not valid for '\(attribute.qualifiedName)' of <\(element.localName)>: expected \(type.expectation)"
                           + (amazon ? " (Amazon MQ rejects the configuration)" : ""))
    }

    static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

