"""Maintainer tool: regenerates data/expressions.tsv (规范表述) and data/npc_terms.tsv (人大用语).

    .venv/bin/python -m tribune.proofreading.tools.phrase_generator

Hand-written entries come from expressions_curated.txt and npc_terms_curated.txt (same line
format as typos_curated.txt, with `source=KEY` naming an entry of SOURCES). Generated entries:
- every other order of a fixed enumeration (四个意识, 五位一体, 人大的四项职权 …): the order
  of these lists is part of the official wording;
- fixed terms that official texts always quote (“两个确立”): the bare term, and the term in
  「」, are reported with the quoted form as suggestion. A bare term inside ‘’ is correct (a
  quotation inside a quotation), and one in half-width quotes is left to the format check.
No external list is used.
"""

from __future__ import annotations

import sys
from itertools import permutations
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
HEADER = "wrong\tsuggestion\tseverity\treason\tsource\tunless\tbefore\tafter"

SOURCES = {
    "constitution": "《中华人民共和国宪法》",
    "organic_law": "《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》",
    "npc_organic_law": "《中华人民共和国全国人民代表大会组织法》",
    "deputies_law": "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》",
    "supervision_law": "《中华人民共和国各级人民代表大会常务委员会监督法》",
    "legislation_law": "《中华人民共和国立法法》",
    "election_law": "《中华人民共和国全国人民代表大会和地方各级人民代表大会选举法》",
    "party": "《中国共产党章程》及党的二十大报告的规范表述",
    "resolution": "《中共中央关于党的百年奋斗重大成就和历史经验的决议》",
    "core_values": "《关于培育和践行社会主义核心价值观的意见》",
    "npc": "全国人大常委会及其办公厅的规范表述",
    "names": "机构、国名的法定名称",
}

# (items, separator, text after the list, severity, source, what the list is)
ENUMERATIONS = [
    (("政治意识", "大局意识", "核心意识", "看齐意识"), "、", "", "一般", "party", "“四个意识”"),
    (("道路自信", "理论自信", "制度自信", "文化自信"), "、", "", "一般", "party", "“四个自信”"),
    (("经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设"), "、", "", "一般", "party", "“五位一体”总体布局"),
    (("全面建设社会主义现代化国家", "全面深化改革", "全面依法治国", "全面从严治党"), "、", "", "一般", "party",
     "“四个全面”战略布局"),
    (("创新", "协调", "绿色", "开放", "共享"), "、", "", "一般", "party", "新发展理念"),
    (("立法权", "监督权", "决定权", "任免权"), "、", "", "一般", "constitution", "人大及其常委会的四项职权"),
    (("人民政府", "监察委员会", "人民法院", "人民检察院"), "、", "", "一般", "constitution", "“一府一委两院”"),
    (("党的领导", "人民当家作主", "依法治国"), "、", "有机统一", "严重", "party",
     "党的领导、人民当家作主、依法治国有机统一"),
    (("政治机关", "国家权力机关", "工作机关", "代表机关"), "、", "", "一般", "npc", "人大的“四个机关”"),
    (("科学立法", "民主立法", "依法立法"), "、", "", "一般", "legislation_law", "立法原则"),
    (("科学立法", "严格执法", "公正司法", "全民守法"), "、", "", "一般", "party", "法治建设的十六字方针"),
    (("全链条", "全方位", "全覆盖"), "、", "", "一般", "party", "全过程人民民主的表述"),
    (("正确监督", "有效监督", "依法监督"), "、", "", "一般", "npc", "人大监督的要求"),
    (("富强", "民主", "文明", "和谐"), "、", "", "一般", "core_values", "社会主义核心价值观（国家层面）"),
    (("自由", "平等", "公正", "法治"), "、", "", "一般", "core_values", "社会主义核心价值观（社会层面）"),
    (("爱国", "敬业", "诚信", "友善"), "、", "", "一般", "core_values", "社会主义核心价值观（个人层面）"),
]
# the guiding theories, in order: only neighbours swapped (the full list has 720 orders)
THEORIES = ("马克思列宁主义", "毛泽东思想", "邓小平理论", "“三个代表”重要思想", "科学发展观",
            "习近平新时代中国特色社会主义思想")

