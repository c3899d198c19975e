"""Each category of check on small texts: what is reported, and the look-alikes that are not."""

import pytest

from tribune.proofreading.core import Person, Proofreader
from tribune.proofreading.core.findings import EXPRESSION, FORMAT, LEADER_NAME, NPC_TERM, TYPO
from tribune.proofreading.core.report import jsonl_lines, text_lines

READER = Proofreader(people=(
    Person("王建国", "区人大常委会主任"),
    Person("张伟", "区人大常委会副主任"),
    Person("李秀英", "区人大常委会副主任"),
    Person("马德胜", "区人大常委会主任", in_office=False),
))


def found(text, category=None):
    return [(f.text, f.suggestion) for f in READER.check(text) if category is None or f.category == category]


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("大家要再接再励，争创佳绩。", "再接再励", "再接再厉"),
    ("认真做好工作布署。", "布署", "部署"),
    ("迫不急待地投入工作", "迫不急待", "迫不及待"),
    ("执法检查组明查秋毫", "明查秋毫", "明察秋毫"),
    ("雷励风行抓落实", "雷励风行", "雷厉风行"),
])
def test_a_miswritten_word_is_reported_with_its_correct_form(text, wrong, right):
    assert (wrong, right) in found(text, TYPO)


@pytest.mark.parametrize("text", [
    "市政府公布署名文章", "这座落成于1998年的大楼", "学习总书记重要讲话", "截止日期是下周",
    "平安祥和的节日", "一家俱乐部", "为了了解情况", "不了了之",
])
def test_a_wrong_form_inside_correct_text_is_not_reported(text):
    assert found(text) == []


def test_截止_before_a_date_is_a_hint_to_write_截至():
    [finding] = READER.check("截止2026年6月底，共办理建议90件")
    assert (finding.text, finding.suggestion, finding.severity) == ("截止", "截至", "提示")


@pytest.mark.parametrize(("text", "wrong"), [
    ("坚持以习近平新时代中国特色社会主义理论为指导", "习近平新时代中国特色社会主义理论"),
    ("深刻领悟两个确立的决定性意义", "两个确立"),
    ("坚持党的领导、依法治国、人民当家作主有机统一", "党的领导、依法治国、人民当家作主有机统一"),
    ("增强政治意识、核心意识、大局意识、看齐意识", "政治意识、核心意识、大局意识、看齐意识"),
    ("中华人民共和国的一切权利属于人民", "一切权利属于人民"),
])
def test_a_mangled_fixed_expression_is_reported(text, wrong):
    assert wrong in [w for w, _ in found(text, EXPRESSION)]


def test_a_quoted_fixed_term_is_not_reported_nor_one_quoted_inside_a_quotation():
    assert found("深刻领悟“两个确立”的决定性意义，他说：“要做到‘两个维护’。”") == []


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("区人大主任王建国讲话", "人大主任", "人大常委会主任"),
    ("镇人大主任张明华", "镇人大主任", "镇人大主席"),
    ("全国人大委员长出席", "全国人大委员长", "全国人大常委会委员长"),
    ("组织人大委员视察", "人大委员", "人大代表"),
    ("开展执法检察", "执法检察", "执法检查"),
])
def test_a_wrongly_named_body_or_member_is_reported(text, wrong, right):
    assert (wrong, right) in found(text, NPC_TERM)


def test_correct_names_of_the_standing_committee_and_its_people_are_silent():
    text = ("区人大常委会主任会议研究了人大常委会会议议程。乡人大主席团、镇人大主席出席。"
            "全国人大常委会委员长、区人大常委会委员和人大代表参加。严格执法检察机关要依法办案。")
    assert found(text) == []


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("区人大常委会主任王建图主持会议", "王建图", "王建国"),
    ("王建图主任指出", "王建图", "王建国"),
    ("区人大常委会副主任张玮出席", "张玮", "张伟"),
    ("副主任李秀英、张玮出席", "张玮", "张伟"),
])
def test_a_leader_name_one_character_off_beside_the_title_is_reported(text, wrong, right):
    assert found(text, LEADER_NAME) == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "区人大常委会主任王建国主持会议",
    "区发改委副主任张杰出席",          # a two-character name of another body
    "主任王建出席会议",                # 王建 + 出席, not a misspelled 王建国
    "原区人大常委会主任马德胜",
    "时任区人大常委会主任马德胜",
])
def test_correct_or_unrelated_names_are_silent(text):
    assert found(text, LEADER_NAME) == []


def test_a_former_leader_with_the_current_title_is_reported():
    [finding] = READER.check("区人大常委会主任马德胜出席")
    assert finding.category == LEADER_NAME and finding.text == "马德胜" and "王建国" in finding.reason


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("近年来,全区", ",", "，"),
    ("藁城人大:三维发力", ":", "："),
    ("会议(扩大)召开", "(", "（"),
    ("我们的的工作", "的的", "的"),
    ("会议于2026-12-1召开", "2026-12-1", "2026年12月1日"),
    ("会议于2026.12.1召开", "2026.12.1", "2026年12月1日"),
    ("26年5月召开", "26年5月", "2026年5月"),
    ("2026年05月01日", "2026年05月01日", "2026年5月1日"),
    ("5月12号召开", "5月12号", "5月12日"),
    ("２０２６年", "２０２６", "2026"),
])
def test_a_format_error_is_reported_with_its_fix(text, wrong, right):
    assert (wrong, right) in found(text, FORMAT)


def test_a_date_in_chinese_numerals_is_a_hint():
    [finding] = READER.check("二〇二六年十二月一日")
    assert (finding.suggestion, finding.severity) == ("2026年12月1日", "提示")


@pytest.mark.parametrize("text", [
    "常常、天天、人人、谢谢、看看", "实实在在、的的确确", "人大常委会会议", "全市市场主体", "目的的实现",
    "总额2,000万元，10:30开会", "访问 https://example.cn/?a=1", "1）加强学习", "People’s Congress",
    "他说：“第一段\n“第二段。”", "（一）总体要求", "5月1号楼",
])
def test_correct_repetitions_numbers_lists_and_quotations_are_silent(text):
    assert found(text, FORMAT) == []


def test_an_unbalanced_pair_is_reported_where_it_is():
    assert [(f.start, f.text) for f in READER.check("学习《宪法。再读“代表法”")] == [(2, "《")]


def test_jsonl_gives_the_fields_of_the_command_with_offsets_into_the_text():
    text = "第一段\n要再接再励"
    [line] = jsonl_lines("a.docx", text, READER)
    assert line == ('{"file": "a.docx", "start": 5, "end": 9, "text": "再接再励", "suggestion": "再接再厉", '
                    '"category": "错别字", "severity": "一般", "reason": "“励”应为“厉”（再接再厉）"}')
    assert text[5:9] == "再接再励"
    assert text_lines("a.docx", text, READER) == [
        "a.docx:2:2: [错别字/一般] 再接再励 → 再接再厉（“励”应为“厉”（再接再厉））"]


def test_a_finding_text_is_always_the_text_at_its_offsets():
    text = "区人大主任王建图在2026-5-1说:要再接再励的的落实“两个确立"
    for finding in READER.check(text):
        assert text[finding.start:finding.end] == finding.text
