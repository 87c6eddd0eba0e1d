#!/usr/bin/env python3
"""Prints, as JSON, every string value of a Terraform file that holds an ActiveMQ <broker>, as
python-hcl2 (PyPI) reads it: a heredoc as its raw body (the lines between its markers, each with
its newline), a quoted string decoded. The suite compares them with what activemq-config extracts
(Tests/ActiveMQHostsTests): python-hcl2 applies neither the template escapes ($${, %%{) nor the
indented heredoc's stripping, so the comparison is of bodies as written and of decoded strings with
those escapes applied here.

Usage: hcl2-extract.py FILE.tf   (exit 3 when python-hcl2 is not installed)
"""
import json
import re
import sys

try:
    import hcl2
    from hcl2.utils import SerializationOptions
except ImportError:
    print("python-hcl2 is not installed (pip install python-hcl2)", file=sys.stderr)
    sys.exit(3)

BROKER = re.compile(r"[<:]broker[\s>/]")


def walk(value, found):
    if isinstance(value, dict):
        for item in value.values():
            walk(item, found)
    elif isinstance(value, list):
        for item in value:
            walk(item, found)
    elif isinstance(value, str):
        heredoc = re.match(r"<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n", value)
        if heredoc:
            body = value[heredoc.end():]
            body = body[: body.rfind("\n") + 1]  # the closing marker's line goes
            text, kind = body, "heredoc"
        else:
            text, kind = value.replace("$${", "${").replace("%%{", "%{"), "string"
        if BROKER.search(text):
            found.append({"kind": kind, "text": text})


def main():
    with open(sys.argv[1], encoding="utf-8", newline="") as f:
        source = f.read()
    options = SerializationOptions(preserve_heredocs=True, strip_string_quotes=True, with_comments=False, explicit_blocks=False)
    found = []
    walk(hcl2.loads(source, serialization_options=options), found)
    json.dump(found, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
