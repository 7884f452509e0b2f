"""The browser libraries are vendored as the manifest says (pinned versions, unchanged files, licences beside
them) and the page loads nothing from elsewhere nor writes data into the DOM as HTML."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import newsgraph.web

STATIC = Path(newsgraph.web.__file__).parent / "static"
VENDOR = STATIC / "vendor"
MANIFEST = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
PINNED = {"cytoscape": "3.34.4", "vis-timeline": "8.5.4", "swagger-ui-dist": "5.35.0"}


def test_web_vendor_versions_are_the_pinned_ones():
    assert {p["name"]: p["version"] for p in MANIFEST["packages"]} == PINNED
    assert {p.name for p in VENDOR.iterdir() if p.is_dir()} == {p["folder"] for p in MANIFEST["packages"]}


def test_web_vendor_files_match_their_hashes_and_nothing_else_is_there():
    for package in MANIFEST["packages"]:
        folder = VENDOR / package["folder"]
        assert folder.name == f"{package['name']}-{package['version']}"
        assert sorted(p.name for p in folder.iterdir()) == sorted(package["files"])
        for name, digest in package["files"].items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{folder.name}/{name}"


def test_web_vendor_licences_are_shipped():
    for package in MANIFEST["packages"]:
        licences = [name for name in package["files"] if name.upper().startswith("LICENSE")]
        assert licences, package["name"]
        text = (VENDOR / package["folder"] / licences[0]).read_text(encoding="utf-8")
        assert "Permission is hereby granted" in text or "Apache License" in text or "MIT" in text


def test_web_page_loads_only_files_of_this_server():
    for name in ("index.html", "docs.html"):
        html = (STATIC / name).read_text(encoding="utf-8")
        sources = re.findall(r'(?:src|href)="([^"]*)"', html)
        assert sources and all(s.startswith("/static/") or s == "data:," for s in sources), sources
        for path in (s for s in sources if s.startswith("/static/")):
            assert (STATIC / path.removeprefix("/static/")).is_file(), path
        assert "<script>" not in html  # no inline script: the CSP forbids it
    for name in ("index.html", "docs.html", "newsgraph.js", "docs.js", "newsgraph.css"):
        assert not re.search(r"https?://(?!www\.w3\.org)", (STATIC / name).read_text(encoding="utf-8")), name


def test_web_page_script_never_writes_html():
    script = (STATIC / "newsgraph.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script.replace("never innerHTML", ""), sink
