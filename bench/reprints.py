"""Reprint matching benchmark (issue 15): Tribune's matcher against datasketch's LSH Ensemble.

    .venv/bin/python bench/reprints.py [--sources 1000] [--pages 16000] [--seed 1] [--data DIR]
    .venv/bin/python bench/reprints.py --extractors 600      # the extractor comparison alone

Generates its own test set (kept in --data to rerun; default: a temporary folder): a
congress's manuscripts (news-like Chinese text from templates with slots) and pages in eight
site templates — news portal, self-media (网易号 / 搜狐号 furniture), government site, forum,
hijacked spam page, and three held out from tuning (WeChat mirror, Traditional-script portal,
aggregator) — carrying sources as full copies with 1–3 % of characters edited, with a paragraph
dropped, excerpts, copies split by advertisements, retitled copies, two sources on a page, copies
inside other text, Traditional script with pinyin glosses; quote-only pages; risky carriers of
every kind; clean carriers with news about 扫黄打非, 打击赌博, 福利彩票 and 六合区.

Then runs, each in its own process, timed end to end (start-up, reading the JSON lines, text
extraction and normalisation, matching):
- tribune: `tribune.reprints.core.scan` (matches and risk findings);
- lshensemble: the same page text, datasketch MinHash (128 permutations, default hashing) over
  character 5-gram shingles, MinHashLSHEnsemble(threshold=0.5, num_perm=128, num_part=16),
  verified by estimated containment ≥ 0.5.
Prints precision and recall of (source, page) pairs for both, risk precision and recall on
carriers, the speed ratio and each process's peak memory, against the targets of issue 15.
datasketch comes from the `bench` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {
    "precision": 0.99,
    "recall": 0.99,
    "risk_precision": 0.98,
    "risk_recall": 0.98,
    "speedup": 10.0,
    "memory_mb": 300,
}

# --- news-like text ---------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕春梅晓东红霞玉兰立新文斌国庆宏伟永刚俊杰丽娟凤英志刚红梅德明振华金凤雪梅亚军卫东建平"  # noqa: E501
PROVINCES = [
    "河北",
    "山西",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
]
CITIES = [
    "石家庄",
    "保定",
    "邯郸",
    "唐山",
    "廊坊",
    "沧州",
    "衡水",
    "邢台",
    "承德",
    "张家口",
    "秦皇岛",
    "太原",
    "南京",
    "苏州",
    "杭州",
    "宁波",
    "合肥",
    "芜湖",
    "福州",
    "泉州",
    "南昌",
    "济南",
    "青岛",
    "郑州",
    "洛阳",
    "武汉",
    "长沙",
    "广州",
    "成都",
    "贵阳",
]
COUNTIES = [
    "藁城",
    "栾城",
    "鹿泉",
    "正定",
    "赵县",
    "晋州",
    "新乐",
    "无极",
    "深泽",
    "辛集",
    "高邑",
    "元氏",
    "赞皇",
    "井陉",
    "平山",
    "灵寿",
    "行唐",
    "涿州",
    "定州",
    "安国",
    "高碑店",
    "徐水",
    "清苑",
    "满城",
    "博野",
    "蠡县",
    "任丘",
    "河间",
    "泊头",
    "黄骅",
    "武安",
    "涉县",
    "磁县",
    "永年",
    "肥乡",
    "迁安",
    "遵化",
    "滦州",
    "丰润",
    "玉田",
    "三河",
    "霸州",
    "固安",
    "永清",
    "香河",
]
SUFFIX = ["区", "县", "市"]
TOWN_CHARS = "安宁兴丰和平新华永康福顺泰长乐高阳东西南北清河源桥庄营堡店集寨岗坡湾"
OFFICES = [
    "办公室",
    "法制工作委员会",
    "财政经济委员会",
    "代表工作委员会",
    "教育科学文化卫生委员会",
    "农业与农村委员会",
    "城乡建设环境保护委员会",
    "社会建设委员会",
    "监察和司法委员会",
    "预算工作委员会",
    "研究室",
    "人事代表选举委员会",
]
TOPICS = [
    "乡村振兴",
    "生态环境保护",
    "营商环境优化",
    "民生实事项目",
    "义务教育均衡发展",
    "基层医疗卫生服务",
    "食品安全",
    "安全生产",
    "大气污染防治",
    "河湖长制落实",
    "耕地保护",
    "养老服务体系建设",
    "城市更新",
    "老旧小区改造",
    "物业管理",
    "中小企业发展",
    "科技创新",
    "文化遗产保护",
    "非物质文化遗产传承",
    "全民健身",
    "农村人居环境整治",
    "高标准农田建设",
    "数字经济发展",
    "预算执行",
    "国有资产管理",
    "审计查出问题整改",
    "法治政府建设",
    "公共法律服务",
    "未成年人保护",
    "妇女儿童权益保障",
    "退役军人服务保障",
    "就业创业",
    "社会保障",
    "住房保障",
    "交通基础设施建设",
    "水资源节约利用",
    "垃圾分类",
    "背街小巷整治",
    "农产品质量安全",
    "种业振兴",
    "林长制",
    "禁毒工作",
    "矛盾纠纷化解",
    "信访工作",
    "民族团结进步",
    "宗教事务管理",
    "知识产权保护",
    "优化政务服务",
    "一网通办",
    "学前教育",
    "职业教育",
    "托育服务",
]
ACTIONS = [
    "开展专项视察",
    "进行执法检查",
    "召开专题询问会",
    "组织专题调研",
    "听取和审议专项工作报告",
    "开展跟踪监督",
    "组织代表集中视察",
    "召开座谈会",
    "开展满意度测评",
    "进行实地察看",
    "组织专题询问",
    "开展立法调研",
    "召开听证会",
    "进行质询",
    "开展代表主题活动",
    "进行明察暗访",
    "召开联席会议",
    "组织专项评议",
]
OBJECTS = [
    "企业车间",
    "田间地头",
    "社区服务中心",
    "卫生院",
    "养老院",
    "中小学校",
    "污水处理厂",
    "农贸市场",
    "建设工地",
    "产业园区",
    "便民服务大厅",
    "代表联络站",
    "村级活动场所",
    "敬老院",
    "文化广场",
    "河道治理现场",
    "垃圾中转站",
    "物流园区",
    "蔬菜大棚",
    "规模养殖场",
    "幼儿园",
    "图书馆",
    "新能源项目",
    "水厂",
    "派出所",
    "法庭",
]
PROBLEMS = [
    "资金保障不足",
    "部门协同不够",
    "基层力量薄弱",
    "群众知晓率不高",
    "配套设施滞后",
    "监管存在盲区",
    "政策落实不到位",
    "专业人才短缺",
    "长效机制不健全",
    "信息共享不畅",
    "宣传引导不够",
    "考核评价不科学",
]
MEASURES = [
    "建立问题清单",
    "实行台账管理",
    "明确责任分工",
    "完善工作机制",
    "加大财政投入",
    "强化督查问效",
    "推行清单化管理",
    "开展回头看",
    "建立联系制度",
    "实行销号管理",
    "加强业务培训",
    "健全考核办法",
]

SENTENCES = [
    "{date}，{county}人大常委会{action}，围绕{topic}深入{object}，详细了解相关工作推进情况。",
    "常委会{role}{person}带队，{office}负责同志及部分市、区人大代表参加活动。",
    "视察组先后来到{town}{object}和{town2}{object2}，边走边看、边听边问，与一线工作人员面对面交流。",
    "在随后召开的座谈会上，{county}{dept}负责同志汇报了{topic}工作情况，与会人员围绕存在问题和下一步打算进行了深入讨论。",
    "{person}指出，{topic}事关人民群众切身利益，是推动高质量发展的重要内容，必须提高政治站位，切实增强责任感和紧迫感。",
    "{person}强调，要聚焦{problem}等突出问题，{measure}，以钉钉子精神推动各项任务落地见效。",
    "据统计，今年以来全{suffix}共投入资金{money}万元，实施项目{n}个，惠及群众{n2}余人。",
    "代表们一致认为，{county}{dept}在{topic}方面思路清晰、措施有力，取得了阶段性成效，但仍存在{problem}等问题。",
    "针对发现的问题，视察组提出了{measure}、{measure2}等{n3}条意见建议，要求相关部门认真研究、限期整改。",
    "下一步，{county}人大常委会将持续跟踪问效，推动{topic}工作不断取得新进展，切实把好事办好、实事办实。",
    "会议听取了{county}人民政府关于{topic}情况的报告，审议了相关议案，表决通过了人事任免事项。",
    "{person}代表在发言中说，作为一名基层人大代表，要{duty}，把群众的急难愁盼反映上来、解决下去。",
    "{town}{village}村民{person2}告诉记者：“以前{old}，现在{new}，我们打心眼里高兴。”",
    "为确保监督实效，常委会{office}提前制定工作方案，明确{n3}项重点任务，邀请{n4}名代表全程参与。",
    "{date}上午，{county}第{n5}届人大常委会第{n6}次会议召开，常委会{role}{person}主持会议。",
    "会议强调，要坚持以人民为中心的发展思想，紧扣{topic}的目标任务，{measure}，确保各项决策部署落地落实。",
    "截至{month}底，{county}已累计完成{topic}项目{n}个，完成年度计划的{pct}%，群众满意度达到{pct2}%。",
    "在{object}，{person}仔细询问{topic}的进展情况，叮嘱工作人员{advice}。",
    "近年来，{county}把{topic}作为重要民生工程，先后出台{n3}项配套政策，形成了上下联动、齐抓共管的工作格局。",
    "{county}人大常委会组织代表走进{object}，开展“{slogan}”主题活动，收集意见建议{n}条。",
    "这些意见建议已全部交由{dept}办理，目前已办结{n7}件，正在办理{n8}件，代表满意率{pct2}%。",
    "“{quote}”{person}的一席话，道出了{topic}工作的关键所在。",
    "据了解，{county}{dept}将{topic}纳入年度重点工作，建立了{measure}的工作机制，每月调度、每季通报。",
    "此次视察由{office}牵头组织，共有{n4}名省、市、区三级人大代表参加，历时{n3}天，覆盖{n5}个乡镇（街道）。",
    "常委会组成人员认为，报告实事求是，措施具体可行，同时指出在{problem}、{problem2}等方面还需下大力气解决。",
    "与会代表纷纷表示，将以此次活动为契机，{duty}，为{county}经济社会高质量发展贡献力量。",
]
VERBS = [
    "围绕",
    "聚焦",
    "紧扣",
    "坚持",
    "推动",
    "加强",
    "完善",
    "深化",
    "落实",
    "强化",
    "健全",
    "优化",
    "压实",
    "夯实",
    "提升",
    "拓展",
    "创新",
    "统筹",
    "规范",
    "抓实",
    "做细",
    "做强",
    "守牢",
    "织密",
]
OBJ_SUFFIX = [
    "工作",
    "机制",
    "体系",
    "能力",
    "水平",
    "责任",
    "举措",
    "制度",
    "短板",
    "质效",
    "监管",
    "服务",
    "队伍",
    "阵地",
]
TAILS = [
    "提质增效",
    "走深走实",
    "落地见效",
    "取得实效",
    "见行见效",
    "稳步推进",
    "形成合力",
    "不断完善",
    "持续向好",
    "落实落细",
    "行稳致远",
    "再上台阶",
    "开花结果",
    "全面起势",
    "善作善成",
]
SUPPORTS = ["法治保障", "有力支撑", "坚强保障", "智力支持", "资金保障", "制度保障", "监督助力"]
LEADS = [
    "",
    "",
    "{date}，",
    "近日，",
    "会上，",
    "今年以来，",
    "{date}上午，",
    "据了解，",
    "调研中，",
    "{month}以来，",
    "座谈中，",
    "为此，",
    "与此同时，",
    "一方面，",
    "另一方面，",
]
SUBJECTS = [
    "{county}人大常委会",
    "{person}",
    "视察组",
    "代表们",
    "{county}{dept}",
    "与会人员",
    "常委会组成人员",
    "{town}",
    "{office}",
    "{county}",
    "全{suffix}各级人大代表",
    "{person2}代表",
    "调研组",
    "执法检查组",
    "各代表小组",
]
CLAUSES = [
    "{verb}{topic}{suffix}",
    "{verb}{topic}{suffix}，推动{topic2}{tail}",
    "着力解决{problem}问题",
    "{measure}",
    "确保{topic}{tail}",
    "切实把{topic}{suffix}抓紧抓好",
    "为{topic}提供{support}",
    "以{topic}为抓手{verb}{topic2}{suffix}",
    "在{topic}上{tail}",
    "{verb}{topic}{suffix}和{topic2}{suffix}",
    "推动{topic}与{topic2}同频共振",
    "围绕{problem}{measure}",
    "深入{object}察看{topic}{suffix}",
    "累计{verb}{topic}项目{n}个",
    "组织{n4}名代表{verb}{topic}{suffix}",
    "收集{topic}方面意见建议{n}条",
    "督促{dept}{verb}{topic}{suffix}",
    "把{topic}纳入年度监督计划",
    "听取{dept}关于{topic}的汇报",
    "对{topic}{suffix}进行满意度测评",
    "推动{town}{village}村{topic}{tail}",
    "{verb}{object}{suffix}建设",
    "让{topic}成果更多惠及群众",
]
ROLES = ["主任", "副主任", "党组书记、主任", "党组副书记、副主任", "秘书长"]
DEPTS = [
    "发展和改革局",
    "财政局",
    "教育局",
    "卫生健康局",
    "生态环境分局",
    "农业农村局",
    "住房和城乡建设局",
    "民政局",
    "人力资源和社会保障局",
    "市场监督管理局",
    "自然资源和规划局",
    "水利局",
    "交通运输局",
    "文化广电和旅游局",
    "应急管理局",
    "司法局",
    "商务局",
    "城市管理综合执法局",
    "行政审批局",
    "医疗保障局",
]
DUTIES = [
    "当好党和政府联系群众的桥梁纽带",
    "密切联系群众，依法履职尽责",
    "经常深入基层，倾听群众呼声",
    "带头宣传法律法规",
    "积极建言献策，助力中心工作",
    "主动接受群众监督",
]
OLDS = ["一下雨路上全是泥", "看病要跑到城里", "村里的垃圾没人管", "孩子上学要走好几里路", "办个证要来回跑好几趟"]
NEWS_ = ["出门就是柏油路", "家门口就能看病", "村里天天有人打扫", "学校就在村口", "在手机上就能办"]
ADVICE = ["要把好事办好、把实事办实", "一定要注意安全生产", "要多听听群众的意见", "要加强日常管护，建立长效机制"]
SLOGANS = ["代表进站 服务为民", "我为群众办实事", "人大代表在身边", "聚力乡村振兴 代表在行动", "民生实事 代表监督"]
QUOTES = ["监督不是找茬，而是帮忙", "群众的事再小也是大事", "说一千道一万，落实是关键", "办法总比困难多"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class Writer:
    """Writes news-like manuscripts about a congress's work, each with its own cast."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def article(self, length: int) -> tuple[str, list[str]]:
        rng = self.rng
        county = rng.choice(COUNTIES) + rng.choice(SUFFIX)
        person = _name(rng)
        topic = rng.choice(TOPICS)
        slots_fixed = {
            "county": county,
            "person": person,
            "topic": topic,
            "suffix": county[-1],
            "role": rng.choice(ROLES),
            "office": rng.choice(OFFICES),
            "dept": rng.choice(DEPTS),
        }
        paragraphs, size = [], 0
        while size < length:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                slots = {**slots_fixed, **self._slots()}
                if rng.random() < 0.35:
                    sentences.append(rng.choice(SENTENCES).format(**slots))
                else:
                    sentences.append(self._composed(slots))
            if rng.random() < 0.3:
                slots_fixed["topic"] = rng.choice(TOPICS)
            if rng.random() < 0.2:
                slots_fixed["person"] = _name(rng)
            paragraph = "".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph)
        title = rng.choice(
            [
                f"{county}人大常委会{rng.choice(ACTIONS)}{topic}工作",
                f"{county}人大：{rng.choice(SLOGANS)} 助推{topic}",
                f"聚焦{topic} {county}人大常委会在行动",
                f"{person}带队{rng.choice(ACTIONS)}{topic}情况",
                f"{county}人大代表{rng.choice(DUTIES)[:8]}：{topic}见实效",
            ]
        )
        return title, paragraphs

    def _composed(self, slots: dict[str, str]) -> str:
        rng = self.rng
        clauses = [
            rng.choice(CLAUSES).format(
                verb=rng.choice(VERBS),
                topic=rng.choice(TOPICS),
                topic2=rng.choice(TOPICS),
                suffix=rng.choice(OBJ_SUFFIX),
                tail=rng.choice(TAILS),
                support=rng.choice(SUPPORTS),
                **{k: v for k, v in slots.items() if k not in ("topic", "suffix")},
            )
            for _ in range(rng.randint(2, 4))
        ]
        return rng.choice(LEADS).format(**slots) + rng.choice(SUBJECTS).format(**slots) + "，".join(clauses) + "。"

    def _slots(self) -> dict[str, str]:
        rng = self.rng
        town = "".join(rng.sample(TOWN_CHARS, 2)) + rng.choice(["镇", "乡", "街道"])
        return {
            "date": f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            "month": f"{rng.randint(3, 11)}月",
            "action": rng.choice(ACTIONS),
            "object": rng.choice(OBJECTS),
            "object2": rng.choice(OBJECTS),
            "town": town,
            "town2": "".join(rng.sample(TOWN_CHARS, 2)) + "镇",
            "village": "".join(rng.sample(TOWN_CHARS, 2)),
            "problem": rng.choice(PROBLEMS),
            "problem2": rng.choice(PROBLEMS),
            "measure": rng.choice(MEASURES),
            "measure2": rng.choice(MEASURES),
            "money": str(rng.randint(120, 98000)),
            "n": str(rng.randint(3, 260)),
            "n2": str(rng.randint(200, 90000)),
            "n3": str(rng.randint(3, 15)),
            "n4": str(rng.randint(8, 60)),
            "n5": str(rng.randint(10, 19)),
            "n6": str(rng.randint(2, 40)),
            "n7": str(rng.randint(10, 120)),
            "n8": str(rng.randint(1, 30)),
            "pct": str(rng.randint(60, 99)),
            "pct2": str(rng.randint(90, 100)),
            "person2": _name(rng),
            "duty": rng.choice(DUTIES),
            "old": rng.choice(OLDS),
            "new": rng.choice(NEWS_),
            "advice": rng.choice(ADVICE),
            "slogan": rng.choice(SLOGANS),
            "quote": rng.choice(QUOTES),
        }


