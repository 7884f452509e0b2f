"""A fast reader of plain YAML data files, built straight from libyaml's event stream.

PyYAML's constructors are written in Python and take most of the time of loading the knowledge base; the event
stream of the C parser is fast. This reader supports what the data files use: block and flow mappings and
sequences, and scalars. Unquoted scalars read as None (``null``, ``~``, empty), booleans (``true``/``false``),
integers and floats; everything else, dates included, stays a string. Anchors, aliases and tags are not used in
the data files and are rejected.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?\d+\Z")
_FLOAT = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if not event.implicit[0]:  # quoted: a string as written
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def load(text: str) -> Any:
    """The data of one YAML document (None when empty); raises yaml.YAMLError on bad YAML."""
    stack: list[Any] = []
    keys: list[Any] = []
    result: Any = None
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.YAMLError("anchors and aliases are not supported in data files")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append({} if isinstance(event, yaml.MappingStartEvent) else [])
            keys.append(_MISSING)
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            value = stack.pop()
            keys.pop()
        elif isinstance(event, yaml.ScalarEvent):
            value = _scalar(event)
        else:
            continue
        if not stack:
            result = value
            continue
        container = stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif keys[-1] is _MISSING:
            keys[-1] = value
        else:
            container[keys[-1]] = value
            keys[-1] = _MISSING
    return result


class _Missing:
    pass


_MISSING = _Missing()
