"""Properties over arbitrary text: the parser never raises and loses no Han character."""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from converters.parse.chars import is_han
from converters.model import Document
from converters.parse.options import ParseOptions
from converters.parse.pipeline import parse_text
from converters.parse.reading import InputError, decode

# Pieces real pages are made of, so random pages hit the parser's real paths.
FRAGMENTS = [
    "本报讯 ", "本报讯（记者 张三 通讯员 李四）", "记者 王军方", "通讯员 贺振广 高雅静", "文/图",
    "新郑时报", "郑港办事处", "八岗办事处", "城关乡", "航空港区", "管城区", "中原区", "荥阳市",
    "# ", "## ", "|", " | ", "||||", "3上一篇", "版权声明 @ 中原网 网站版权所有", "责任编辑：张三",
    "6月9日", "近日，", "。", "，", ",", "；", "：", "？", "！", "“", "”", "《", "》", "（", "）",
    "(", ")", "……", "——", "、", " ", "  ", "\u3000", "\u00a0", "\t", "\n", "\n\n", "\n\n\n",
    "\r\n", "\r", "\x07", "\u200b", "1,000", "10:30", "WeChat", "举行庆祝建党100周年红歌比赛",
    "党员干部被影片中扶贫干部的付出与坚持所感动，大", "家表示，在今后的工作中要学习。",
    "书记挂帅", "大员上阵", "力”主题党日活", "为多渠道学习中国共产党党史。", "社区", "街道",
]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PAGE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(HAN, min_size=1, max_size=12),
                          st.text(min_size=1, max_size=6)), max_size=80).map("".join)


def han_counter(text: str) -> Counter[str]:
    return Counter(ch for ch in text if is_han(ch))


def accounted_text(document: Document) -> str:
    """Everything the model keeps, each piece once."""
    parts = [document.page_title or "", *document.sections, *document.dropped]
    for article in document.articles:
        parts += [article.kicker or "", article.title or "", article.subtitle or "",
                  *article.bylines, article.dateline or "", *article.captions,
                  *(block.text for block in article.body)]
    return "\n".join(parts)


def check_page(text: str, options: ParseOptions = ParseOptions()) -> None:
    document = parse_text(text, "random.txt", options=options)
    assert han_counter(accounted_text(document)) == han_counter(text)
    assert Document.from_json(document.to_json()) == document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
@example("本报讯\n\n本报讯 近日，郑港办事处举行活动。")
@example("记者 张三 本报讯 近日，郑港办事处举行活动。 记者 王五 学亮点 找差距 本报讯 好。" * 3)
@example("# \n## 郑港办事处\n八岗办事处")
@example("家表示，在今后的工作中要学习。责任编辑：张三")  # an editor line cut off the text
# a line with a byline cut from its end that the model calls a byline, or a headline
@example("记者 王军方本报讯（记者 张三 通讯员 李四）记者 王军方")
@example("记者 王军方本报讯 本报讯（记者 张三 通讯员 李四）记者 王军方")
def test_page_like_text_never_raises_and_keeps_every_han_character(text: str) -> None:
    check_page(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises_and_keeps_every_han_character(text: str) -> None:
    check_page(text)
    check_page(text, ParseOptions(punctuation=False))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_a_reason(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        assert str(exc)
        return
    assert encoding
    assert "\ufffd" not in text or "\ufffd".encode(encoding.replace("-sig", "")) in data