# --- spam, as the bench's own pages carry it (written apart from tribune's vocabulary) -----------

SPAM_ITEMS = [
    "久久精品国产亚洲av",
    "国产精品久久久久久",
    "一本道无码在线观看",
    "亚洲欧美日韩中文字幕",
    "东京热一区二区三区",
    "午夜福利视频在线",
    "欧美成人免费视频",
    "日韩av在线播放",
    "无码人妻丰满熟妇",
    "91精品国产自产在线",
    "色综合天天综合网",
    "国产成人精品视频",
    "麻豆传媒官网入口",
    "成人影院免费观看",
    "黄色网站免费入口",
    "偷拍自拍亚洲色图",
    "澳门新葡京娱乐场",
    "澳门威尼斯人官网",
    "百家乐真人娱乐",
    "六合彩开奖结果今晚",
    "香港六合彩资料大全",
    "北京赛车pk10计划",
    "皇冠体育投注平台",
    "太阳城娱乐官网",
    "金沙娱乐城注册送38",
    "网上赌场排名",
    "时时彩平台开户",
    "2025澳门天天开好彩",
    "管家婆一肖一码",
    "白小姐三肖三码",
    "传奇私服发布网",
    "新开传奇私服",
    "1.76复古传奇",
    "魔域私服网站",
    "超变传奇sf",
    "奇迹私服发布网",
    "梦幻西游私服",
    "热血传奇私服",
    "今日新开传奇网站",
]
SPAM_DOMAINS = [
    "xx88.com",
    "av2828.cc",
    "ylc777.top",
    "pj8899.net",
    "cqssc66.xyz",
    "sf176.com",
    "jjgz99.cc",
    "hg0088.vip",
    "mdcm.tv",
    "lhc2025.top",
    "tyc365.net",
    "js9958.cc",
]
BLOCKED = ["badnews-mirror.cc", "zixun-caiji.top", "kuaibao-hub.xyz"]
NEWS_DECOYS = [
    "全市“扫黄打非”工作会议召开 部署净网专项行动",
    "警方破获一起跨境网络赌博案 抓获犯罪嫌疑人32名",
    "依法打击赌博违法犯罪活动 维护社会治安稳定",
    "中国福利彩票第2025118期开奖公告",
    "福利彩票公益金助力养老服务",
    "南京市六合区人大常委会召开第二十次会议",
    "六合区开展防汛应急演练",
    "体育彩票“公益体彩 乐善人生”主题活动举行",
    "扫黄打非进基层 护苗行动进校园",
    "严厉打击涉黄涉赌 整治网络生态",
    "澳门特区政府公布经济数据",
    "明星私服穿搭引热议",
]


