#!/usr/bin/env python3
"""Prints, as JSON, the text of every broker configuration in a YAML or JSON file as Python's
readers see it: CloudFormation templates through cfn-lint's template decoder (short intrinsic forms
become long ones), other files through PyYAML (every document). An Fn::Join is joined with each
intrinsic written {{Fn::Name …}} (with the resource it reads), and a CloudFormation Data value that is base64 is decoded, as
activemq-config does. The suite compares these texts with what activemq-config extracts
(Tests/ActiveMQHostsTests).

Usage: yaml-extract.py FILE   (exit 3 when PyYAML or cfn-lint is not installed)
"""
import base64
import binascii
import json
import re
import sys

try:
    import yaml
    from cfnlint.decode import decode
except ImportError as error:
    print(f"{error.name} is not installed (pip install pyyaml cfn-lint)", file=sys.stderr)
    sys.exit(3)

BROKER = re.compile(r"[<:]broker[\s>/]")


def is_broker(text):
    """A broker configuration: it begins with '<' and names a <broker> (prose that names one is not)."""
    return text.lstrip().startswith("<") and BROKER.search(text) is not None


def intrinsic(value):
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        if key == "Ref" or key.startswith("Fn::"):
            return key
    return None


def describe(value):
    """An intrinsic as activemq-config writes it in a joined text: its name, and the resource it reads."""
    name = intrinsic(value)
    if name is None:
        return "value"
    argument = value[name]
    if name == "Ref" and isinstance(argument, str):
        return f"Ref {argument}"
    if name == "Fn::GetAtt":
        if isinstance(argument, str):
            return f"Fn::GetAtt {argument}"
        if isinstance(argument, list) and len(argument) == 2 and all(isinstance(part, str) for part in argument):
            return f"Fn::GetAtt {argument[0]}.{argument[1]}"
        return name
    if name == "Fn::Select" and isinstance(argument, list) and len(argument) == 2 and intrinsic(argument[1]):
        return f"Fn::Select {argument[0]} " + describe(argument[1])
    return name


def walk(value, found, key=None):
    if isinstance(value, dict):
        if list(value.keys()) == ["Fn::Join"] and isinstance(value["Fn::Join"], list) and len(value["Fn::Join"]) == 2:
            delimiter, items = value["Fn::Join"]
            if isinstance(items, list):
                text = delimiter.join(item if isinstance(item, str) else "{{%s}}" % describe(item) for item in items)
                if is_broker(text):
                    found.append(text)
                    return
        for name, item in value.items():
            walk(item, found, name)
    elif isinstance(value, list):
        for item in value:
            walk(item, found)
    elif isinstance(value, str):
        if is_broker(value):
            found.append(value)
        elif key == "Data":
            try:
                decoded = base64.b64decode(value, validate=False).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return
            if is_broker(decoded):
                found.append(decoded)


class Loader(yaml.SafeLoader):
    pass


Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode)
                             else loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_mapping(node))


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8", newline="") as f:
        source = f.read()
    found = []
    if re.search(r"^\s*\"?Resources\"?\s*:", source, re.M):
        template, matches = decode(path)
        if matches:
            print(matches, file=sys.stderr)
            sys.exit(1)
        walk(template, found)
    else:
        for document in yaml.load_all(source, Loader=Loader):
            walk(document, found)
    json.dump(found, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
