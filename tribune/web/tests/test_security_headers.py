"""Headers and limits of every answer: a Content-Security-Policy without inline script or eval,
no-store behind the login, a body cap before the body is read, and a clean deploy check with the
production settings of the README."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client
from django.urls import reverse

from tribune.web.tests.site import build_site

PRODUCTION_ENV = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "tribune.rd.local",
    "CSRF_TRUSTED_ORIGINS": "https://tribune.rd.local",
    "SESSION_COOKIE_SECURE": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_PROXY_SSL_HEADER": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "TRIBUNE_TRUSTED_PROXIES": "127.0.0.1",
}


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_pages_carry_a_policy_that_allows_no_inline_script_and_no_eval(world):
    client = Client()
    client.force_login(world.writer.user)
    for url in (reverse("login"), reverse("dashboard"), reverse("newsroom:list")):
        directives = policy(client.get(url))
        assert directives["script-src"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'none'"] and directives["object-src"] == ["'none'"]
        assert not any("unsafe" in v for v in directives["default-src"] + directives["script-src"])


def test_no_template_has_an_inline_script_or_handler():
    """Inline code would be refused by the browser under the policy; keep it in static files."""
    import re

    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|\son[a-z]+\s*=|hx-on[:-]|"
                        r"javascript:", re.I)
    found = []
    for path in Path(__file__).resolve().parents[2].glob("*/templates/**/*.html"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if inline.search(line):
                found.append(f"{path.name}:{number}")
    assert not found


def test_htmx_is_told_not_to_eval(client):
    html = client.get(reverse("login")).content.decode()
    assert '"allowEval": false' in html


def test_every_answer_behind_the_login_is_not_stored(world):
    site = build_site(world)
    client = Client()
    client.force_login(world.coordinator.user)
    for url in (reverse("dashboard"), reverse("org:members"), reverse("deputies:list"),
                reverse("deputies:deputy", args=[site["deputy"].pk]), reverse("deputies:export")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


# --- The body cap ------------------------------------------------------------------------------

def test_a_body_larger_than_the_cap_is_refused_by_its_length_with_a_chinese_page(world, settings):
    settings.TRIBUNE_MAX_REQUEST_MB = 1
    client = Client()
    client.force_login(world.writer.user)
    # The declared length alone decides: the 2 MB are never read (the body here is tiny).
    response = client.generic("POST", reverse("newsroom:create"), b"title=x",
                              content_type="application/x-www-form-urlencoded", CONTENT_LENGTH=str(2 * 1024 * 1024))
    assert response.status_code == 413
    html = response.content.decode()
    assert "上传的内容过大" in html and "1 MB" in html


def test_the_cap_leaves_room_for_the_largest_upload_limit():
    from django.conf import settings as live

    largest = max(live.TRIBUNE_MAX_IMAGE_MB, live.TRIBUNE_MAX_VIDEO_MB, live.TRIBUNE_MAX_DOCUMENT_MB)
    assert largest < live.TRIBUNE_MAX_REQUEST_MB


def test_a_body_under_the_cap_goes_through(world, settings):
    settings.TRIBUNE_MAX_REQUEST_MB = 1
    client = Client()
    client.force_login(world.writer.user)
    response = client.post(reverse("newsroom:create"), {"title": "标题", "body": "正文。"})
    assert response.status_code != 413


# --- The deploy check ---------------------------------------------------------------------------

def test_the_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))}
    env.update(PRODUCTION_ENV, TRIBUNE_DATA_DIR=str(tmp_path), DATABASE_URL="")
    result = subprocess.run([sys.executable, "-m", "tribune.cli", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_with_the_development_defaults(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and not k.startswith("DJANGO_")}
    env.update(TRIBUNE_DATA_DIR=str(tmp_path), DATABASE_URL="")
    result = subprocess.run([sys.executable, "-m", "tribune.cli", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.returncode != 0 and "SECURE_SSL_REDIRECT" in result.stderr + result.stdout
