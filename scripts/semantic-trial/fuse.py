"""R@1, R@5 and MRR@10 of the engine, of e5, and of the two fused; prints aggregates only.

usage: fuse.py SET.tsv engine.jsonl e5.jsonl

Fusion re-orders the engine's top 10 by its score plus WEIGHT × 10 × (cosine − the best cosine), and,
for comparison, by reciprocal rank.
"""
import json, sys

def judged(path):
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            yield set(line.rstrip("\n").split("\t")[1].split(","))

def metrics(rankings, expected):
    r1 = r5 = mrr = 0.0
    for ranking, codes in zip(rankings, expected):
        rank = next((i + 1 for i, c in enumerate(ranking[:10]) if c in codes), None)
        r1 += rank == 1
        r5 += rank is not None and rank <= 5
        mrr += 1 / rank if rank else 0
    n = len(expected)
    return f"R@1 {r1 / n:.3f}  R@5 {r5 / n:.3f}  MRR@10 {mrr / n:.3f}"

def by_score(engine, e5, weight):
    cosine = dict(map(tuple, e5["top"]))
    floor, best = e5["top"][-1][1], e5["top"][0][1]
    top = engine["top"][:10]
    score = {c: s + weight * 10 * (cosine.get(c, floor) - best) for c, s in top}
    return sorted(score, key=lambda c: -score[c])

def by_rank(engine, e5, weight, k=60):
    rank = {c: i + 1 for i, (c, _) in enumerate(e5["top"])}
    top = [c for c, _ in engine["top"][:10]]
    score = {c: 1 / (k + i + 1) + weight / (k + rank.get(c, 1000)) for i, c in enumerate(top)}
    return sorted(score, key=lambda c: -score[c])

expected = list(judged(sys.argv[1]))
engine = [json.loads(l) for l in open(sys.argv[2])]
e5 = [json.loads(l) for l in open(sys.argv[3])]
assert len(expected) == len(engine) == len(e5)
print("engine      ", metrics([[c for c, _ in r["top"]] for r in engine], expected))
print("e5          ", metrics([[c for c, _ in r["top"]] for r in e5], expected))
for weight in (0.1, 0.2, 0.3, 0.5):
    print(f"score {weight:<5} ", metrics([by_score(a, b, weight) for a, b in zip(engine, e5)], expected))
for weight in (0.1, 0.2):
    print(f"rank  {weight:<5} ", metrics([by_rank(a, b, weight) for a, b in zip(engine, e5)], expected))
