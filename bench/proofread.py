"""Proofreading benchmark: the full check (every category) with a 50,000-entry lexicon over
at least 50 MB of generated 人大 articles carrying about one finding per 1,000 characters.

    .venv/bin/python bench/proofread.py                 # 50 MB, 50,000 entries
    .venv/bin/python bench/proofread.py --mb 5 --matchers

Prints: the lexicon build time (the starter lexicon padded with generated entries to
--entries), throughput of `Proofreader.check` article by article, findings per 1,000
characters (wall clock, and per second of CPU time: the second is what the code costs when
other people's tests share the two cores), peak memory (the process's maximum resident set,
which includes the corpus held in memory), and the median time of one 3,000-character manuscript (what its page adds).
With --matchers, also the dictionary scan alone with each matcher considered (ahocorasick-rs
overlapping, as used; ahocorasick-rs leftmost-longest; pyahocorasick when installed).
Targets (issue 14): ≥ 20 MB/s; < 20 ms for a 3,000-character manuscript. The machine is
shared: figures are noisy, so run it more than once and read the load average it prints.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tribune.proofreading.core import Entry, Person, Proofreader, starter_lexicon  # noqa: E402
from tribune.proofreading.core.findings import TYPO  # noqa: E402
from tribune.proofreading.tests import labelled  # noqa: E402

PEOPLE = [Person(n, t) for n, t in (
    ("王建国", "区人大常委会主任"), ("李秀英", "区人大常委会副主任"), ("张伟", "区人大常委会副主任"),
    ("刘志强", "区人大常委会副主任"), ("陈晓东", "区人大常委会副主任"), ("赵文博", "区人大常委会秘书长"),
    ("孙立平", "区委书记"), ("周海涛", "区长"), ("郑光明", "市人大常委会主任"))] + [
    Person("马德胜", "区人大常委会主任", in_office=False), Person("吴国庆", "区长", in_office=False)]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clauses() -> list[str]:
    """Clauses of the clean labelled articles (cut at Chinese punctuation, paired marks dropped):
    recombined at random they make varied, correct 人大 prose."""
    out = set()
    for part in ("tuned", "held_out"):
        for name, marked in labelled.articles(part).items():
            if name.startswith("clean-"):
                text = marked.translate(str.maketrans("", "", "“”‘’《》（）"))
                for clause in re.split(r"[，。；：！？、\n]", text):
                    if len(clause) >= 4:
                        out.add(clause)
    return sorted(out)


def padded_lexicon(size: int, rng: random.Random):
    """The starter lexicon plus generated entries (wrong forms of 3–6 characters drawn from the
    characters of the starter lexicon), up to `size` entries."""
    lexicon = starter_lexicon()
    chars = sorted({c for e in lexicon.entries for c in e.suggestion if "\u4e00" <= c <= "\u9fff"})
    taken = {e.wrong for e in lexicon.entries}
    extra = []
    while len(taken) < size:
        wrong = "".join(rng.choice(chars) for _ in range(rng.randint(3, 6)))
        if wrong not in taken and wrong != wrong[::-1]:
            taken.add(wrong)
            extra.append(Entry(wrong, wrong[::-1], TYPO, "一般", "生成的填充条目", "bench"))
    return lexicon.merged(entries=extra)


def errors(lexicon, rng: random.Random) -> list[str]:
    """What a writer gets wrong: a starter entry's wrong form, a doubled 的, a half-width comma,
    a misspelled leader's name, an ISO date."""
    starter = [e.wrong for e in starter_lexicon().entries if not e.unless and not e.before and not e.after]
    return [rng.choice(starter) for _ in range(400)] + ["的的", ",", "区人大常委会主任王建图", "2026-12-1"] * 20


