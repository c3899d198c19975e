import json

from tribune.reprints.core.extract import page_text
from tribune.reprints.tests import samples


def test_scripts_styles_and_ruby_glosses_are_not_text():
    html = (
        "<html><head><title>标题</title><style>.a{color:red}</style></head><body><script>var x='脚本';</script>"
        "<p>网<ruby>络<rt>luò</rt></ruby>发展</p><noscript>请开启脚本</noscript></body></html>"
    )
    text = page_text(html)
    assert text.title == "标题"
    assert "脚本" not in text.text and "luò" not in text.text and "color" not in text.text
    assert text.text == "网\n络\n发展"  # one line per text node: the matcher ignores line breaks


def test_the_title_falls_back_to_og_title_then_the_first_heading():
    assert page_text('<head><meta property="og:title" content="分享标题"></head><body></body>').title == "分享标题"
    assert page_text("<body><h1>正文标题</h1></body>").title == "正文标题"


def test_a_traditional_title_and_text_come_out_simplified():
    text = page_text("<title>藁城區人大</title><p>宣傳(chuán)工作</p>")
    assert (text.title, text.text.strip()) == ("藁城区人大", "宣传工作")


def test_an_article_carried_only_in_json_ld_is_read():
    data = {"@type": "NewsArticle", "headline": samples.TITLE, "articleBody": samples.TEXT}
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head>'
        '<body><div id="app"></div></body></html>'
    )
    assert samples.PARAGRAPHS[4] in page_text(html).text


def test_a_platforms_initial_state_with_rich_text_is_read_for_its_text():
    state = {"article": {"content": "".join(f"<p>{p}</p>" for p in samples.PARAGRAPHS)}}
    html = f'<body><script type="application/json" id="state">{json.dumps(state)}</script></body>'
    text = page_text(html).text
    assert samples.PARAGRAPHS[6] in text and "<p>" not in text


def test_broken_json_is_ignored():
    assert page_text('<body><p>正文</p><script type="application/json">{oops</script></body>').text.strip() == "正文"
