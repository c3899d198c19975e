"""Guard rails over the whole project: migrations, translations, and no CDN anywhere."""

import ast
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]  # the tribune package
APPS = sorted(p.parent.name for p in ROOT.glob("*/apps.py"))
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
           "npgettext", "npgettext_lazy", "gettext_noop"}


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:
        pytest.fail(f"pending migrations (exit {exc.code}):\n{out.getvalue()}")


# --- Translations ------------------------------------------------------------------------------

def _calls(tree) -> list[tuple[str, tuple]]:
    """(function name, literal string arguments) of every gettext-family call in a syntax tree."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in GETTEXT:
            continue
        args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if args:
            found.append((name, tuple(args)))
    return found


def _template_calls(source: str, origin: str) -> list[tuple[str, tuple]]:
    """Django's own template-to-gettext conversion (what makemessages runs), then the calls."""
    code = templatize(source, origin=origin)
    found = []
    for match in re.finditer(r"\b(n?p?gettext|_)\(", code):
        depth, i, quote = 0, match.end() - 1, None
        while i < len(code):
            ch = code[i]
            if quote:
                if ch == "\\":
                    i += 1
                elif ch == quote:
                    quote = None
            elif ch in "'\"":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        snippet = code[match.start(): i + 1].replace(", count)", ", 1)").replace(", counter)", ", 1)")
        try:
            found += _calls(ast.parse(snippet, mode="eval"))
        except SyntaxError:
            found.append(("unparsable", (snippet,)))
    return found


def source_strings(app: str) -> list[tuple[str, tuple, str]]:
    """Every translatable string of an app: (function, args, where)."""
    app_dir = ROOT / app
    strings = []
    for path in sorted(app_dir.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if {"tests", "migrations"} & set(rel.parts):
            continue
        strings += [(f, a, str(rel)) for f, a in _calls(ast.parse(path.read_text(encoding="utf-8")))]
    for path in sorted(app_dir.glob("templates/**/*.html")):
        rel = path.relative_to(ROOT)
        strings += [(f, a, str(rel)) for f, a in _template_calls(path.read_text(encoding="utf-8"), str(path))]
    return strings


def _translated(catalog, function: str, args: tuple) -> bool:
    if function == "unparsable":
        return False
    if function.startswith("np"):
        key = (f"{args[0]}\x04{args[1]}", 0)
    elif function.startswith("p"):
        key = f"{args[0]}\x04{args[1]}"
    elif function.startswith("n"):
        key = (args[0], 0)
    else:
        key = args[0]
    return bool(catalog.get(key))


@pytest.mark.parametrize("app", APPS)
def test_every_source_string_has_a_simplified_chinese_translation(app):
    catalog = trans_real.translation("zh-hans")._catalog
    missing = sorted({f"{where}: {args}" for function, args, where in source_strings(app)
                      if not _translated(catalog, function, args)})
    assert not missing, f"{len(missing)} strings of {app} lack a zh_Hans translation:\n" + "\n".join(missing)


def test_the_string_finder_sees_templates_and_python():
    strings = {args for _f, args, _w in source_strings("web")}
    assert ("Audit log",) in strings  # {% translate %}
    assert ("Page %(n)s of %(total)s",) in strings  # {% blocktranslate %}
    assert ("%(counter)s item", "%(counter)s items") in strings  # plural
    assert ("Not found",) in strings  # gettext in views.py


def po_entries(text: str) -> list[dict]:
    """A small .po reader: each entry's flags, msgid and translations (obsolete ones skipped)."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.strip().splitlines() if not ln.startswith("#~")]
        entry = {"flags": "", "msgid": "", "msgstr": {}}
        key = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("#"):
                continue
            elif m := re.match(r'^(msgid|msgid_plural|msgctxt|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line):
                key = m.group(1)
                value = m.group(3)
                if key.startswith("msgstr"):
                    entry["msgstr"][key] = value
                else:
                    entry[key] = value
            elif line.startswith('"') and key:
                if key.startswith("msgstr"):
                    entry["msgstr"][key] += line[1:-1]
                else:
                    entry[key] += line[1:-1]
        if lines and (entry["msgid"] or entry["msgstr"]) and entry["msgid"] != "":
            entries.append(entry)
    return entries


def test_no_catalogue_has_fuzzy_or_empty_entries():
    problems = []
    for po in sorted(ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po")):
        for entry in po_entries(po.read_text(encoding="utf-8")):
            if "fuzzy" in entry["flags"]:
                problems.append(f"{po.relative_to(ROOT)}: fuzzy: {entry['msgid']}")
            if not entry["msgstr"] or not all(entry["msgstr"].values()):
                problems.append(f"{po.relative_to(ROOT)}: untranslated: {entry['msgid']}")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime + 1 < po.stat().st_mtime:
            problems.append(f"{po.relative_to(ROOT)}: compiled catalogue missing or older than the .po")
    assert not problems, "\n".join(problems)


# --- Offline: no CDN, no other host --------------------------------------------------------

CDN = re.compile(r"(?:cdn\.|cdnjs|jsdelivr|unpkg\.com|googleapis|gstatic|bootcdn|staticfile\.org|baomitu|"
                 r"bytecdntp|fonts\.)", re.I)
REFERENCE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']|\bfrom\s+["']|"""
                       r"""\bimport\(\s*["'])\s*((?:https?:)?//[^"'\s)]+)""", re.I)


def _asset_files():
    for path in sorted(ROOT.glob("*/static/**/*")) + sorted(ROOT.glob("*/templates/**/*")):
        if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg", ".txt", ".json"}:
            yield path


def test_no_static_file_or_template_refers_to_a_cdn_or_another_host():
    problems = []
    for path in _asset_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(ROOT)
        problems += [f"{rel}: {m.group(0)}" for m in CDN.finditer(text)]
        if "vendor" in rel.parts:
            continue  # minified libraries mention their home pages and XML namespaces in strings
        problems += [f"{rel}: {m.group(1)}" for m in REFERENCE.finditer(text)
                     if "www.w3.org" not in m.group(1)]
    assert not problems, "\n".join(problems)


def test_vendored_libraries_say_their_version_and_licence():
    vendor = ROOT / "web" / "static" / "vendor"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    for library in (p for p in vendor.iterdir() if p.is_dir()):
        assert library.name in readme
        assert any(f.name.upper().startswith("LICENSE") for f in library.iterdir()) or "licen" in readme.lower()
