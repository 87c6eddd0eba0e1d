extension RuleID {
    /// `embedded-password`: a literal password in a network connector.
    public static let embeddedPassword: RuleID = "embedded-password"
}

extension Rule {
    /// `embedded-password`: a literal password in a network connector (attribute, `user:password@`,
    /// or a `password=` option). It can never be disabled, suppressed or downgraded.
    public static let embeddedPassword = Rule(
        id: .embeddedPassword,
        summary: "A literal password in a network connector: attribute, user:password@, or a password= option.",
        rationale: """
            A password in a connector is readable by anyone who can read the file, its history and its
            copies. On Amazon MQ, the password of the user named by `userName` is supplied by the service:
            never write one. On a self-managed broker, refer to it with a placeholder resolved at start
            (`password="${AMQ_BRIDGE_PASSWORD}"`) or encrypt it (`ENC(…)`). The finding says where the password
            is, never what it is: it appears in no output format, and the builder cannot write one.

            A password attribute has a fix, unsafe because the broker then needs the secret from elsewhere:
            under `activemq` it becomes `${AMQ_BRIDGE_PASSWORD}` (`--secret-variable NAME` names another;
            `remotePassword` gets `${NAME_REMOTE}`), under `amazon-mq` the attribute is removed. Either way,
            rotate the password: it stays in the repository's history.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["security"], fix: .unsafe, isMandatory: true,
        triggering: [
            .connectors(#"<networkConnector name="a" userName="bridge" ↓password="s3cret" uri="static:(ssl://h:61617)"/>"#)
                .fixed(#"<networkConnector name="a" userName="bridge" password="${AMQ_BRIDGE_PASSWORD}" uri="static:(ssl://h:61617)"/>"#),
            .connectors(#"<networkConnector name="a" uri="static:(↓ssl://bridge:s3cret@b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="bridge" uri="↓static:(ssl://h:61617)?password=s3cret"/>"#),
            .connectors(#"<networkConnector name="a" userName="bridge" ↓remotePassword="s3cret" uri="static:(ssl://h:61617)"/>"#)
                .fixed(#"<networkConnector name="a" userName="bridge" remotePassword="${AMQ_BRIDGE_PASSWORD_REMOTE}" uri="static:(ssl://h:61617)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="bridge" password="${AMQ_BRIDGE_PASSWORD}" uri="static:(ssl://h:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="bridge" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="bridge" password="ENC(mYRkg+4Q4hua1kvpCCI2hg==)" uri="static:(ssl://h:61617)"/>"#),
        ],
        check: .document(checkEmbeddedPassword))
}

private func checkEmbeddedPassword(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        let element = connector.element
        let name = connector.effectiveName
        func message(_ location: String) -> String {
            "a literal password in network connector '\(name)' (\(location)); use a ${…} placeholder"
                + (context.isAmazonMQ ? ", or none: Amazon MQ supplies it" : "")
        }
        for attributeName in ["password", "remotePassword"] {
            guard let attribute = element.attribute(attributeName), TypedAttributes(element: element).secret(attributeName)?.isLiteral == true
            else { continue }
            let variable = context.settings.secretVariable + (attributeName == "remotePassword" ? "_REMOTE" : "")
            let edit = context.isAmazonMQ
                ? try? context.document.editRemovingAttribute(attributeName, from: element)
                : try? context.document.editSettingAttribute(attributeName, to: "${\(variable)}", on: element)
            let fix = edit.map {
                Diagnostic.Fix(context.isAmazonMQ ? "remove the attribute; rotate the password" : "refer to ${\(variable)}; rotate the password",
                               edits: [$0], applicability: .unsafe)
            }
            context.report(attribute, of: element,
                           message("the '\(attributeName)' attribute") + "; rotate it, since it stays in the history", fix: fix)
        }
        guard let attribute = element.attribute("uri") else { continue }
        guard let uri = context.judgedURI(of: connector) else {
            // A URI that does not parse (uri-syntax reports why) may still hold a password.
            if redactText(attribute.value) != attribute.value {
                context.report(attribute, of: element, valueOffset: 0,
                               message("the connector URI, which does not parse, holds what reads as a password"))
            }
            continue
        }
        for option in uri.options where option.isLiteralPassword {
            context.report(attribute, of: element, valueOffset: 0, message("the connector URI's '\(option.name)' option"))
        }
        for (index, (member, offset)) in zip(uri.members, uri.memberOffsets).enumerated() {
            for location in member.secrets("member \(index + 1) of the URI") {
                context.report(attribute, of: element, valueOffset: offset, message(location))
            }
        }
    }
}
