"""The login page, the error pages and the language switch, in Chinese and in English."""

from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from tribune.org.models import AuditEntry
from tribune.org.testing import PASSWORD
from tribune.web import views


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_the_login_page_is_in_chinese_by_default(client, db):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="zh-CN">' in html
    assert "宣传工作平台" in html and "登录名" in html and "密码" in html


def test_the_login_page_is_in_english_when_chosen(client, db):
    html = english(client).get(reverse("login")).content.decode()
    assert '<html lang="en">' in html and "Login name" in html and "Publicity work platform" in html


def test_a_wrong_password_is_refused_in_chinese_and_logged(client, world):
    response = client.post(reverse("login"), {"username": "t-writer", "password": "nope"}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 200
    assert "用户名或密码错误" in response.content.decode()
    entry = AuditEntry.objects.get(action="login_failed")
    assert entry.username == "t-writer" and entry.ip == "10.9.9.9"


def test_login_lands_on_the_dashboard_and_logout_is_a_post(client, world):
    response = client.post(reverse("login"), {"username": "t-writer", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert AuditEntry.objects.filter(action="logout", username="t-writer").exists()


def test_the_language_switch_sets_english_and_back(client, world):
    client.force_login(world.coordinator.user)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("outlets:list")})
    assert response.status_code == 302
    assert "Outlets" in client.get(reverse("outlets:list")).content.decode()
    client.post(reverse("set_language"), {"language": "zh-hans", "next": reverse("outlets:list")})
    html = client.get(reverse("outlets:list")).content.decode()
    assert "媒体渠道" in html and "载入默认媒体目录" in html


@pytest.mark.parametrize(("lang", "expected"), [("zh-hans", "页面不存在"), ("en", "Not found")])
def test_the_404_page_is_translated(client, world, lang, expected):
    client.force_login(world.writer.user)
    client.cookies["django_language"] = lang
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and expected in response.content.decode()


@pytest.mark.parametrize(("lang", "expected"), [("zh-hans", "无权访问"), ("en", "Not allowed")])
def test_the_403_page_is_translated(client, world, lang, expected):
    client.force_login(world.writer.user)
    client.cookies["django_language"] = lang
    response = client.get(reverse("org:members"))
    assert response.status_code == 403 and expected in response.content.decode()
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize(("lang", "texts"), [
    ("zh-hans", {400: "请求有误", 403: "无权访问", 404: "页面不存在", 500: "系统出错了"}),
    ("en", {400: "Bad request", 403: "Not allowed", 404: "Not found", 500: "Something went wrong"}),
])
def test_every_error_page_renders_in_both_languages(db, lang, texts):
    factory = RequestFactory()
    handlers = {400: views.bad_request, 403: views.permission_denied, 404: views.page_not_found,
                500: views.server_error}
    with translation.override(lang):
        for status, handler in handlers.items():
            request = factory.get("/x/")
            request.member = None
            request.user = AnonymousUser()
            response = handler(request) if status == 500 else handler(request, Exception())
            assert response.status_code == status
            assert texts[status] in response.content.decode()


def test_a_bad_page_number_or_filter_never_errors(client, world):
    client.force_login(world.admin.user)
    for url in (reverse("outlets:list"), reverse("outlets:contacts"), reverse("org:members"), reverse("org:offices")):
        assert client.get(url, {"page": "abc", "level": "<script>", "office": "-1", "q": "%"}).status_code == 200


def test_a_server_error_shows_the_chinese_page_not_a_traceback(world):
    client = Client(raise_request_exception=False)
    client.force_login(world.writer.user)
    with mock.patch("tribune.web.views.panels.for_member", side_effect=RuntimeError("boom")):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "系统出错了" in html and "boom" not in html
