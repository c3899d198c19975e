import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# there unless told the loop is not serving requests concurrently (it is not).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config):
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run at once in the caller's thread (tribune/jobs): a test reads the ledger its facts
    # made. tribune/jobs/tests/test_worker.py runs the real worker process.
    settings.TRIBUNE_JOBS_EAGER = True


@pytest.fixture
def world(db):
    from tribune.org.testing import build_world

    return build_world()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache lives as long as the worker process: each test starts empty."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language (Simplified Chinese). A request through the
    test client leaves its language active in the thread; without this, one test that asked for
    English would change what the next test on the same worker reads."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# --- Browser tests: Playwright for Python driving Debian's Chromium ------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
ARTIFACTS = os.path.join(os.path.dirname(__file__), "test-artifacts", "screenshots")


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        # In CI the browser tests must run: `make test` installs Chromium first.
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Browser:
    """One logged-in browser context per person, and screenshots saved as test artefacts."""

    def __init__(self, chromium, base_url, name):
        self.chromium, self.base_url, self.name = chromium, base_url, name
        self.contexts = []
        self.shots = 0
        # Every page is watched for Content-Security-Policy refusals (an inline script or handler,
        # an eval): the fixture fails the test if the browser reported one.
        self.csp_violations = []

    def new_page(self):
        context = self.chromium.new_context(base_url=self.base_url, locale="zh-CN",
                                            viewport={"width": 1366, "height": 900})
        context.set_default_timeout(15000)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", self._watch_console)
        return page

    def _watch_console(self, message):
        if "Content Security Policy" in message.text:
            self.csp_violations.append(message.text)

    def login(self, username, password):
        page = self.new_page()
        page.goto("/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    def shot(self, page, label):
        os.makedirs(ARTIFACTS, exist_ok=True)
        self.shots += 1
        path = os.path.join(ARTIFACTS, f"{self.name}-{self.shots:02d}-{label}.png")
        page.screenshot(path=path, full_page=True)
        return path

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browser(chromium, live_server, request):
    session = Browser(chromium, live_server.url, request.node.name)
    yield session
    session.close()
    assert not session.csp_violations, "the browser refused content under the CSP:\n" + "\n".join(
        session.csp_violations)
