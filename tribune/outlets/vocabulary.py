"""The outlet vocabulary, in one place: the levels of outlets (highest first) and their rank,
the kinds of outlet, and the names the assessment scheme and its notices write them with.

Pure Python, no Django: the scoring engine and the deputies' reach figures (pure cores) read it
as the model's choices do (`outlets.models.OutletLevel`, `OutletKind`, whose values are these and
whose labels are the translated names pages show)."""

NATIONAL, PROVINCIAL, CITY, COUNTY = "national", "provincial", "city", "county"

LEVELS = (NATIONAL, PROVINCIAL, CITY, COUNTY)  # highest first
LEVEL_RANK = {NATIONAL: 4, PROVINCIAL: 3, CITY: 2, COUNTY: 1}  # wherever "the highest level" matters
HIGH_LEVELS = (NATIONAL, PROVINCIAL)  # 省级及以上
LOCAL_LEVELS = (CITY, COUNTY)  # 市、区级
CITY_OR_ABOVE = (NATIONAL, PROVINCIAL, CITY)  # 市级及以上
# As schemes, notices and the ledger's explanations write them (Chinese in every language).
LEVEL_NAMES = {NATIONAL: "中央级", PROVINCIAL: "省级", CITY: "市级", COUNTY: "县级"}

KINDS = ("newspaper", "magazine", "website", "wechat", "tv", "app", "weibo", "platform")
KIND_NAMES = {
    "newspaper": "报纸", "magazine": "杂志", "website": "网站", "wechat": "微信公众号", "tv": "电视",
    "app": "新闻客户端", "weibo": "微博", "platform": "平台",
}
