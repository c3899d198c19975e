"""The pure proofreading core: no Django import anywhere below this package (a test keeps it so).

The API the Django side calls:

    from tribune.proofreading.core import Proofreader, Person, starter_lexicon, parse_tsv
    reader = Proofreader(starter_lexicon().merged(entries=congress_entries, allow=allowed), people)
    reader.check(text) -> list[Finding]
"""

from tribune.proofreading.core.engine import Proofreader
from tribune.proofreading.core.findings import CATEGORIES, SEVERITIES, Finding
from tribune.proofreading.core.lexicon import Entry, Lexicon, LexiconError, dump_tsv, parse_tsv, starter_lexicon
from tribune.proofreading.core.names import Person
from tribune.proofreading.core.report import jsonl_lines, text_lines

__all__ = [
    "CATEGORIES", "SEVERITIES", "Entry", "Finding", "Lexicon", "LexiconError", "Person", "Proofreader",
    "dump_tsv", "jsonl_lines", "parse_tsv", "starter_lexicon", "text_lines",
]