def _domain(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 8)))


def _headlines(rng, writer, n):
    return [writer.article(60)[0] for _ in range(n)]


def _links(rng, base, titles):
    return "".join(f'<li><a href="{base}/{rng.randint(10000, 99999)}.html">{t}</a></li>' for t in titles)


def _ad(rng):
    return rng.choice(
        [
            '<div class="ad"><a href="https://ad.example-ads.com/c?id={}">【广告】品质家装 限时优惠 立即咨询</a></div>',
            '<div class="ad-box"><img src="/ad/{}.jpg" alt="广告"><span>扫码下载客户端 看更多精彩内容</span></div>',
            '<div class="tuiguang">推广：{}元起 全屋定制 免费上门测量</div>',
            '<p class="related">相关阅读：{}个好习惯让你远离颈椎病</p>',
        ]
    ).format(rng.randint(100, 9999))


def _paras(paragraphs, rng, ads=False, tag="p"):
    out = []
    for i, p in enumerate(paragraphs):
        if ads and len(p) > 120 and rng.random() < 0.5:
            cut = rng.randint(40, len(p) - 40)
            out.append(f"<{tag}>{p[:cut]}</{tag}>{_ad(rng)}<{tag}>{p[cut:]}</{tag}>")
        else:
            out.append(f"<{tag}>{p}</{tag}>")
        if ads and i < len(paragraphs) - 1 and rng.random() < 0.5:
            out.append(_ad(rng))
    return "\n".join(out)