def corpus(megabytes: float, lexicon, rng: random.Random) -> list[str]:
    pool = clauses()
    wrong = errors(lexicon, rng)
    articles, size = [], 0
    while size < megabytes * 1_000_000:
        length = rng.randint(800, 2000)
        paragraphs, chars = [], 0
        while chars < length:
            sentences = []
            for _ in range(rng.randint(2, 6)):
                parts = rng.sample(pool, rng.randint(1, 4))
                if rng.random() < 0.15:
                    parts[-1] = f"“{parts[-1]}”"
                sentences.append("，".join(parts) + "。")
            paragraph = "".join(sentences)
            for _ in range(round(len(paragraph) / 1000 + rng.random() - 0.5)):  # about one error per 1,000
                cut = rng.randint(0, len(paragraph) - 1)
                paragraph = paragraph[:cut] + rng.choice(wrong) + paragraph[cut:]
            paragraphs.append(paragraph)
            chars += len(paragraph)
        article = "\n".join(paragraphs)
        articles.append(article)
        size += len(article.encode())
    return articles


def matchers(lexicon, articles: list[str]) -> None:
    import ahocorasick_rs

    patterns = [e.wrong for e in lexicon.entries]
    megabytes = sum(len(a.encode()) for a in articles) / 1e6
    candidates = {
        "ahocorasick-rs overlapping (used)": lambda: ahocorasick_rs.AhoCorasick(patterns),
        "ahocorasick-rs leftmost-longest": lambda: ahocorasick_rs.AhoCorasick(
            patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest),
    }
    for name, build in candidates.items():
        started = time.perf_counter()
        automaton = build()
        built = time.perf_counter() - started
        overlapping = "overlapping" in name
        started = time.perf_counter()
        for article in articles:
            automaton.find_matches_as_indexes(article, overlapping=overlapping)
        took = time.perf_counter() - started
        print(f"  {name}: build {built:.2f} s, scan {megabytes / took:.1f} MB/s")
    try:
        import ahocorasick
    except ImportError:
        print("  pyahocorasick: not installed (pip install pyahocorasick to compare)")
        return
    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for index, pattern in enumerate(patterns):
        automaton.add_word(pattern, index)
    automaton.make_automaton()
    built = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        for _ in automaton.iter(article):
            pass
    took = time.perf_counter() - started
    print(f"  pyahocorasick (iter): build {built:.2f} s, scan {megabytes / took:.1f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes (UTF-8) of generated articles")
    parser.add_argument("--entries", type=int, default=50_000, help="lexicon size after padding")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--matchers", action="store_true", help="also compare the matchers on 10 MB")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine: figures are noisy)")
    lexicon = padded_lexicon(args.entries, rng)
    started = time.perf_counter()
    reader = Proofreader(lexicon, PEOPLE)
    print(f"lexicon: {len(lexicon)} entries, build {time.perf_counter() - started:.2f} s; RSS {rss_mb():.0f} MB")

    started = time.perf_counter()
    articles = corpus(args.mb, lexicon, rng)
    megabytes = sum(len(a.encode()) for a in articles) / 1e6
    characters = sum(len(a) for a in articles)
    print(f"corpus: {len(articles)} articles, {megabytes:.1f} MB, {characters:,} characters "
          f"(generated in {time.perf_counter() - started:.1f} s); RSS {rss_mb():.0f} MB")

    started, cpu_started = time.perf_counter(), time.process_time()
    findings = 0
    for article in articles:
        findings += len(reader.check(article))
    took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"full check: {megabytes / took:.1f} MB/s wall clock ({took:.1f} s), {megabytes / cpu:.1f} MB/s of CPU time "
          f"({cpu:.1f} s); {1000 * findings / characters:.2f} findings per 1,000 characters; "
          f"peak RSS {rss_mb():.0f} MB")

    manuscript = "\n".join(articles[:8])[:3000]
    times = []
    for _ in range(60):
        started = time.perf_counter()
        reader.check(manuscript)
        times.append(time.perf_counter() - started)
    print(f"one 3,000-character manuscript: median {1000 * statistics.median(times):.2f} ms, "
          f"max {1000 * max(times):.2f} ms")

    if args.matchers:
        sample, size = [], 0
        for article in articles:
            sample.append(article)
            size += len(article.encode())
            if size > 10_000_000:
                break
        print("dictionary scan alone, same lexicon:")
        matchers(lexicon, sample)


if __name__ == "__main__":
    main()
