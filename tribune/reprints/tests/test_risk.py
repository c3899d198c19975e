"""One test per kind of risk (issue 15, item 4), the source page's own shape, and the clean pages
that a careless check would flag."""

import pytest

from tribune.reprints.core.risk import HIGH, NONE, RiskPolicy, assess, risk_level, site_of, spam_terms
from tribune.reprints.tests import samples
from tribune.reprints.tests.helpers import page, paragraphs

URL = "https://www.163.com/dy/article/JABCDEF0123456.html"
BODY = paragraphs(samples.PARAGRAPHS) + samples.NETEASE_FURNITURE
SPAM_ROW = "<div>久久精品国产 | 一本道无码在线观看 | 澳门新葡京 | 传奇私服发布网</div>"


def kinds(html: str, url: str = URL, policy: RiskPolicy | None = None) -> set[str]:
    return {finding.kind for finding in assess(html, url, policy=policy)}


def test_the_hijacked_netease_copy_is_flagged_for_the_spam_line_above_its_title():
    findings = assess(page(BODY, before_title=SPAM_ROW), URL)
    (spam,) = [f for f in findings if f.kind == "spam_text"]
    assert "above the title" in spam.evidence and "一本道" in spam.evidence
    assert risk_level(findings) == HIGH


def test_the_netease_copy_without_spam_is_clean():
    assert kinds(page(BODY)) == set()


def test_spam_words_in_the_title_are_flagged():
    findings = assess(page(BODY, title=samples.TITLE + "_午夜福利视频在线"), URL)
    assert "spam_title" in {f.kind for f in findings}


@pytest.mark.parametrize(
    "line",
    [
        "百家乐真人娱乐 | 六合彩开奖结果 | 皇冠体育投注平台",
        "传奇私服发布网 新开传奇 1.76复古传奇",
        "日韩av在线播放 亚洲色图",
        "偷拍自拍 成人视频",
    ],
)
def test_spam_lines_of_each_kind_are_flagged(line):
    assert "spam_text" in kinds(page(BODY + f"<div>{line}</div>"))


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "display: none !important",
        "visibility:hidden",
        "position:absolute;left:-9999px",
        "text-indent:-5000px",
        "height:0;overflow:hidden",
        "width:0px;height:0px;overflow:hidden",
        "font-size:0",
    ],
)
def test_hidden_link_blocks_are_flagged_for_each_way_of_hiding(style):
    links = "".join(f'<a href="http://www.spam{i}.cc/">澳门新葡京{i}</a>' for i in range(4))
    findings = assess(page(BODY + f'<div style="{style}">{links}</div>'), URL)
    (hidden,) = [f for f in findings if f.kind == "hidden_links"]
    assert "spam0.cc" in hidden.evidence


def test_links_hidden_by_a_class_of_the_pages_own_style_sheet_are_flagged():
    links = "".join(f'<a href="http://www.site{i}.top/">www.site{i}.top</a>' for i in range(6))
    html = page(BODY + f'<div class="x9k">{links}</div>', head="<style>.nav{color:red}.x9k{display:none}</style>")
    assert "hidden_links" in kinds(html)


def test_a_referrer_based_redirect_is_flagged_with_its_code():
    script = (
        '<script>var r=document.referrer;if(r.indexOf("baidu")>-1){window.location.href="http://www.xx88.com/";}'
        "</script>"
    )
    (finding,) = assess(page(BODY, head=script), URL)
    assert finding.kind == "referrer_redirect" and "xx88.com" in finding.evidence


def test_a_meta_refresh_to_another_site_is_flagged():
    html = page(BODY, head='<meta http-equiv="Refresh" content="0; URL=http://www.lhc2025.top/">')
    assert kinds(html) == {"meta_refresh"}


def test_a_meta_refresh_within_the_site_is_not():
    html = page(BODY, head='<meta http-equiv="refresh" content="600;url=https://www.163.com/dy/article/X.html">')
    assert kinds(html) == set()