def _head(title, extra=""):
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">{extra}'
        "<style>.nav li{display:inline-block}.hide{display:none}.sub-menu{display:none}</style></head>"
    )


def page_portal(rng, writer, title, body, risk_head, risk_body, decoys):
    site = f"https://news.{_domain(rng)}.com.cn"
    menus = "".join(
        f'<li><a href="{site}/{c}/">{c}</a><ul class="sub-menu">{_links(rng, site, _headlines(rng, writer, 3))}</ul></li>'  # noqa: E501
        for c in ("要闻", "国内", "地方", "财经", "文旅")
    )
    share = (
        '<div class="share-pop" style="display:none"><a href="https://service.weibo.com/share/share.php">微博</a>'
        '<a href="https://connect.qq.com/widget/shareqq/index.html">QQ</a>'
        '<a href="https://sns.qzone.qq.com/cgi-bin/qzshare">QQ空间</a></div>'
    )
    side = _links(rng, site, decoys + _headlines(rng, writer, 8))
    html = (
        _head(f"{title}_{rng.choice(['新闻中心', '地方频道', '要闻'])}_某某网", risk_head)
        + f'<body><div class="top"><ul class="nav">{menus}</ul></div>{risk_body}'
        f'<div class="crumb">当前位置：<a href="{site}">首页</a> &gt; 地方新闻</div>'
        f'<div class="main"><h1>{title}</h1><div class="info">2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 来源：{rng.choice(COUNTIES)}融媒 '  # noqa: E501
        f'编辑：{_name(rng)}</div><div class="content">{body}</div>{share}</div>'
        f'<div class="side"><h3>热点新闻</h3><ul>{side}</ul></div>'
        f'<div class="footer">Copyright © 2025 某某网 版权所有 冀ICP备{rng.randint(10000000, 99999999)}号</div>'
        "<script>var _hmt=_hmt||[];_hmt.push(['_trackPageview', document.referrer]);</script></body></html>"
    )
    return f"{site}/system/2025/{rng.randint(100000, 999999)}.shtml", html


def page_selfmedia(rng, writer, title, body, risk_head, risk_body, decoys):
    account = rng.choice(
        ["公民与法治杂志社", f"{rng.choice(COUNTIES)}人大", f"{rng.choice(CITIES)}发布", "法治时空", "民主与法制"]
    )
    if rng.random() < 0.5:
        url = f"https://www.163.com/dy/article/{rng.randint(10**15, 10**16)}.html"
        furniture = (
            "<p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p>"
            "<p>Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of "  # noqa: E501
            "NetEase Hao, which is a social media platform and only provides information storage services.</p>"
            f'<div class="author"><h4>{account}</h4><p>{account}</p><p>河北省人大常委会主管主办的新闻期刊</p>'
            f"<p>{rng.randint(100, 9999)}文章数 {rng.randint(1, 999)}关注度</p><p>往期回顾 全部</p></div>"
            f'<div class="topic"><h4>专题推荐</h4><ul>{_links(rng, "https://www.163.com/special", decoys[:2] + _headlines(rng, writer, 3))}</ul></div>'  # noqa: E501
            "<div>无障碍浏览 进入关怀版</div>"
        )
    else:
        url = f"https://www.sohu.com/a/{rng.randint(10**8, 10**9)}_{rng.randint(100000, 999999)}"
        furniture = (
            '<p><a href="https://www.sohu.com/?strategyid=00001">返回搜狐，查看更多</a></p>'
            "<p>平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</p>"
            f"<p>阅读 ({rng.randint(100, 99999)})</p>"
            f'<div class="author-card">{account}<span>{rng.randint(10, 9999)}文章</span></div>'
            f'<ul class="recommend">{_links(rng, "https://www.sohu.com/a", decoys[:2] + _headlines(rng, writer, 4))}</ul>'  # noqa: E501
        )
    html = (
        _head(title, risk_head) + f"<body>{risk_body}<article><h1>{title}</h1>"
        f'<div class="post-info">{account} 2025-0{rng.randint(1, 9)}-0{rng.randint(1, 9)} 河北</div>'
        f'<div class="share">0<br>分享至</div><div class="post_body">{body}</div></article>{furniture}</body></html>'
    )
    return url, html


