extension RuleID {
    /// `plaintext-secret`: a literal secret outside network connectors.
    public static let plaintextSecret: RuleID = "plaintext-secret"
}

extension Rule {
    /// `plaintext-secret`: literal values of attributes named like a password (outside network
    /// connectors, which `embedded-password` covers), Spring `<property name="…password…" value="…"/>`,
    /// and password options of transport connector URIs.
    public static let plaintextSecret = Rule(
        id: .plaintextSecret,
        summary: "A literal secret outside network connectors: user passwords, key store passwords, bean properties named like a password.",
        rationale: """
            `simpleAuthenticationPlugin` users, `sslContext` key and trust store passwords, transport URIs
            with password options, and Spring `<property name="…password…" value="…"/>` put secrets in the
            file. Use `${…}` placeholders, `ENC(…)` with Jasypt's `EncryptablePropertyPlaceholderConfigurer`,
            or JAAS. The finding never shows the secret. A name that says where a secret is rather than what
            it is (`passwordEnvName`, `…PasswordFile`, `…PasswordProperty`) holds no secret.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["security"],
        triggering: [
            .broker("""
                <plugins><simpleAuthenticationPlugin><users>
                  <authenticationUser username="admin" ↓password="admin" groups="admins"/>
                </users></simpleAuthenticationPlugin></plugins>
                """),
            .broker(#"<transportConnectors><transportConnector name="ssl" ↓uri="ssl://0.0.0.0:61617?keyStorePassword=changeit"/></transportConnectors>"#),
            .broker(#"<sslContext><sslContext keyStore="broker.ks" ↓keyStorePassword="password"/></sslContext>"#),
        ],
        nonTriggering: [
            .broker("""
                <plugins><simpleAuthenticationPlugin><users>
                  <authenticationUser username="admin" password="${admin.password}" groups="admins"/>
                </users></simpleAuthenticationPlugin></plugins>
                """),
            .broker(#"<sslContext><sslContext keyStore="broker.ks" keyStorePassword="ENC(mYRkg+4Q4hua1kvpCCI2hg==)"/></sslContext>"#),
            RuleExample("""
                <beans xmlns="http://www.springframework.org/schema/beans">
                  <bean id="environmentVariablesConfiguration" class="org.jasypt.encryption.pbe.config.EnvironmentStringPBEConfig">
                    <property name="algorithm" value="PBEWithMD5AndDES"/>
                    <property name="passwordEnvName" value="ACTIVEMQ_ENCRYPTION_PASSWORD"/>
                  </bean>
                  <broker xmlns="http://activemq.apache.org/schema/core"/>
                </beans>
                """),
        ],
        check: .document(checkPlaintextSecrets))
}

private func checkPlaintextSecrets(_ context: RuleContext) {
    for element in context.document.allElements {
        let localName = element.localName
        if localName == "networkConnector" && element.namespaceURI == ActiveMQNamespace.core { continue }
        for attribute in element.attributes where isSecretName(attribute.localName) && isLiteralSecret(attribute.value) {
            context.report(attribute, of: element,
                           "a literal secret in '\(attribute.qualifiedName)' of <\(element.localName)>; use a ${…} placeholder or ENC(…)")
        }
        if localName == "property", let name = element.attribute("name")?.value, isSecretName(name),
            let value = element.attribute("value"), isLiteralSecret(value.value)
        {
            context.report(value, of: element, "a literal secret in bean property '\(name)'; use a ${…} placeholder or ENC(…)")
        }
    }
    for entry in context.transportConnectors {
        let connector = entry.connector
        guard let attribute = connector.element.attribute("uri"), let uri = entry.literalURI else { continue }
        for option in uri.literalPasswordOptions {
            context.report(attribute, of: connector.element,
                           "transport connector '\(redactText(connector.effectiveName))' has a literal '\(option)'; use a ${…} placeholder")
        }
    }
}
