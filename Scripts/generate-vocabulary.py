#!/usr/bin/env python3
"""Generates, from the official XSDs, the lint vocabularies
(Sources/ActiveMQLint/Vocabulary/GeneratedVocabularies.swift) and the typed model's attribute
accessors with the schema versions that know each attribute
(Sources/ActiveMQConfig/Model/GeneratedAttributes.swift; their prose comes from
Scripts/attribute-docs.json, a hand-written overlay of summaries and defaults).

    Scripts/generate-vocabulary.py [SHARED_REFERENCE_DIR] [LINT_OUTPUT] [ACCESSORS_OUTPUT]

Defaults: ../shared/reference beside the repository, and the committed Swift files. Each schema
becomes one compact text table (a raw string literal, parsed once at first use): a literal of
hundreds of typed entries would cost the Swift type checker minutes.

Table format, one entry per line (in the ActiveMQ union table, each line is prefixed with the hex
mask of the schemas that have it and a tab):
    E name [x] [y]                  a global element; x: children from other namespaces allowed;
                                    y: attributes from other namespaces allowed
    A attribute type [enum=a|b] [min=N] [max=N]
                                    an attribute: type is string, boolean, integer or decimal
    P property refs [*] [#]         a property child element: refs (comma-separated global
                                    elements, or -), * any global element, # other namespaces
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Apache ActiveMQ's schemas, oldest first: one union table, each line tagged with the schemas that
# have it (a bit per schema, in this order), so fifteen versions cost little more than one.
ACTIVEMQ = [
    "5.15.15", "5.16.5", "5.17.3", "5.18.3", "5.18.4", "5.18.5", "5.18.7",
    "5.19.7", "5.19.10", "6.0.1", "6.1.8", "6.2.6", "6.2.9", "6.3.1",
]
SOURCES = [
    ("amazonMQ_5_15_16", "amazon-mq/amazon-mq-active-mq-5.15.16.xsd"),
    ("amazonMQ_5_16_7", "amazon-mq/amazon-mq-active-mq-5.16.7.xsd"),
    ("amazonMQ_5_17_6", "amazon-mq/amazon-mq-active-mq-5.17.6.xsd"),
    ("amazonMQ_5_18_4", "amazon-mq/amazon-mq-active-mq-5.18.4.xsd"),
    ("amazonMQ_5_19_1", "amazon-mq/amazon-mq-active-mq-5.19.1.xsd"),
]
BASE_TYPES = {
    "boolean": "boolean",
    "integer": "integer", "int": "integer", "long": "integer", "short": "integer", "byte": "integer",
    "double": "decimal", "float": "decimal", "decimal": "decimal",
}


def local(name):
    return name.split(":")[-1] if name else name


def simple_type(restriction):
    base = BASE_TYPES.get(local(restriction.get("base")), "string")
    parts = [base]
    enums = [e.get("value") for e in restriction.findall(XS + "enumeration")]
    if enums:
        parts.append("enum=" + "|".join(enums))
    for facet, key in (("minInclusive", "min"), ("maxInclusive", "max")):
        node = restriction.find(XS + facet)
        if node is not None:
            parts.append(f"{key}={node.get('value')}")
    return " ".join(parts)


def table(path):
    schema = ET.parse(path).getroot()
    named = {}
    for st in schema.findall(XS + "simpleType"):
        restriction = st.find(XS + "restriction")
        if restriction is not None:
            named[st.get("name")] = simple_type(restriction)
    lines = []
    for element in sorted(schema.findall(XS + "element"), key=lambda e: e.get("name")):
        complex_type = element.find(XS + "complexType")
        flags = []
        attributes, properties = [], []
        if complex_type is not None:
            outer = complex_type.find(XS + "choice")
            inner = outer.find(XS + "choice") if outer is not None else None
            containers = [c for c in (outer, inner) if c is not None]
            for container in containers:
                for any_ in container.findall(XS + "any"):
                    if any_.get("namespace") == "##other" and "x" not in flags:
                        flags.append("x")
                for prop in container.findall(XS + "element"):
                    if prop.get("name") is None:
                        continue
                    refs, markers = [], []
                    prop_type = prop.find(XS + "complexType")
                    if prop_type is not None:
                        for node in prop_type.iter():
                            if node.tag == XS + "element" and node.get("ref"):
                                refs.append(local(node.get("ref")))
                            elif node.tag == XS + "any":
                                mark = "#" if node.get("namespace") == "##other" else "*"
                                if mark not in markers:
                                    markers.append(mark)
                    properties.append(" ".join(["P", prop.get("name"), ",".join(sorted(set(refs))) or "-"] + markers))
            if complex_type.find(XS + "anyAttribute") is not None:
                flags.append("y")
            for attribute in complex_type.findall(XS + "attribute"):
                name = attribute.get("name")
                if attribute.get("type"):
                    kind = local(attribute.get("type"))
                    described = named.get(kind) or BASE_TYPES.get(kind, "string")
                else:
                    restriction = attribute.find(f"{XS}simpleType/{XS}restriction")
                    described = simple_type(restriction) if restriction is not None else "string"
                attributes.append(f"A {name} {described}")
        lines.append(" ".join(["E", element.get("name")] + flags))
        lines.extend(sorted(attributes))
        lines.extend(sorted(properties))
    return "\n".join(lines)


def main():
    reference = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(ROOT), "shared", "reference")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "Sources", "ActiveMQLint", "Vocabulary", "GeneratedVocabularies.swift")
    out = [
        "// Generated by Scripts/generate-vocabulary.py from the official ActiveMQ and Amazon MQ XSDs.",
        "// Do not edit: run the script again (a test checks that it changes nothing).",
        "// Format: see the script. Each table is parsed once, on first use.",
        "",
        "extension Vocabulary {",
    ]
    # The ActiveMQ union: per schema, element -> (E line, [A/P lines]); then every distinct line with
    # the mask of the schemas that have it, blocks in element order.
    per_version = []
    for version in ACTIVEMQ:
        blocks, current = {}, None
        for line in table(os.path.join(reference, f"activemq/activemq-{version}.xsd")).split("\n"):
            if line.startswith("E "):
                current = line.split()[1]
                blocks[current] = (line, [])
            elif current is not None:
                blocks[current][1].append(line)
        per_version.append(blocks)
    union = []
    for element in sorted({name for blocks in per_version for name in blocks}):
        def tagged(lines_of):
            seen = {}
            for bit, blocks in enumerate(per_version):
                for line in lines_of(blocks.get(element)):
                    seen[line] = seen.get(line, 0) | (1 << bit)
            return seen
        heads = tagged(lambda block: [block[0]] if block else [])
        body = tagged(lambda block: block[1] if block else [])
        for line, mask in heads.items():
            union.append(f"{mask:x}\t{line}")
        for line in sorted(body):
            union.append(f"{body[line]:x}\t{line}")
    out.append("    /// Apache ActiveMQ's schemas " + ", ".join(ACTIVEMQ) + " (`activemq/activemq-<version>.xsd`), as one")
    out.append("    /// table: each line is prefixed with the hex mask of the schemas that have it, bit 0 the first.")
    out.append("    static let activeMQSchemaVersions: [String] = [" + ", ".join(f'"{v}"' for v in ACTIVEMQ) + "]")
    out.append("")
    out.append("    /// The union table.")
    out.append('    static let activeMQUnionTable: String = #"""')
    out.extend("    " + line for line in union)
    out.append('    """#')
    out.append("")
    for name, relative in SOURCES:
        text = table(os.path.join(reference, relative))
        out.append(f"    /// From `{relative}`.")
        out.append(f"    static let {name}Table: String = #\"\"\"")
        out.extend(("    " + line) if line else "" for line in text.split("\n"))
        out.append("    \"\"\"#")
        out.append("")
    out[-1] = "}"
    with open(output, "w") as f:
        f.write("\n".join(out) + "\n")

    accessors_output = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "Sources", "ActiveMQConfig", "Model", "GeneratedAttributes.swift")
    with open(accessors_output, "w") as f:
        f.write(accessors(reference))


