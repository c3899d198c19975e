"""The fuzz guard: bad values in every declared query parameter and in every field of every form
the pages show never give a server error.

Query parameters: each view declares what it reads (`kit.params.query`, with the GET forms it
binds); every declared name of every URL (arguments filled with real objects, see site.py) gets
values drawn by hypothesis from the ways input went wrong before: Unicode digits, control
characters, huge and negative numbers, dates outside the calendar, 10,000-character strings,
choices that are not offered.

Forms: found by rendering the GET pages as the people who see them and reading their
`<form method="post">` elements (action, fields, the values the page filled in). Reading the
pages, not a registry, finds every form a person can actually submit — also those whose view
reads request.POST by hand. Each form is posted with its own values and one field replaced by a
drawn bad value.

Sampled, so the whole guard stays within about a minute per engine: each hypothesis example
passes over every parameter and every form once (MAX_EXAMPLES passes).
"""

import os
import re
import time
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tribune.kit import params
from tribune.web.tests.site import build_site, fill_kwargs, routes

MAX_EXAMPLES = 3
# Who renders the pages the forms are read from: together they see every form.
READERS = ("coordinator", "writer", "leader", "admin")
# Forms never posted: logging out would end the session the guard runs in.
SKIPPED_ACTIONS = re.compile(r"/logout/")

SEEDS = [
    "²", "１２", "٣", "0", "-1", "-" + "9" * 25, "9" * 30, str(2**63), str(2**31), "1e400", "nan", "0x10",
    "9999-12-31", "0001-01-01", "2026-02-30", "99999-01", "9999-12", "0001-01", "2026-13",
    "\x00", "\x01\x1f", "\ufffe", "a\x0bb", "=1+1", "@SUM(A1)", "<script>alert(1)</script>",
    "长" * 10_000, "9" * 10_000, "", " ", "not-a-choice", "../../etc/passwd", "%00", "true", "[]",
]
bad_values = st.one_of(
    st.sampled_from(SEEDS),
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}"),
)


def _client(member) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(member.user)
    return client


# --- Query parameters ------------------------------------------------------------------------

def _declared_names(route) -> list[str]:
    names = []
    for declaration in params.declared(route.callback):
        if declaration.source != "GET":
            continue
        names += list(declaration.params)
        for form in declaration.forms:
            names += list(form.base_fields)
    return names


def query_targets(world) -> list[tuple[str, str]]:
    """(url, parameter name) for every declared parameter of every URL, and `page` everywhere."""
    targets = []
    for route in routes():
        kwargs, _reason = fill_kwargs(route, world.congress)
        if kwargs is None:
            continue
        url = reverse(route.name, kwargs=kwargs)
        targets += [(url, name) for name in [*_declared_names(route), "page"]]
    return targets


# --- Forms read from the pages ---------------------------------------------------------------

