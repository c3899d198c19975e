"""Small builders for the reprint tests: pages around a text, light edits, the hijacked copy."""

import random

from tribune.reprints.core.match import Source, SourceIndex
from tribune.reprints.tests import samples

FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"


def source_index(*extra: Source) -> SourceIndex:
    return SourceIndex([Source(id="gaocheng", title=samples.TITLE, text=samples.TEXT), *extra])


def light_edits(text: str, rate: float, seed: int = 1) -> str:
    """Change about `rate` of the characters: substitutions, insertions and deletions."""
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(max(1, int(len(chars) * rate))):
        i = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 0.6:
            chars[i] = rng.choice(FILLER)
        elif kind < 0.8:
            chars.insert(i, rng.choice(FILLER))
        else:
            del chars[i]
    return "".join(chars)


def page(body: str, *, title: str = samples.TITLE, head: str = "", before_title: str = "") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f'<body>{before_title}<h1>{title}</h1><div class="post_body">{body}</div></body></html>'
    )


def paragraphs(items) -> str:
    return "".join(f"<p>{p}</p>" for p in items)