# terms official texts always put in quotation marks
QUOTED = ("两个确立", "两个维护", "四个意识", "四个自信")
QUOTED_BEFORE = {  # terms quoted where they qualify a following noun: (term, noun)
    "四个全面": "战略布局", "五位一体": "总体布局", "两个一百年": "奋斗目标", "三个代表": "重要思想",
    "十四五": "规划", "十五五": "规划", "放管服": "改革", "最多跑一次": "改革",
}
QUOTED_BEFORE_MORE = (("十四五", "时期"), ("十四五", "期间"), ("十五五", "时期"), ("十五五", "期间"))


def row(wrong, right, severity, reason, source, unless="", before="", after=""):
    return {"wrong": wrong, "suggestion": right, "severity": severity, "reason": reason,
            "source": SOURCES.get(source, source), "unless": unless, "before": before, "after": after}


def curated(name: str) -> list[dict[str, str]]:
    rows = []
    for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right, *options = line.split(" ")
        entry = row(wrong, right, "一般", f"规范表述为“{right}”", "names")
        for option in options:
            key, _, value = option.partition("=")
            if key not in entry:
                sys.exit(f"{name}:{number}: unknown option {key}")
            entry[key] = SOURCES[value] if key == "source" else value
        rows.append(entry)
    return rows


def enumerations() -> list[dict[str, str]]:
    rows = []
    for items, sep, tail, severity, source, what in ENUMERATIONS:
        right = sep.join(items) + tail
        for order in permutations(items):
            if order != items:
                rows.append(row(sep.join(order) + tail, right, severity, f"{what}的顺序是“{right}”", source))
    for i in range(len(THEORIES) - 1):
        order = list(THEORIES)
        order[i], order[i + 1] = order[i + 1], order[i]
        rows.append(row("、".join(order[i:i + 2]), "、".join(THEORIES[i:i + 2]), "严重",
                        "指导思想的顺序：" + "、".join(THEORIES), "constitution"))
    return rows


def quoted() -> list[dict[str, str]]:
    rows = []
    for term in QUOTED:
        exceptions = "|".join((f"“{term}”", f"‘{term}’", f'"{term}"'))
        rows.append(row(term, f"“{term}”", "一般", f"“{term}”是固定提法，应加引号", "party", exceptions))
        rows.append(row(f"「{term}」", f"“{term}”", "一般", "中文引号用“”", "party"))
    pairs = list(QUOTED_BEFORE.items()) + list(QUOTED_BEFORE_MORE)
    for term, noun in pairs:
        rows.append(row(term + noun, f"“{term}”{noun}", "一般", f"“{term}”是固定提法，应加引号", "party"))
    return rows


def write(name: str, title: str, rows: list[dict[str, str]]) -> None:
    seen = set()
    lines = [f"# {title}. Columns: see docs/proofreading.md. Generated by tribune/proofreading/tools/"
             "phrase_generator.py from the *_curated.txt files: edit those, then rerun.", HEADER]
    columns = HEADER.split("\t")
    for entry in rows:
        if entry["wrong"] in seen:
            sys.exit(f"{name}: {entry['wrong']} twice")
        seen.add(entry["wrong"])
        lines.append("\t".join(entry[c] for c in columns))
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} entries", file=sys.stderr)


def main() -> None:
    write("expressions.tsv", "规范表述: fixed political expressions, their order, quotation marks and official names",
          curated("expressions_curated.txt") + enumerations() + quoted())
    write("npc_terms.tsv", "人大用语: how the standing committee, its leaders, members and deputies are named",
          curated("npc_terms_curated.txt"))


if __name__ == "__main__":
    main()