def page_gov(rng, writer, title, body, risk_head, risk_body, decoys):
    county = rng.choice(COUNTIES)
    site = f"http://www.{_domain(rng)}.gov.cn"
    friends = "".join(f'<a href="http://www.{_domain(rng)}.gov.cn">{rng.choice(COUNTIES)}政府网</a>' for _ in range(8))
    html = (
        _head(f"{title}-{county}人大网", risk_head) + f'<body>{risk_body}<div class="banner">{county}人大常委会</div>'
        f'<div class="weizhi">当前位置：<a href="{site}">首页</a> &gt; <a href="{site}/rdgz/">人大工作</a></div>'
        f'<div class="title"><h2>{title}</h2></div><div class="ly">来源：{county}人大常委会办公室 发布时间：2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 '  # noqa: E501
        f'【字体：大 中 小】</div><div class="TRS_Editor">{body}</div><div class="print">打印本页 关闭窗口</div>'
        f'<ul class="notice">{_links(rng, site, decoys[:3])}</ul>'
        f'<div class="yqlj"><span>友情链接</span><div class="hide">{friends}</div></div>'
        f'<div class="foot">主办单位：{county}人大常委会办公室 网站标识码：{rng.randint(1000000000, 9999999999)} '
        f"冀ICP备{rng.randint(10000000, 99999999)}号</div>"
        '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0" '
        'style="display:none;visibility:hidden"></iframe></noscript></body></html>'
    )
    return f"{site}/rdgz/{rng.randint(100000, 999999)}.html", html


def page_forum(rng, writer, title, body, risk_head, risk_body, decoys):
    site = f"https://bbs.{_domain(rng)}.com"
    other = writer.article(rng.randint(100, 300))[1]
    posts = [f'<div class="post"><div class="author">{_name(rng)}</div><div class="message">{body}</div></div>']
    if rng.random() < 0.6:
        posts[0] = (
            f'<div class="post"><div class="author">{_name(rng)}</div><div class="message">'
            f"转一篇文章，大家看看：<br>{body}<br>{''.join(other)}</div></div>"
        )
    for _ in range(rng.randint(2, 6)):
        posts.append(
            f'<div class="post"><div class="author">{_name(rng)}</div><div class="message">'
            f"{rng.choice(['顶', '支持一下', '说得好，基层就需要这样的代表', '学习了', 'mark'])}</div></div>"
        )
    html = (
        _head(f"{title} - {rng.choice(['社会民生', '本地论坛', '百姓话题'])} - {_domain(rng)}社区", risk_head)
        + f'<body>{risk_body}<div class="bm">论坛 › 社会民生 › 查看帖子</div><h1>{title}</h1>'
        + "".join(posts)
        + f'<ul class="hot">{_links(rng, site, decoys[:2] + _headlines(rng, writer, 4))}</ul></body></html>'
    )
    return f"{site}/thread-{rng.randint(100000, 999999)}-1-1.html", html


def page_hijacked(rng, writer, title, body, risk_head, risk_body, decoys):
    """A copy on a hijacked or spam site: furniture of its own, whatever signs the caller adds."""
    site = f"https://{rng.choice(['www.', 'm.', ''])}{_domain(rng)}.{rng.choice(['com', 'cn', 'net', 'cc', 'top'])}"
    html = (
        _head(title, risk_head) + f'<body>{risk_body}<div class="wrap"><h1>{title}</h1>'
        f'<div class="meta">发布时间：2025-0{rng.randint(1, 9)}-{rng.randint(10, 28)} 浏览：{rng.randint(10, 9999)}</div>'  # noqa: E501
        f'<div class="article">{body}</div><div class="page-nav">上一篇：{_headlines(rng, writer, 1)[0]}</div></div></body></html>'  # noqa: E501
    )
    return f"{site}/news/{rng.randint(10000, 99999)}.html", html


def page_wechat(rng, writer, title, body, risk_head, risk_body, decoys):
    site = f"https://{_domain(rng)}.com"
    html = (
        _head(title, risk_head) + f'<body>{risk_body}<div class="rich_media"><h2 class="rich_media_title">{title}</h2>'
        f'<div class="rich_media_meta_list"><span>原创</span> <a>{rng.choice(COUNTIES)}人大</a> 2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日</div>'  # noqa: E501
        f'<div class="rich_media_content" id="js_content">{body}</div>'
        "<div>微信扫一扫关注该公众号</div><a>阅读原文</a> <span>喜欢此内容的人还喜欢</span>"
        f"<ul>{_links(rng, site, _headlines(rng, writer, 3))}</ul></div></body></html>"
    )
    return f"{site}/s/{rng.randint(10**9, 10**10)}", html


def page_tw_portal(rng, writer, title, body, risk_head, risk_body, decoys):
    site = f"https://www.{_domain(rng)}.com.tw"
    html = (
        _head(title, risk_head) + f'<body>{risk_body}<header><nav><a href="/">首頁</a> <a href="/china">兩岸</a> '
        f'<a href="/world">國際</a></nav></header><main><h1>{title}</h1><time>2025/0{rng.randint(1, 9)}/1{rng.randint(0, 9)}</time>'  # noqa: E501
        f'<section class="article-body">{body}</section></main><aside>{_links(rng, site, _headlines(rng, writer, 5))}</aside>'  # noqa: E501
        "<footer>版權所有 © 2025</footer></body></html>"
    )
    return f"{site}/news/{rng.randint(10**6, 10**7)}", html


def page_aggregator(rng, writer, title, body, risk_head, risk_body, decoys):
    site = f"http://{_domain(rng)}.net"
    blocks = [
        f'<div class="item"><h3>{t}</h3><div>{"".join(p)}</div></div>'
        for t, p in (writer.article(rng.randint(200, 500)) for _ in range(rng.randint(1, 3)))
    ]
    blocks.insert(rng.randint(0, len(blocks)), f'<div class="item"><h3>{title}</h3><div>{body}</div></div>')
    html = (
        _head(f"今日资讯汇总 {title}", risk_head)
        + f"<body>{risk_body}<h1>今日资讯汇总</h1>"
        + "".join(blocks)
        + "</body></html>"
    )
    return f"{site}/daily/{rng.randint(10**5, 10**6)}.html", html


TEMPLATES = {
    "portal": page_portal,
    "selfmedia": page_selfmedia,
    "gov": page_gov,
    "forum": page_forum,
    "hijacked": page_hijacked,
}
HELD_OUT = {"wechat": page_wechat, "tw_portal": page_tw_portal, "aggregator": page_aggregator}


# --- copies of a source ------------------------------------------------------------------------

CJK_NOISE = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"  # noqa: E501


def light_edits(text, rng, rate):
    chars = list(text)
    for _ in range(max(1, int(len(chars) * rate))):
        i = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 0.6:
            chars[i] = rng.choice(CJK_NOISE)
        elif kind < 0.8:
            chars.insert(i, rng.choice(CJK_NOISE))
        elif len(chars) > 10:
            del chars[i]
    return "".join(chars)


def glossed_traditional(paragraphs, rng, s2t):
    out = []
    pinyin = ["wǎng", "wéi", "yōu", "zhōng", "guó", "rén", "dà", "huì", "fā", "zhǎn"]
    for p in paragraphs:
        t = s2t(p)
        chars = []
        for ch in t:
            chars.append(ch)
            if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.04:
                chars.append(f"({rng.choice(pinyin)})")
        out.append("".join(chars))
    return out


