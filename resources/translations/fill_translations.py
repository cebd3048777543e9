#!/usr/bin/env python3
"""Fills sosoik_ko.ts (and the English plural forms in sosoik_en.ts) from ko_strings.py.

Workflow after changing UI strings: add the new Korean strings to ko_strings.py, then
  bash resources/translations/update_translations.sh   (lupdate, this script, lupdate again)
Prints every source text that still lacks a Korean translation (neither here nor in the .ts) and exits 1
if any does.
"""
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ko_strings import EN_PLURALS, KO  # noqa: E402


def fill(path, lookup):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        value = lookup(source, message.get("numerus") == "yes")
        if value is None:
            # Kept from the catalogue when it has one (strings translated in the .ts itself).
            has_text = (translation.text or "").strip() or any((f.text or "").strip() for f in translation)
            if "ko" in os.path.basename(path) and (not has_text or translation.get("type")):
                missing.append(source)
            continue
        translation.attrib.pop("type", None)
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            for form in value if isinstance(value, list) else [value]:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")
    return missing


missing = fill(os.path.join(HERE, "sosoik_ko.ts"), lambda s, numerus: KO.get(s))
fill(os.path.join(HERE, "sosoik_en.ts"), lambda s, numerus: EN_PLURALS.get(s) if numerus else None)
for m in missing:
    print("untranslated:", m)
sys.exit(1 if missing else 0)
