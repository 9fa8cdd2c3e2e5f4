"""Reference values for dev.ruru.data.text's tests, computed independently of Ruru with Python alone.

Reads the embedded corpus (ruru-data/src/main/resources/dev/ruru/data/text/newton-opticks-queries.txt)
and writes, beside this script:
  opticks-w4-vocabulary.txt  the W4 vocabulary (w4_lstm_torch.py: the 64 most frequent characters, then
                             one "other" id 64): one line per id, "id<TAB>U+XXXX<TAB>count" (the unknown
                             token U+FFFD counts every character it stands for)
  opticks-w4-ids-head.txt    the ids of the first 1,000 characters, 20 per line
  opticks-w4-summary.txt     characters, distinct characters, and a hash of all ids:
                             h = (h * 31 + id) mod 1,000,000,007 over the whole text, h starting at 0
  opticks-words.txt          the 40 most frequent word tokens (WordTokenizer's rule, re-implemented with
                             a regular expression below) as "count<TAB>token" with whitespace escaped,
                             and the total number of word tokens on the first line

  sampling.txt               next-token distributions after temperature, top-k and top-p, computed the
                             way Hugging Face's TemperatureLogitsWarper, TopKLogitsWarper and
                             TopPLogitsWarper do (re-implemented on lists below), for fixed logits

Ties: W4 ranks with collections.Counter.most_common, which breaks ties by first occurrence; Ruru breaks
them by code point, so that a vocabulary depends on the counts alone. The reference sorts by
(-count, character) and the script prints any id where most_common would differ. On this corpus the two
agree, even at the cut: the 64th and 65th characters, '6' and '7', both occur 13 times, and '6' comes
first both in code point order and in the text.

Run: /usr/bin/python3 ruru-data/src/test/resources/text/make_reference.py
"""
import collections
import math
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "main", "resources", "dev", "ruru", "data", "text",
                      "newton-opticks-queries.txt")
V = 65  # W4: 64 characters + 1 other
UNKNOWN = "\ufffd"
MODULUS = 1_000_000_007


def write(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def characters(text):
    counts = collections.Counter(text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [c for c, _ in ranked[:V - 1]]
    w4_top = [c for c, _ in counts.most_common(V - 1)]
    if top != w4_top:
        differ = [i for i in range(V - 1) if top[i] != w4_top[i]]
        print(f"most_common and (-count, char) order differ at ids {differ} (ties)")
    lut = {c: i for i, c in enumerate(top)}
    ids = [lut.get(c, V - 1) for c in text]
    other = sum(n for c, n in counts.items() if c not in lut)
    lines = [f"{i}\tU+{ord(c):04X}\t{counts[c]}" for i, c in enumerate(top)]
    lines.append(f"{V - 1}\tU+{ord(UNKNOWN):04X}\t{other}")
    write("opticks-w4-vocabulary.txt", lines)
    head = ids[:1000]
    write("opticks-w4-ids-head.txt", [" ".join(map(str, head[i:i + 20])) for i in range(0, len(head), 20)])
    h = 0
    for i in ids:
        h = (h * 31 + i) % MODULUS
    write("opticks-w4-summary.txt", [f"characters {len(text)}", f"distinct {len(counts)}", f"hash {h}"])


# A word: alphanumerics with ' or ’ between two of them; whitespace runs; any other single character.
TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|\s+|.", re.DOTALL)


def whitespace_token(run):
    breaks = len(re.findall(r"\r\n|\r|\n|\u2028|\u2029", run))
    return " " if breaks == 0 else "\n" if breaks == 1 else "\n\n"


def words(text):
    tokens = [whitespace_token(t) if t.isspace() else t for t in TOKEN.findall(text)]
    counts = collections.Counter(tokens)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:40]
    escape = lambda t: t.replace("\n", "\\n")
    write("opticks-words.txt", [f"tokens {len(tokens)}"] + [f"{n}\t{escape(t)}" for t, n in ranked])


LOGITS = [1.2, 1.0, 0.5, -1.0, 0.0, 1.5]
SAMPLING_CASES = [(1.3, 4, 0.8), (1.5, 0, 1.0), (1.0, 3, 1.0), (1.0, 0, 0.6), (2.0, 5, 0.9), (0.25, 0, 1.0)]


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    return [v / sum(e) for v in e]


def warp(logits, temperature, top_k, top_p):
    """Hugging Face's warpers in their order (temperature, top-k, top-p), then softmax over what is left."""
    z = [v / temperature for v in logits]
    if top_k > 0:
        kth = sorted(z, reverse=True)[min(top_k, len(z)) - 1]
        z = [v if v >= kth else -math.inf for v in z]
    if top_p < 1:
        ascending = sorted(range(len(z)), key=lambda i: z[i])
        probs = softmax([z[i] for i in ascending])
        cumulative, remove = 0.0, set()
        for rank, i in enumerate(ascending):
            cumulative += probs[rank]
            if cumulative <= 1 - top_p and rank < len(z) - 1:
                remove.add(i)
        z = [-math.inf if i in remove else v for i, v in enumerate(z)]
    return softmax(z)


def sampling():
    lines = ["logits " + " ".join(repr(v) for v in LOGITS)]
    for t, k, p in SAMPLING_CASES:
        lines.append(f"{t!r} {k} {p!r} : " + " ".join(repr(v) for v in warp(LOGITS, t, k, p)))
    write("sampling.txt", lines)


if __name__ == "__main__":
    with open(CORPUS, encoding="utf-8") as f:
        text = f.read()
    characters(text)
    words(text)
    sampling()