def copy_of(source_paras, kind, rng):
    """(paragraphs as they appear on the page, share of the source's characters kept)."""
    total = sum(len(p) for p in source_paras)
    paras = list(source_paras)
    if kind == "dropped_paragraph" and len(paras) >= 3:
        candidates = [i for i, p in enumerate(paras) if sum(len(q) for q in paras) - len(p) >= 0.62 * total]
        if candidates:
            del paras[rng.choice(candidates)]
    elif kind == "excerpt":
        keep, size = [], 0
        for p in paras:
            keep.append(p)
            size += len(p)
            if size >= 0.65 * total:
                break
        paras = keep
    kept = sum(len(p) for p in paras) / total
    paras = [light_edits(p, rng, rng.uniform(0.01, 0.03)) for p in paras]
    return paras, kept


def quote_of(source_paras, rng):
    sentences = [s + "。" for p in source_paras for s in p.split("。") if len(s) > 15]
    picked = rng.sample(sentences, min(len(sentences), rng.randint(1, 2)))
    return picked


# --- risks planted on carriers ------------------------------------------------------------------

RISK_KINDS = [
    "spam_text",
    "spam_title",
    "hidden_links_style",
    "hidden_links_class",
    "hidden_links_offscreen",
    "hidden_links_zero",
    "referrer_redirect",
    "meta_refresh",
    "hidden_iframe",
    "blocked_domain",
]


def plant_risk(kind, rng, title):
    """(new title, extra head HTML, extra body HTML, site override or None)."""
    spam = rng.sample(SPAM_ITEMS, rng.randint(3, 6))
    links = "".join(f'<a href="http://www.{rng.choice(SPAM_DOMAINS)}/">{s}</a> ' for s in spam)
    plain_links = "".join(f'<a href="http://{d}/">{d}</a>' for d in rng.sample(SPAM_DOMAINS, 6))
    if kind == "spam_text":
        return title, "", f'<div class="top-links">{" | ".join(spam) if rng.random() < 0.5 else links}</div>', None
    if kind == "spam_title":
        return f"{title}_{spam[0]}", "", "", None
    if kind == "hidden_links_style":
        return title, "", f'<div style="display:none">{links}</div>', None
    if kind == "hidden_links_class":
        return title, "<style>.lk9x{display:none}</style>", f'<div class="lk9x">{plain_links}</div>', None
    if kind == "hidden_links_offscreen":
        return title, "", f'<div style="position:absolute;left:-9999px;top:-9999px">{links}</div>', None
    if kind == "hidden_links_zero":
        return title, "", f'<div style="height:0;overflow:hidden">{plain_links}</div>', None
    if kind == "referrer_redirect":
        target = rng.choice(SPAM_DOMAINS)
        return (
            title,
            "",
            (
                '<script>var r=document.referrer;if(r.indexOf("baidu")>-1||r.indexOf("sogou")>-1||'
                f'r.indexOf("so.com")>-1){{window.location.href="http://www.{target}/";}}</script>'
            ),
            None,
        )
    if kind == "meta_refresh":
        return title, f'<meta http-equiv="refresh" content="3;url=http://www.{rng.choice(SPAM_DOMAINS)}/">', "", None
    if kind == "hidden_iframe":
        return (
            title,
            "",
            f'<iframe src="http://www.{rng.choice(SPAM_DOMAINS)}/i.html" width="0" height="0" frameborder="0"></iframe>',  # noqa: E501
            None,
        )
    if kind == "blocked_domain":
        return title, "", "", f"https://www.{rng.choice(BLOCKED)}"
    raise ValueError(kind)


def clean_extras(rng, url):
    """Things clean pages have that look like risks to a careless check."""
    head = ""
    if rng.random() < 0.2:
        head = f'<meta http-equiv="refresh" content="600;url={url}">'
    return head


