public import ActiveMQConfig

// The findings of host files (Terraform, YAML, CloudFormation): raised by `ActiveMQHosts` while it
// reads a host, not by a check on a document. Registered here so that `rules`, `explain`,
// `Docs/rules/` and the settings know them. Their examples are the files of `Fixtures/iac/`.

extension RuleID {
    /// `host-syntax`: a host file the reader cannot read around a configuration.
    public static let hostSyntax: RuleID = "host-syntax"
    /// `terraform-template-variable`: a `${…}` that `templatefile()` cannot fill, or that `file()`
    /// leaves as it is.
    public static let terraformTemplateVariable: RuleID = "terraform-template-variable"
}

extension Rule {
    /// `host-syntax`: the host file around a configuration does not read.
    public static let hostSyntax = Rule(
        id: .hostSyntax,
        summary: "A Terraform, YAML or JSON file that holds configurations does not read: a heredoc or string never closed, invalid YAML.",
        rationale: """
            Raised while reading a host file: a Terraform heredoc whose marker line never comes, a quoted
            string not closed on its line, a comment never closed; YAML that libyaml rejects (its problem
            and place); a file with more nodes than the reader follows (an alias bomb). Terraform, kubectl or
            CloudFormation would refuse the file too. The rest of the file is still read where it can be
            (`Fixtures/iac/`, `Docs/hosts/`).
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "hosts"],
        triggering: [], nonTriggering: [], check: .tool)

    /// `terraform-template-variable`: a template reference Terraform cannot or will not fill.
    public static let terraformTemplateVariable = Rule(
        id: .terraformTemplateVariable,
        summary: "A ${…} in a configuration read by templatefile() that its variables lack, or by file(), which leaves it as written.",
        rationale: """
            `templatefile(path, { … })` fills each `${name}` of the template from its variables map: a name
            the literal map lacks makes `terraform plan` fail ("vars map does not contain key"). `file(path)`
            fills nothing: a `${…}` in the file reaches the broker as written, where Amazon MQ removes it as
            a placeholder and ActiveMQ resolves it as a Spring property, rarely what was meant. Each finding
            is in the template, with a note at the call (`Docs/hosts/terraform.md`).
            """,
        activeMQ: .warning, amazonMQ: .error, tags: ["correctness", "hosts"],
        triggering: [], nonTriggering: [], check: .tool)

    /// The rules the host readers raise.
    public static let hostRules: [Rule] = [.hostSyntax, .terraformTemplateVariable]
}
