"""Question-quality report over data/eval/xquad-dev.json (XQuAD, CC BY-SA 4.0).

Run from the repository root: `python -m bench.quality`. Every number is measured in this run; the
generator is timed side by side with a bare spaCy parse of the same paragraph."""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import sacrebleu

from quizzes.generation import GenerationError, generate_questions, question_for_answer
from quizzes.generation.loader import get_nlp

DATA = Path(__file__).resolve().parent.parent / "data" / "eval" / "xquad-dev.json"
TOP = 10
ARTICLES = {"a", "an", "the"}
FUNCTION = ARTICLES | set(
    "of and or in on at to for by with from as is was were are be been his her their its s".split()
)
TARGETS = [  # (metric, comparison, threshold)
    ("recall_lenient", ">=", 0.50),
    ("evidence_ok", ">=", 1.0),
    ("leaks", "<=", 0.0),
    ("dupes", "<=", 0.0),
    ("distractor_same_type", ">=", 0.85),
    ("bleu4", ">=", 12.0),
    ("speed_ratio", "<=", 1.5),
]
SAME_TYPE = {"LOC": "GPE", "FAC": "GPE"}  # a place is a place


def words(text: str) -> list[str]:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower().replace("’", "'"))
    return [w for w in re.sub(r"[^\w%$£€]+", " ", text).split() if w not in ARTICLES]


def f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    common = sum((Counter(wa) & Counter(wb)).values())
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def leaked(answer: str, prompt: str) -> bool:
    return bool({w for w in words(answer) if w not in FUNCTION} & set(words(prompt)))


def paragraphs():
    for article in json.loads(DATA.read_text(encoding="utf-8"))["data"]:
        for para in article["paragraphs"]:
            yield article["title"], para


def timed(fn, *args):
    start = time.perf_counter()
    try:
        result = fn(*args)
    except GenerationError:
        result = []
    return result, time.perf_counter() - start


def one_sentence(doc, start: int, end: int) -> bool:
    return any(s.start_char <= start and end <= s.end_char for s in doc.sents)