class FormReader(HTMLParser):
    """The POST forms of a page: action, then the fields as (name, value, kind) with the value
    the page filled in (the first option of a select, the checked boxes, the first button)."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if (a.get("method") or "get").lower() == "post":
                self._form = {"action": a.get("action") or "", "fields": [], "button": None}
            return
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image"):
                self._form["button"] = self._form["button"] or (name, a.get("value", ""))
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append((name, a.get("value", "on"), kind))
                elif not any(f[0] == name for f in self._form["fields"]):
                    self._form["fields"].append((name, None, kind))  # fuzzable, not sent by default
            else:
                self._form["fields"].append((name, a.get("value", ""), kind))
        elif tag == "button" and name:
            self._form["button"] = self._form["button"] or (name, a.get("value", ""))
        elif tag == "select" and name:
            self._select = [name, None]
        elif tag == "option" and self._select is not None and self._select[1] is None:
            self._select[1] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "select" and self._select:
            self._form["fields"].append((self._select[0], self._select[1] or "", "select"))
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._form["fields"].append((self._textarea[0], self._textarea[1], "textarea"))
            self._textarea = None
        elif tag == "form":
            self.forms.append(self._form)
            self._form = None


def discover_forms(world) -> list[dict]:
    """Every distinct POST form the pages show to READERS: {who, action, fields, button}."""
    found, seen = [], set()
    for who in READERS:
        client = _client(getattr(world, who))
        for route in routes():
            kwargs, _reason = fill_kwargs(route, world.congress)
            if kwargs is None:
                continue
            url = reverse(route.name, kwargs=kwargs)
            response = client.get(url)
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                continue
            reader = FormReader()
            reader.feed(response.content.decode())
            for form in reader.forms:
                action = urlsplit(urljoin(url, form["action"]))
                path = action.path + (f"?{action.query}" if action.query else "")
                if SKIPPED_ACTIONS.search(path) or not path.startswith("/"):
                    continue
                key = (path, tuple(sorted({f[0] for f in form["fields"]} - {"csrfmiddlewaretoken"})), who)
                if key in seen:
                    continue
                seen.add(key)
                found.append({"who": who, "action": path, "fields": form["fields"], "button": form["button"]})
    return found


def post_data(form, target: str, value: str) -> dict:
    data: dict[str, list] = {}
    for name, default, kind in form["fields"]:
        if name == "csrfmiddlewaretoken":
            continue
        if name == target:
            data.setdefault(name, []).append(value)
        elif kind == "file":
            data.setdefault(name, []).append(SimpleUploadedFile("note.txt", b"not a real file"))
        elif default is not None:
            data.setdefault(name, []).append(default)
    if form["button"] and form["button"][0] not in data:
        data[form["button"][0]] = [form["button"][1]]
    return data


# --- The guard -------------------------------------------------------------------------------

# Random values each run on a developer's machine (new ones each time), the same values in CI
# (CI=true), so that a landing is never blocked by a draw that has nothing to do with it.
@settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_bad_values_in_every_query_parameter_and_form_field_never_give_a_server_error(world, data):
    if not hasattr(world, "fuzz"):
        build_site(world)
        world.fuzz = {"queries": query_targets(world), "forms": discover_forms(world), "requests": 0,
                      "started": time.monotonic()}
    fuzz = world.fuzz
    failures = []
    # A fresh session for each person each pass: a form that deactivates or logs out cannot
    # stop the rest of the pass.
    clients = {who: _client(getattr(world, who)) for who in {*READERS, "auditor"}}
    for url, name in fuzz["queries"]:
        value = data.draw(bad_values, label=f"GET {url} {name}")
        who = "auditor" if url.startswith(reverse("audit_log")) else "coordinator"
        response = clients[who].get(url, {name: value})
        fuzz["requests"] += 1
        if response.status_code >= 500:
            failures.append(f"{who} GET {url}?{name}={value[:60]!r}: {response.status_code}")
    for form in fuzz["forms"]:
        names = [f[0] for f in form["fields"] if f[0] != "csrfmiddlewaretoken"]
        if not names:
            continue
        target = data.draw(st.sampled_from(names), label=f"POST {form['action']} field")
        value = data.draw(bad_values, label=f"POST {form['action']} {target}")
        response = clients[form["who"]].post(form["action"], post_data(form, target, value))
        fuzz["requests"] += 1
        if response.status_code >= 500:
            failures.append(f"{form['who']} POST {form['action']} {target}={value[:60]!r}: {response.status_code}")
    # Seen with -s: what one run covered (the figures of the hardening issue's note).
    print(f"fuzz guard: {len(fuzz['queries'])} query parameters, {len(fuzz['forms'])} forms, "
          f"{fuzz['requests']} requests, {time.monotonic() - fuzz['started']:.1f} s")
    assert not failures, "\n".join(failures)


def test_the_form_reader_reads_fields_buttons_and_defaults():
    reader = FormReader()
    reader.feed('<form method="post" action="/x/"><input type="hidden" name="version" value="3">'
                '<select name="kind"><option value="a">A</option><option value="b" selected>B</option></select>'
                '<textarea name="body">正文</textarea><input type="checkbox" name="on" value="1">'
                '<button name="decision" value="approve">ok</button></form><form method="get"></form>')
    assert reader.forms == [{"action": "/x/", "button": ("decision", "approve"), "fields": [
        ("version", "3", "hidden"), ("kind", "a", "select"), ("body", "正文", "textarea"), ("on", None, "checkbox")]}]