@pytest.mark.parametrize(
    "frame",
    [
        '<iframe src="http://www.av2828.cc/i.html" width="0" height="0"></iframe>',
        '<iframe src="http://www.av2828.cc/i.html" style="display:none"></iframe>',
        '<iframe src="//www.av2828.cc/i.html" width="1" height="1" frameborder="0"></iframe>',
    ],
)
def test_zero_size_and_hidden_iframes_of_other_sites_are_flagged(frame):
    assert kinds(page(BODY + frame)) == {"hidden_iframe"}


def test_a_blocked_domain_is_flagged():
    policy = RiskPolicy.from_lines(["# mirrors that copy without asking", "zixun-caiji.top"])
    findings = assess(page(BODY), "https://m.zixun-caiji.top/news/1.html", policy=policy)
    assert [f.kind for f in findings] == ["blocked_domain"]


@pytest.mark.parametrize(
    "news",
    [
        "全市“扫黄打非”工作会议召开 部署净网专项行动",
        "警方破获一起跨境网络赌博案，依法打击赌博违法犯罪活动",
        "中国福利彩票第2025118期开奖公告",
        "福利彩票公益金助力养老服务 体育彩票开奖",
        "南京市六合区人大常委会召开第二十次会议",
        "六合区开展防汛应急演练",
        "警方捣毁一个开设网上赌场、经营百家乐的犯罪团伙",
        "明星私服穿搭引热议",
        "澳门特区政府公布经济数据 博彩业收入回升",
    ],
)
def test_pages_reporting_on_crackdowns_lotteries_and_places_are_news_not_spam(news):
    assert (
        kinds(page(BODY + f"<ul><li><a href='/n/1.html'>{news}</a></li></ul>", title=f"{samples.TITLE}_{news}"))
        == set()
    )


def test_a_committees_own_prose_with_common_words_is_not_spam():
    prose = "我们打造精品栏目，丰富群众文化娱乐生活，推动国产品牌发展，完善社会福利体系，让群众得实惠。"
    assert spam_terms(prose) == []


def test_clean_page_furniture_that_hides_things_is_not_flagged():
    menu = "".join(
        f'<li><a href="https://www.163.com/{c}/">{c}</a></li>'
        for c in ("news", "money", "sports", "tech", "ent", "edu")
    )
    share = (
        '<div class="share" style="display:none"><a href="https://service.weibo.com/share/share.php">微博</a>'
        '<a href="https://connect.qq.com/widget/shareqq/index.html">QQ</a></div>'
    )
    friends = "".join(f'<a href="http://www.county{i}.gov.cn/">县{i}政府网</a>' for i in range(8))
    html = page(
        BODY + f'<ul style="display:none">{menu}</ul>{share}<div class="hide">{friends}</div>'
        '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0" '
        'style="display:none;visibility:hidden"></iframe></noscript>',
        head="<style>.hide{display:none}</style>"
        "<script>var _hmt=_hmt||[];_hmt.push(['_trackPageview', document.referrer]);</script>",
    )
    assert kinds(html) == set()
    assert risk_level([]) == NONE


def test_the_site_of_a_host_is_its_registrable_domain():
    assert site_of("news.sina.com.cn") == "sina.com.cn"
    assert site_of("www.163.com") == "163.com"
    assert site_of("www.gaocheng.gov.cn") == "gaocheng.gov.cn"


def test_spam_appended_to_a_headline_with_news_words_is_still_flagged():
    title = "聚焦背街小巷整治 固安市人大常委会在行动_今日新开传奇网站 - 本地论坛"
    assert "spam_title" in kinds(page(BODY, title=title))


def test_overlapping_spam_terms_are_all_seen():
    assert spam_terms("澳门威尼斯人官网") == ["威尼斯人官网", "澳门威尼斯人"]
