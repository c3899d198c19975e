"""The outlet vocabulary: pure (the scoring engine imports it), and the model's choices are it."""

import ast
from pathlib import Path

from tribune.outlets import vocabulary
from tribune.outlets.models import OutletKind, OutletLevel


def test_the_vocabulary_imports_nothing():
    tree = ast.parse((Path(vocabulary.__file__)).read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def test_the_model_choices_are_the_vocabulary_in_its_order():
    assert tuple(OutletLevel.values) == vocabulary.LEVELS
    assert tuple(OutletKind.values) == vocabulary.KINDS == tuple(vocabulary.KIND_NAMES)
    assert tuple(vocabulary.LEVEL_NAMES) == tuple(vocabulary.LEVEL_RANK) == vocabulary.LEVELS
    assert sorted(vocabulary.LEVELS, key=vocabulary.LEVEL_RANK.get, reverse=True) == list(vocabulary.LEVELS)
