#!/usr/bin/env python3
"""Counts defects in the legal basis of an imported handbook folder (`sotay import dvcqg … --out DIR`).

Why: the portal's table cells run together, so a splitter that misses a row boundary leaves a document
number glued to the text around it ("…trật tự184/2025/NĐ-CPQUY ĐỊNH…") and two documents in one line.
This measures how many lines still look like that; it reads only the guides' front matter.

Usage: python3 scripts/audit-legal-basis.py DIR [--show glued_before,two_docs,no_number]
"""
import collections
import os
import re
import sys
import tomllib

NUMBER = re.compile(
    r"(\d{1,4})/(\d{4})/([A-ZĐ][A-ZĐƯa-z0-9]*(?:[-_][A-ZĐƯ][A-ZĐƯa-z0-9]*)*)"
    r"|(\d{1,5})/([A-ZĐ]{2}[A-ZĐƯa-z0-9]*(?:-[A-ZĐƯ][A-ZĐƯa-z0-9]*)+)"
)
# Issuer segments followed by a glued capitalised word ("NĐ-CPQUY", "TT-BCAQUY", "NĐ-CPBAN").
GLUED_WORD = re.compile(r"(QUY|BAN|SỬA|THÔNG|NGHỊ|LUẬT|HƯỚNG|VỀ|QUYẾT)$")


def main() -> None:
    root = sys.argv[1]
    show = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[2] == "--show" else []
    count = collections.Counter()
    examples = collections.defaultdict(list)
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                front = tomllib.loads(f.read().split("+++")[1])
            count["guides"] += 1
            flags = set()
            for entry in front["legal_basis"]:
                count["lines"] += 1
                if entry == "Không có thông tin":
                    flags.add("empty")
                    continue
                found = list(NUMBER.finditer(entry))
                if not found:
                    flags.add("no_number")
                    examples["no_number"].append((name, entry))
                for m in found:
                    before = entry[m.start() - 1] if m.start() > 0 else " "
                    after = entry[m.end()] if m.end() < len(entry) else " "
                    last_segment = re.split(r"[-_/]", m.group(0))[-1]
                    if after.isalpha() or GLUED_WORD.search(last_segment):
                        count["two_docs_lines"] += 1
                        flags.add("two_docs")
                        examples["two_docs"].append((name, entry))
                        break
                    if before.isalpha():
                        count["glued_before_lines"] += 1
                        flags.add("glued_before")
                        examples["glued_before"].append((name, entry))
                        break
            for flag in flags:
                count[f"guides_{flag}"] += 1
    for key in sorted(count):
        print(f"{key:28} {count[key]}")
    for key in show:
        for name, entry in examples[key][:20]:
            print(key, name, entry[:300])


if __name__ == "__main__":
    main()