def generate(folder: Path, n_sources: int, n_pages: int, seed: int) -> None:
    import opencc

    s2t = opencc.OpenCC("s2t").convert
    rng = random.Random(seed)
    writer = Writer(rng)
    sources = []
    for i in range(n_sources):
        title, paras = writer.article(rng.randint(500, 1800))
        sources.append({"id": f"m{i:05d}", "title": title, "text": "\n".join(paras), "paras": paras})
    write_json_lines(folder / "sources.jsonl", ({k: s[k] for k in ("id", "title", "text")} for s in sources))

    kinds = ["full", "dropped_paragraph", "excerpt", "ad_split", "retitled", "two_sources", "inside", "traditional"]
    n_carriers = max(600, n_pages // 20)
    n_quotes = max(300, n_pages // 40)
    n_spam_only = max(100, n_pages // 100)
    truth = []
    with open(folder / "pages.jsonl", "w", encoding="utf-8") as out:
        for number in range(n_pages):
            role = (
                "carrier"
                if number < n_carriers
                else "quote"
                if number < n_carriers + n_quotes
                else "spam"
                if number < n_carriers + n_quotes + n_spam_only
                else "other"
            )
            held_out = rng.random() < 0.2
            templates = HELD_OUT if held_out else TEMPLATES
            template_name = rng.choice(sorted(templates))
            carried, copy_kind, risk_kind = [], None, None
            title, paras = writer.article(rng.randint(400, 1500))
            body_paras, ads = paras, False
            if role == "carrier":
                copy_kind = kinds[number % len(kinds)]
                picked = rng.sample(sources, 2 if copy_kind == "two_sources" else 1)
                body_paras = []
                for source in picked:
                    if copy_kind == "two_sources":
                        sub_kind = rng.choice(["full", "excerpt"])
                    else:
                        sub_kind = copy_kind if copy_kind in ("dropped_paragraph", "excerpt") else "full"
                    copied, _ = copy_of(source["paras"], sub_kind, rng)
                    body_paras += copied
                    carried.append(source["id"])
                title = picked[0]["title"] if copy_kind != "retitled" else writer.article(50)[0]
                if copy_kind == "inside":
                    body_paras = paras[: rng.randint(1, 3)] + body_paras + paras[-rng.randint(1, 2) :]
                    template_name = rng.choice(["forum", "portal", "aggregator"] if held_out else ["forum", "portal"])
                if copy_kind == "traditional":
                    body_paras = glossed_traditional(body_paras, rng, s2t)
                    title = s2t(title)
                ads = copy_kind == "ad_split" or rng.random() < 0.15
                risk_kind = rng.choice(RISK_KINDS) if rng.random() < 0.5 else None
                if copy_kind == "traditional" and rng.random() < 0.7:
                    risk_kind = "spam_text"
            elif role == "quote":
                source = rng.choice(sources)
                quoted = quote_of(source["paras"], rng)
                body_paras = list(paras)
                body_paras.insert(
                    rng.randint(0, len(body_paras)), f"据{rng.choice(COUNTIES)}人大消息，“{''.join(quoted)}”"
                )
                risk_kind = rng.choice(RISK_KINDS) if rng.random() < 0.1 else None
            elif role == "spam":
                risk_kind = rng.choice(RISK_KINDS)
                template_name = "hijacked"
                templates = TEMPLATES
            decoys = rng.sample(NEWS_DECOYS, 4)
            if risk_kind:
                title, risk_head, risk_body, site = plant_risk(risk_kind, rng, title)
            else:
                risk_head, risk_body, site = "", "", None
            body = _paras(body_paras, rng, ads=ads)
            url, html = {**TEMPLATES, **HELD_OUT}[template_name](rng, writer, title, body, risk_head, risk_body, decoys)
            if site:
                url = site + "/" + url.split("/", 3)[-1]
            if not risk_kind:
                html = html.replace("</head>", clean_extras(rng, url) + "</head>", 1)
            url = f"{url}#p{number}"
            out.write(json.dumps({"url": url, "html": html}, ensure_ascii=False) + "\n")
            truth.append(
                {
                    "url": url,
                    "sources": carried,
                    "risk": risk_kind,
                    "copy": copy_kind,
                    "role": role,
                    "template": template_name,
                    "held_out": template_name in HELD_OUT,
                }
            )
    rng.shuffle(truth)
    write_json_lines(folder / "truth.jsonl", truth)
    (folder / "blocked.txt").write_text("\n".join(BLOCKED) + "\n", encoding="utf-8")


def write_json_lines(path: Path, items) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


# --- the two pipelines, each run in its own process ---------------------------------------------


def run_tribune(folder: Path, out: Path) -> dict:
    from tribune.reprints.cli import read_sources
    from tribune.reprints.core.match import SourceIndex
    from tribune.reprints.core.pages import iter_pages
    from tribune.reprints.core.risk import RiskPolicy
    from tribune.reprints.core.scan import scan

    started = time.perf_counter()
    index = SourceIndex(read_sources(folder / "sources.jsonl"))
    indexed = time.perf_counter()
    policy = RiskPolicy.from_lines((folder / "blocked.txt").read_text(encoding="utf-8").splitlines())
    with open(out, "w", encoding="utf-8") as results:
        for result in scan(iter_pages([folder / "pages.jsonl"]), index, policy=policy):
            results.write(
                json.dumps(
                    {
                        "page": result.url,
                        "sources": [m.source_id for m in result.matches],
                        "shares": [m.share for m in result.matches],
                        "risk": result.risk,
                        "reasons": [f"{f.kind}: {f.evidence}" for f in result.findings],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return {"index_s": indexed - started, "scan_s": time.perf_counter() - indexed}


def _shingles(text: str) -> set[bytes]:
    return {text[i : i + 5].encode("utf-8") for i in range(len(text) - 4)}


def run_lshensemble(folder: Path, out: Path) -> dict:
    from datasketch import MinHash, MinHashLSHEnsemble

    from tribune.reprints.cli import read_sources
    from tribune.reprints.core.extract import page_text
    from tribune.reprints.core.normalise import normalise, skeleton
    from tribune.reprints.core.pages import iter_pages

    started = time.perf_counter()
    entries, sketches = [], {}
    for page in iter_pages([folder / "pages.jsonl"]):
        shingles = _shingles(skeleton(page_text(page.html).text))
        if not shingles:
            continue
        sketch = MinHash(num_perm=128)
        sketch.update_batch(list(shingles))
        entries.append((page.url, sketch, len(shingles)))
        sketches[page.url] = (sketch, len(shingles))
    sketched = time.perf_counter()
    lsh = MinHashLSHEnsemble(threshold=0.5, num_perm=128, num_part=16)
    lsh.index(entries)
    indexed = time.perf_counter()
    pairs = defaultdict(list)
    for source in read_sources(folder / "sources.jsonl"):
        shingles = _shingles(skeleton(normalise(source.text)))
        query = MinHash(num_perm=128)
        query.update_batch(list(shingles))
        for url in lsh.query(query, len(shingles)):
            sketch, size = sketches[url]
            jaccard = query.jaccard(sketch)
            containment = jaccard * (len(shingles) + size) / (1 + jaccard) / len(shingles)
            if containment >= 0.5:
                pairs[url].append(source.id)
    with open(out, "w", encoding="utf-8") as results:
        for url, ids in pairs.items():
            results.write(json.dumps({"page": url, "sources": ids}) + "\n")
    return {"sketch_s": sketched - started, "index_s": indexed - sketched, "query_s": time.perf_counter() - indexed}


PIPELINES = {"tribune": run_tribune, "lshensemble": run_lshensemble}


def child(name: str, folder: Path, out: Path) -> None:
    phases = PIPELINES[name](folder, out)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    phases["peak_rss_mb"] = usage.ru_maxrss / 1024
    phases["cpu"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(phases))


def run_child(name: str, folder: Path) -> dict:
    out = folder / f"result-{name}.jsonl"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, "--data", str(folder)], check=True, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    phases["wall_s"] = wall
    with open(out, encoding="utf-8") as lines:
        phases["results"] = [json.loads(line) for line in lines]
    return phases


# --- scoring --------------------------------------------------------------------------------------


def pair_scores(results, truth, subset=None):
    expected = {(t["url"], s) for t in truth if subset is None or subset(t) for s in t["sources"]}
    urls = {t["url"] for t in truth if subset is None or subset(t)}
    found = {(r["page"], s) for r in results if r["page"] in urls for s in r["sources"]}
    hits = len(expected & found)
    return (
        hits / len(found) if found else 1.0,
        hits / len(expected) if expected else 1.0,
        len(expected),
        sorted(found - expected)[:5],
        sorted(expected - found)[:5],
    )


def risk_scores(results, truth):
    by_url = {t["url"]: t for t in truth}
    tp = fp = fn = tn = 0
    misses, false = [], []
    per_kind = Counter()
    per_kind_hit = Counter()
    for r in results:
        t = by_url[r["page"]]
        if not t["sources"]:
            continue
        risky, flagged = t["risk"] is not None, r["risk"] == "high"
        if risky:
            per_kind[t["risk"]] += 1
            per_kind_hit[t["risk"]] += flagged
        if risky and flagged:
            tp += 1
        elif flagged:
            fp += 1
            false.append((r["page"], r["reasons"][:2]))
        elif risky:
            fn += 1
            misses.append((r["page"], t["risk"]))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return (
        precision,
        recall,
        tp,
        fp,
        fn,
        tn,
        misses[:5],
        false[:5],
        {k: (per_kind_hit[k], per_kind[k]) for k in per_kind},
    )


def verdict(value, target, higher=True):
    ok = value >= target if higher else value <= target
    return "meets" if ok else "MISSES"


# --- extractor comparison ---------------------------------------------------------------------------


def compare_extractors(folder: Path, limit: int) -> None:
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    from tribune.reprints.cli import read_sources
    from tribune.reprints.core.extract import page_text
    from tribune.reprints.core.match import SourceIndex
    from tribune.reprints.core.normalise import normalise
    from tribune.reprints.core.pages import iter_pages

    with open(folder / "truth.jsonl", encoding="utf-8") as lines:
        truth = {t["url"]: t for t in map(json.loads, lines)}
    pages = [p for p in iter_pages([folder / "pages.jsonl"]) if truth[p.url]["sources"]][:limit]
    index = SourceIndex(read_sources(folder / "sources.jsonl"))
    extractors = {
        "selectolax (all body text, Tribune)": lambda html: page_text(html).text,
        "resiliparse main_content=True": lambda html: normalise(
            extract_plain_text(HTMLTree.parse(html), main_content=True)
        ),
        "resiliparse main_content=False": lambda html: normalise(
            extract_plain_text(HTMLTree.parse(html), main_content=False)
        ),
        "trafilatura.extract (defaults)": lambda html: normalise(trafilatura.extract(html) or ""),
    }
    print(
        f"\nExtractors on {len(pages)} carrier pages (share of carried sources still matched from the extracted text):"
    )
    for name, extract in extractors.items():
        started = time.perf_counter()
        texts = [extract(p.html) for p in pages]
        took = time.perf_counter() - started
        kept = Counter()
        total = Counter()
        for page, text in zip(pages, texts, strict=True):
            t = truth[page.url]
            found = {m.source_id for m in index.match(text)}
            for source in t["sources"]:
                total[t["copy"]] += 1
                kept[t["copy"]] += source in found
        by_kind = ", ".join(f"{k} {kept[k]}/{total[k]}" for k in sorted(total))
        print(
            f"  {name:38s} {took / len(pages) * 1000:7.2f} ms/page  copies kept {sum(kept.values())}/{sum(total.values())}"  # noqa: E501
            f"  ({by_kind})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=16000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path)
    parser.add_argument("--child")
    parser.add_argument("--extractors", type=int, default=0, help="compare extractors on N carriers, then stop")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.data / f"result-{args.child}.jsonl")
        return
    folder = args.data or Path(tempfile.mkdtemp(prefix="tribune-reprints-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "truth.jsonl").exists():
        started = time.perf_counter()
        generate(folder, args.sources, args.pages, args.seed)
        print(
            f"generated {args.sources} sources and {args.pages} pages in {folder} ({time.perf_counter() - started:.0f} s)"  # noqa: E501
        )
    if args.extractors:
        compare_extractors(folder, args.extractors)
        return
    with open(folder / "truth.jsonl", encoding="utf-8") as lines:
        truth = [json.loads(line) for line in lines]
    roles = Counter(t["role"] for t in truth)
    size = (folder / "pages.jsonl").stat().st_size / 2**20
    print(
        f"test set: {roles['carrier']} carriers, {roles['quote']} quote-only, {roles['spam']} spam pages without our "
        f"content, {roles['other']} other pages; {sum(len(t['sources']) for t in truth)} true pairs; {size:.0f} MB of JSON lines"  # noqa: E501
    )
    print(
        f"machine: {os.cpu_count()} cores, shared — timings are noisy; rerun: .venv/bin/python bench/reprints.py --data {folder}"  # noqa: E501
    )

    runs = {name: run_child(name, folder) for name in PIPELINES if not (args.skip_baseline and name == "lshensemble")}
    for name, run in runs.items():
        precision, recall, n, false, missed = pair_scores(run["results"], truth)
        phases = ", ".join(f"{k} {v:.1f}" for k, v in run.items() if k.endswith("_s") and k != "wall_s")
        print(
            f"\n[{name}] end to end {run['wall_s']:.1f} s wall, {run['cpu']:.1f} s CPU ({phases}); "
            f"peak memory {run['peak_rss_mb']:.0f} MB"
        )
        print(f"  pairs: precision {precision:.4f}, recall {recall:.4f} of {n}")
        for label, subset in (
            ("held-out templates", lambda t: t["held_out"]),
            ("tuned templates", lambda t: not t["held_out"]),
        ):
            p, r, k, _, _ = pair_scores(run["results"], truth, subset)
            print(f"    {label}: precision {p:.4f}, recall {r:.4f} of {k}")
        kinds = sorted({t["copy"] for t in truth if t["copy"]})
        print(
            "    recall by copy kind: "
            + ", ".join(
                f"{k} {pair_scores(run['results'], truth, lambda t, k=k: t['copy'] == k)[1]:.3f}" for k in kinds
            )
        )
        if false:
            print(f"  false pairs, e.g. {false}")
        if missed:
            print(f"  missed pairs, e.g. {missed}")
    tribune = runs["tribune"]
    p, r, tp, fp, fn, tn, misses, false, per_kind = risk_scores(tribune["results"], truth)
    print(f"\n[tribune] risk on carriers: precision {p:.4f}, recall {r:.4f} (tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    print("  recall by kind: " + ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(per_kind.items())))
    if misses:
        print(f"  missed, e.g. {misses}")
    if false:
        print(f"  false alarms, e.g. {false}")

    print("\nAgainst the targets of issue 15:")
    pp, pr, *_ = pair_scores(tribune["results"], truth)
    print(f"  pair precision   {pp:.4f}  target ≥ {TARGETS['precision']}  {verdict(pp, TARGETS['precision'])}")
    print(f"  pair recall      {pr:.4f}  target ≥ {TARGETS['recall']}  {verdict(pr, TARGETS['recall'])}")
    print(f"  risk precision   {p:.4f}  target ≥ {TARGETS['risk_precision']}  {verdict(p, TARGETS['risk_precision'])}")
    print(f"  risk recall      {r:.4f}  target ≥ {TARGETS['risk_recall']}  {verdict(r, TARGETS['risk_recall'])}")
    if "lshensemble" in runs:
        speedup = runs["lshensemble"]["wall_s"] / tribune["wall_s"]
        print(
            f"  speed            {speedup:.1f}×  the LSH Ensemble pipeline end to end, wall clock "
            f"({runs['lshensemble']['wall_s']:.1f} s vs {tribune['wall_s']:.1f} s)  target ≥ 10×  {verdict(speedup, 10)}"  # noqa: E501
        )
        cpu_speedup = runs["lshensemble"]["cpu"] / tribune["cpu"]
        print(
            f"                   {cpu_speedup:.1f}×  in CPU time ({runs['lshensemble']['cpu']:.1f} s vs {tribune['cpu']:.1f} s; "  # noqa: E501
            "less disturbed by others' work on a shared machine)"
        )
    print(
        f"  peak memory      {tribune['peak_rss_mb']:.0f} MB  target ≤ 300 MB  "
        f"{verdict(tribune['peak_rss_mb'], TARGETS['memory_mb'], higher=False)}"
    )


if __name__ == "__main__":
    main()