def entity_label(doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    labels = {t.ent_type_ for t in span}
    label = labels.pop() if len(labels) == 1 else None
    return SAME_TYPE.get(label, label) if label else None


def main() -> int:
    """Print the report; exit 1 when any target is missed, so a regression fails the run that shows it."""
    failed = report(*measure())
    return 1 if failed else 0


def measure():
    """Run the generator over every paragraph: (stats, metrics, examples, hyps, refs) for `report`."""
    nlp = get_nlp()
    generate_questions(next(paragraphs())[1]["context"])  # warm-up: first calls pay one-off costs
    stats = Counter()
    hyps, refs, swaps = [], [], []
    parse_time = gen_time = 0.0
    examples = []
    for title, para in paragraphs():
        stats["paragraphs"] += 1
        text = para["context"]
        nlp(text)  # untimed: the first parse of new words fills spaCy's vocabulary caches for both runs below
        doc, t_parse = timed(nlp, text)
        drafts, t_gen = timed(generate_questions, text)
        parse_time, gen_time = parse_time + t_parse, gen_time + t_gen
        score_recall(stats, drafts[:TOP], para["qas"])
        score_drafts(stats, doc, text, drafts, swaps)
        for qa in para["qas"]:
            ans = qa["answers"][0]
            draft = question_for_answer(text, ans["answer_start"], ans["answer_start"] + len(ans["text"]))
            hyps.append(draft.prompt if draft else "")
            refs.append(qa["question"])
        if len(examples) < 3:
            examples.append((title, drafts[:5]))
    same = same_type_share(nlp, swaps)
    bleu = sacrebleu.corpus_bleu(hyps, [refs]).score
    metrics = {
        "recall_exact": stats["exact"] / stats["human"],
        "recall_lenient": stats["lenient"] / stats["human"],
        "evidence_ok": stats["evidence_ok"] / max(1, stats["drafts"]),
        "leaks": stats["leaks"] / max(1, stats["drafts"]),
        "dupes": stats["dupes"] / max(1, stats["drafts"]),
        "distractor_same_type": same,
        "bleu4": bleu,
        "speed_ratio": gen_time / parse_time,
    }
    return stats, metrics, examples, hyps, refs


def score_recall(stats: Counter, top, qas) -> None:
    answers = [d.answer for d in top if d.kind != "true_false"]
    for qa in qas:
        human = qa["answers"][0]["text"]
        stats["human"] += 1
        stats["exact"] += any(words(a) == words(human) for a in answers)
        stats["lenient"] += any(f1(a, human) >= 0.5 for a in answers)


def score_drafts(stats: Counter, doc, text: str, drafts, swaps: list) -> None:
    seen = set()
    for d in drafts:
        stats["drafts"] += 1
        evidence = text[d.evidence_start : d.evidence_end]
        inside = d.kind == "true_false" or d.answer in evidence
        stats["evidence_ok"] += inside and one_sentence(doc, d.evidence_start, d.evidence_end)
        if d.kind == "true_false":
            continue
        stats["leaks"] += leaked(d.answer, d.prompt)
        key = " ".join(words(d.answer))
        stats["dupes"] += key in seen
        seen.add(key)
        if d.kind == "multiple_choice":
            queue_swaps(doc, text, d, evidence, swaps)


def queue_swaps(doc, text: str, d, evidence: str, swaps: list) -> None:
    """Put each wrong option in the answer's place and let the model say what kind of thing it is."""
    offset = d.evidence_start + evidence.index(d.answer)
    label = entity_label(doc, offset, offset + len(d.answer))
    for option in d.choices:
        if option == d.answer:
            continue
        if label is None:
            swaps.append((None, "", 0, 0))
            continue
        local = offset - d.evidence_start
        sentence = evidence[:local] + option + evidence[local + len(d.answer) :]
        swaps.append((label, sentence, local, local + len(option)))


def same_type_share(nlp, swaps: list) -> float:
    if not swaps:
        return 0.0
    texts = [s[1] for s in swaps]
    same = 0
    for (label, _text, start, end), doc in zip(swaps, nlp.pipe(texts), strict=True):
        same += label is not None and entity_label(doc, start, end) == label
    return same / len(swaps)


def missed_targets(metrics: dict) -> list[str]:
    """Names of the metrics that miss their target, in TARGETS order."""
    return [name for name, op, threshold in TARGETS if not _meets(metrics[name], op, threshold)]


def _meets(value: float, op: str, threshold: float) -> bool:
    return value >= threshold if op == ">=" else value <= threshold


def report(stats: Counter, metrics: dict, examples, hyps, refs) -> list[str]:
    """Print the report, its last line the machine-readable QUALITY line; returns the missed targets."""
    print(f"paragraphs: {stats['paragraphs']}, human questions: {stats['human']}, drafts: {stats['drafts']}")
    for title, drafts in examples:
        print(f"\n{title}:")
        for d in drafts:
            print(f"  [{d.form}] {d.prompt} -> {d.answer}")
    print("\nquestion_for_answer vs human (first 8):")
    for h, r in list(zip(hyps, refs, strict=True))[:8]:
        print(f"  ours: {h}\n  human: {r}")
    print()
    missed = missed_targets(metrics)
    for name, op, threshold in TARGETS:
        ok = name not in missed
        print(f"{'PASS' if ok else 'FAIL'} {name} = {metrics[name]:.3f} (target {op} {threshold})")
    print(f"targets missed: {', '.join(missed)}" if missed else "all targets met")
    line = " ".join(f"{k}={v:.3f}" if k != "bleu4" else f"{k}={v:.2f}" for k, v in metrics.items())
    print(f"QUALITY {line}")
    return missed


if __name__ == "__main__":
    sys.exit(main())