# The typed views whose accessors are generated: XSD element -> (Swift type, attributes written by
# hand, which the generator leaves alone).
VIEWS = [
    ("broker", "Broker", {"destinationPolicy"}),
    ("networkConnector", "NetworkConnector", {"uri", "password", "remotePassword"}),
    ("transportConnector", "TransportConnector", {"uri"}),
    ("policyEntry", "PolicyEntry", {"networkBridgeFilterFactory", "destination"}),
    ("conditionalNetworkBridgeFilterFactory", "ConditionalNetworkBridgeFilterFactory", set()),
    ("virtualTopic", "VirtualTopic", set()),
    ("compositeQueue", "CompositeDestination", set()),
    ("filteredDestination", "FilteredDestination", set()),
]
# Attributes the schema types as text (their setters take a String, for property placeholders) that
# ActiveMQ reads as a boolean or a number: the accessor types them as ActiveMQ does.
TYPE_OVERRIDES = {
    ("broker", "advisorySupport"): "boolean", ("broker", "deleteAllMessagesOnStartup"): "boolean",
    ("broker", "passiveSlave"): "boolean", ("broker", "persistent"): "boolean", ("broker", "schedulerSupport"): "boolean",
    ("broker", "shutdownOnSlaveFailure"): "boolean", ("broker", "systemExitOnShutdown"): "boolean",
    ("broker", "useJmx"): "boolean", ("broker", "waitForSlave"): "boolean",
    ("networkConnector", "prefetchSize"): "int",
}
SWIFT_KEYWORDS = {"default", "static", "class", "struct", "protocol", "import", "return", "self", "Self", "in", "is", "as",
                  "case", "switch", "where", "func", "var", "let", "init", "deinit", "extension", "operator", "subscript",
                  "internal", "private", "public", "true", "false", "nil", "throws", "rethrows", "try", "catch", "repeat", "do"}


