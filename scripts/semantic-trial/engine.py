"""The engine's top 50 on the national catalogue for each question of a TSV.

usage: engine.py SET.tsv > engine.jsonl   (needs a release build: cargo build --release -p sotay-cli)
"""
import json, os, subprocess, sys

SOTAY = os.path.join(os.path.dirname(__file__), "../../target/release/sotay")
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    question = line.split("\t")[0]
    run = subprocess.run([SOTAY, "search", "--scope", "national", "--json", "--limit", "50", question],
                         capture_output=True, text=True, check=True)
    hits = json.loads(run.stdout)["hits"]
    print(json.dumps({"top": [[h["code"], h["score"]] for h in hits]}))
