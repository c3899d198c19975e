"""Spam vocabulary for the risk check — written for Tribune, pure data.

A line is spam when its terms weigh at least 2 (a strong term weighs 2, a weak one 1) and it
says nothing a news report would: a report on a crackdown names what was cracked down on, but
in the words of the law (打击, 涉赌, 淫秽, 犯罪, 警方 …), and a lottery notice names its issuer
(福利彩票, 体育彩票). Spam never describes itself so. Place names that contain a spam word's
characters (南京市六合区, 金沙县, 太阳城小区) are not terms: only the spam forms are listed
(六合彩, 金沙娱乐, 太阳城娱乐).
"""

from __future__ import annotations

# Each alone makes a line spam (weight 2).
STRONG = (
    # pornography: site and studio names, the words of its link rows
    "成人影院", "成人视频", "成人电影", "成人网站", "成人直播", "成人社区", "成人小说", "成人用品网",
    "av女优", "日本av", "无码av", "av在线", "av网站", "无码视频", "无码中文字幕", "无码专区", "有码专区",
    "一本道", "东京热", "加勒比无码", "久久精品", "精品一区二区", "一区二区三区", "国产精品视频", "国产自拍", "自拍偷拍",
    "偷拍自拍", "偷窥自拍", "亚洲色图", "激情视频", "激情小说", "激情图片", "激情电影", "裸聊", "约炮",
    "黄色网站", "黄色视频", "黄色电影", "黄色小说", "黄片", "毛片", "三级片", "午夜福利", "午夜影院",
    "福利姬", "人妻熟女", "乱伦", "草榴", "91porn", "pornhub", "xvideos", "波多野结衣", "苍井空",
    "麻豆传媒", "蜜桃传媒", "天美传媒", "果冻传媒", "91制片厂", "香蕉视频", "草莓视频", "色综合",
    "青青草视频", "青青草在线", "色婷婷", "婷婷五月", "五月婷婷", "丁香五月", "超碰", "久久热", "伊人网",
    "伊人在线", "啪啪视频",
    # gambling: games, platforms, the bonus vocabulary of betting sites
    "百家乐", "六合彩", "时时彩", "pk10", "网上赌场", "在线赌场", "网络赌场", "真人娱乐",
    "真人荷官", "娱乐城", "新葡京", "葡京娱乐", "太阳城娱乐", "金沙娱乐", "皇冠体育", "皇冠现金",
    "永利娱乐", "威尼斯人娱乐", "开元棋牌", "注册送彩金", "首存", "存款优惠", "一肖中特", "平特一肖",
    "六肖", "特码", "心水论坛", "跑狗图", "老虎机", "电子游艺", "彩票计划", "体育投注", "足球投注",
    "在线投注", "博彩网址", "娱乐官网", "娱乐开户", "开户送", "开奖直播", "开奖现场直播",
    # private game servers and game cheats (私服 alone also means casual clothes)
    "传奇私服", "私服发布网", "新开私服", "私服发布", "游戏私服", "魔域私服", "奇迹私服", "梦幻私服",
    "传奇sf", "sf发布网", "新开传奇", "变态传奇", "超变传奇", "单职业传奇", "1.76传奇", "176传奇",
    "开服表", "刷钻", "gm权限", "无限元宝",
    # the rest of the black market that rides hijacked pages
    "代孕", "办假证", "代开发票", "发票代开", "刻章办证", "办证刻章", "枪支出售", "仿真枪出售", "迷药",
    "迷情药", "催情药", "窃听器", "黑客接单", "裸贷", "跑分平台", "信用卡套现",
)

# Weigh 1, and only on lines that are not prose (a link row, a caption, an advertisement): common
# in spam, but also in ordinary writing — a committee's own report says 精品栏目 and 文化娱乐.
WEAK = (
    "私服", "无码", "av", "日韩", "欧美", "中文字幕", "国产", "精品", "在线观看", "福利", "美女直播",
    "丝袜", "美腿", "吃瓜", "黑料", "网红", "博彩", "赌场", "棋牌", "捕鱼", "下注", "投注", "开奖",
    "外挂", "复古传奇", "网赚", "刷单", "套现", "高仿", "办证", "彩金", "返水",
    "白小姐", "管家婆", "北京赛车",
)

# A line with one of these is written about spam, not by it.
NEWS = (
    "打击", "整治", "扫黄打非", "扫黄", "查处", "破获", "抓获", "涉赌", "涉黄", "赌博", "淫秽", "色情",
    "非法", "违法", "犯罪", "诈骗", "嫌疑人", "警方", "公安", "检察", "法院", "判处", "治理", "专项行动",
    "举报", "严禁", "取缔", "防范", "警惕", "谨防", "净网", "福利彩票", "体育彩票", "福彩", "体彩",
    "彩票中心", "彩票发行", "民政", "公益金",
)