def raw_attribute_types(path, elements):
    """element -> {attribute: raw XSD type (boolean, int, long, double, string...)}."""
    schema = ET.parse(path).getroot()
    named = {}
    for st in schema.findall(XS + "simpleType"):
        restriction = st.find(XS + "restriction")
        if restriction is not None:
            named[st.get("name")] = local(restriction.get("base"))
    result = {}
    for element in schema.findall(XS + "element"):
        if element.get("name") not in elements:
            continue
        complex_type = element.find(XS + "complexType")
        found = {}
        for attribute in complex_type.findall(XS + "attribute") if complex_type is not None else []:
            kind = local(attribute.get("type")) if attribute.get("type") else "string"
            found[attribute.get("name")] = named.get(kind, kind)
        result[element.get("name")] = found
    return result


def accessors(reference):
    overlay = json.load(open(os.path.join(HERE, "attribute-docs.json")))
    elements = [e for e, _, _ in VIEWS] + ["compositeTopic"]
    masks, types = {}, {}
    for bit, version in enumerate(ACTIVEMQ):
        for element, found in raw_attribute_types(os.path.join(reference, f"activemq/activemq-{version}.xsd"), elements).items():
            for name, kind in found.items():
                masks[(element, name)] = masks.get((element, name), 0) | (1 << bit)
                types[(element, name)] = kind  # the newest schema's type wins
    def minor(version):
        return ".".join(version.split(".")[:2])
    def availability(mask):
        known = [v for bit, v in enumerate(ACTIVEMQ) if mask & (1 << bit)]
        bits = [bit for bit in range(len(ACTIVEMQ)) if mask & (1 << bit)]
        contiguous = bits == list(range(bits[0], bits[-1] + 1))
        if mask == (1 << len(ACTIVEMQ)) - 1:
            return f"In every schema from {minor(ACTIVEMQ[0])} to {minor(ACTIVEMQ[-1])}."
        if contiguous:
            return f"In the schemas of {known[0]} to {known[-1]}."
        return "In the schemas of " + ", ".join(known) + "."
    out = [
        "// Generated by Scripts/generate-vocabulary.py from the official ActiveMQ XSDs, with the prose of",
        "// Scripts/attribute-docs.json. Do not edit: run the script again (a test checks that it changes nothing).",
        "",
        "// swiftlint:disable all",
    ]
    lines = []
    for element, swift_type, manual in VIEWS:
        names = sorted(name for (e, name) in masks if e == element)
        out += ["", f"extension {swift_type} {{"]
        for name in names:
            lines.append(f"{element} {name} {masks[(element, name)]:x}")
            if name in manual:
                continue
            kind = TYPE_OVERRIDES.get((element, name), types[(element, name)])
            doc = overlay.get(f"{element}.{name}") or f"the `{kind}` attribute the schema defines (see ActiveMQ's documentation of `<{element}>`)."
            identifier = f"`{name}`" if name in SWIFT_KEYWORDS else name
            out.append(f"    /// `{name}`: {doc} {availability(masks[(element, name)])}")
            if kind == "boolean":
                out.append(f"    public var {identifier}: ConfigValue<Bool>? {{ get throws(ConfigValueError) {{ try typedAttributes.boolean(\"{name}\") }} }}")
            elif kind in ("int", "integer", "short", "byte"):
                out.append(f"    public var {identifier}: ConfigValue<Int>? {{ get throws(ConfigValueError) {{ try typedAttributes.int(\"{name}\") }} }}")
            elif kind == "long":
                out.append(f"    public var {identifier}: ConfigValue<Int>? {{ get throws(ConfigValueError) {{ try typedAttributes.long(\"{name}\") }} }}")
            elif kind in ("double", "float", "decimal"):
                out.append(f"    public var {identifier}: ConfigValue<Double>? {{ get throws(ConfigValueError) {{ try typedAttributes.decimal(\"{name}\") }} }}")
            else:
                out.append(f"    public var {identifier}: ConfigValue<String>? {{ typedAttributes.string(\"{name}\") }}")
        out.append("}")
    for name in sorted(name for (e, name) in masks if e == "compositeTopic"):
        lines.append(f"compositeTopic {name} {masks[('compositeTopic', name)]:x}")
    out += [
        "",
        "/// Which of Apache ActiveMQ's schemas know each attribute of the typed views: one line per",
        "/// attribute, `element attribute mask`, bit 0 of the hex mask the first of ``versions``.",
        "enum GeneratedAttributeAvailability {",
        "    /// The schemas, oldest first.",
        "    static let versions: [String] = [" + ", ".join(f'"{v}"' for v in ACTIVEMQ) + "]",
        "",
        "    /// The table (parsed once, on first use).",
        '    static let table: String = #"""',
    ]
    out.extend("    " + line for line in sorted(lines))
    out += ['    """#', "}", ""]
    return "\n".join(out)


if __name__ == "__main__":
    main()
