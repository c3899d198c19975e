"""Properties of the check over generated text (hypothesis): whatever the text, findings are in
bounds, point at their own text, come sorted, and the check does not fail."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tribune.proofreading.core import Person, Proofreader

READER = Proofreader(people=(Person("王建国", "区人大常委会主任"), Person("张伟", "区人大常委会副主任"),
                             Person("马德胜", "区人大常委会主任", in_office=False)))
PIECES = ["再接再励", "布署", "公布署名", "人大主任", "两个确立", "“", "”", "《", "》", "（", "）", "(", ")", ",",
          ":", "的的", "了了", "2026-12-1", "26年5月", "05月", "号", "二〇二六年", "２０", "主任王建图", "副主任张玮",
          "\n", " ", "、", "。", "区人大常委会", "主任", "同志", "马德胜", "截止2026", "学习总书记"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=3)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_findings_point_at_their_own_text_in_order(text):
    findings = READER.check(text)
    assert findings == sorted(findings, key=lambda f: (f.start, f.end))
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.reason
