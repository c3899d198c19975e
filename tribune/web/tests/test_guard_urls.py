"""Guard rails over every URL of the project: each has a permission row, and each answers every
role as its row says, with one <h1>, no reference to another host and never a server error."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tribune.web.tests.permission_table import Row, rows
from tribune.web.tests.site import PLAIN_KWARGS, build_site, fill_kwargs, routes, url_names

ROUTES = routes()
TABLE = rows()
PEOPLE = ["writer", "writer2", "office_head", "leader", "leader2", "director", "coordinator", "auditor", "admin",
          "security", "outsider", "city_director", "city_coordinator"]
# Members of other congresses: a district beside ours, and the director and coordinator of our
# parent city. None of them opens any of our objects by id (docs/access.md); on pages without an
# object they see their own congress, as their roles allow.
FOREIGN = {"outsider", "city_director", "city_coordinator"}

H1 = re.compile(r"<h1[\s>]", re.I)
# src="…", href='…', action=…, poster=…, url(…), @import "…" pointing at a host.
EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|action|poster|data|srcset|formaction)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])"""
    r"""\s*((?:https?:)?//[^/"'\s)>]+)""",
    re.I,
)


def external_references(html: str, own_host: str = "testserver") -> list[str]:
    refs = []
    for match in EXTERNAL.finditer(html):
        host = match.group(1).split("//", 1)[1].lower()
        if host != own_host:
            refs.append(match.group(1))
    return refs


def test_every_url_name_has_a_row_in_the_permission_table():
    missing = sorted(url_names() - set(TABLE))
    assert not missing, (f"URL names without a row in web/tests/permission_table.py "
                         f"(or tribune/<app>/tests/permission_rows.py): {missing}")


def test_the_host_check_catches_what_it_should():
    assert external_references('<script src="https://static.example.com/x.js"></script>') == ["https://static.example.com"]
    assert external_references("<link href='//fonts.example.org/a.css'>") == ["//fonts.example.org"]
    assert external_references('<div style="background:url(http://img.example.com/a.png)">') != []
    assert external_references('<a href="http://testserver/x">') == []
    assert external_references('<a href="/outlets/">人民日报 http://www.people.com.cn</a>') == []


def _expected(row: Row, who: str, roles: set[str], has_object: bool) -> set[int] | None:
    """The acceptable status codes; None means anything but a server error."""
    if row.kind == "public":
        return {200, 302}
    allowed = bool(roles & row.roles)
    if row.kind == "post":
        if who in FOREIGN and has_object:
            return {404, 405}
        return {405} if allowed else {403, 404, 405}
    if row.kind == "redirect":
        return {302}
    if row.kind == "home":
        return {200} if allowed else {302}
    if who in FOREIGN and has_object:
        return {404}
    if row.kind == "page":
        return {200} if allowed else {403, 404}
    return None if allowed else {403, 404}  # an action: the state may refuse an allowed role


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_each_url_answers_every_role_as_its_row_says_with_one_h1_and_no_other_host(world, route):
    row = TABLE.get(route.name)
    if row is None:
        pytest.skip("no permission row (reported by the test above)")
    build_site(world)
    kwargs, reason = fill_kwargs(route, world.congress)
    if kwargs is None:
        pytest.skip(f"cannot fill the arguments of {route.name}: {reason}")
    url = reverse(route.name, kwargs=kwargs)
    problems = []

    anonymous = Client(raise_request_exception=False)
    response = anonymous.get(url)
    if row.kind == "public":
        if response.status_code not in (200, 302):
            problems.append(f"anonymous: {response.status_code}")
    elif response.status_code == 302:
        if reverse("login") not in response["Location"]:
            problems.append(f"anonymous: redirected to {response['Location']}, not to the login page")
    elif response.status_code != 405:
        problems.append(f"anonymous: {response.status_code}, expected the login page")

    for who in PEOPLE:
        member = getattr(world, who)
        client = Client(raise_request_exception=False)
        client.force_login(member.user)
        response = client.get(url)
        status = response.status_code
        expected = _expected(row, who, set(member.role_codes), bool(set(kwargs) - PLAIN_KWARGS))
        if status >= 500 or (expected is not None and status not in expected):
            problems.append(f"{who}: {status}, expected {sorted(expected) if expected else 'no server error'}")
        if status in (200, 403, 404) and response.get("Content-Type", "").startswith("text/html") \
                and not response.streaming:
            html = response.content.decode()
            # A page has one <h1>; an htmx fragment (no <html>) is part of a page that has it.
            if "<html" in html and len(H1.findall(html)) != 1:
                problems.append(f"{who}: {len(H1.findall(html))} <h1> on the page")
            if refs := external_references(html):
                problems.append(f"{who}: refers to other hosts {refs}")
    assert not problems, f"{url} ({route.name}):\n" + "\n".join(problems)
