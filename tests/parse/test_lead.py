"""Who acts in the opening sentence decides the subdistrict; places visited do not."""
from __future__ import annotations

import pytest

from converters.parse.gazetteer import default_gazetteer
from converters.parse.lead import read_lead
from converters.parse.pipeline import parse_text


@pytest.mark.parametrize(("lead", "date", "subdistrict", "district"), [
    ("6月9日，航空港区郑港办事处组织90多名党员干部到荥阳市“八路军后方医院旧址”举行主题党日活动。",
     "6月9日", "郑港办事处", "航空港区"),
    ("7月5日下午，航空港实验区明港办事处党工委组织全体班子成员前往郑东新区商都路办事处观摩学习。",
     "7月5日", "明港办事处", "航空港区"),
    ("6月28日下午，管城回族区人大常委会主任魏建民到十八里河街道人大代表联络站开展进站履职活动。",
     "6月28日", None, "管城回族区"),
    ("为深入推进中原区政法队伍教育整顿工作，3月17日，中原区举行政法队伍先进事迹报告会。",
     "3月17日", None, "中原区"),
    ("“我和我的祖国，一刻也不能分割。”近日，航空港区郑港办事处组织党支部举办红歌合唱比赛。",
     None, "郑港办事处", "航空港区"),
    ("今年以来，围绕庆祝中国共产党成立100周年主线，航空港区银河办事处以“永远跟党走”为主题开展活动。",
     None, "银河办事处", "航空港区"),
    ("近日，市委书记到金水区丰产路街道调研。", None, None, None),
    ("2021年6月30日，龙湖镇组织党员志愿者清理垃圾。", "2021年6月30日", "龙湖镇", None),
])
def test_lead(lead: str, date: str | None, subdistrict: str | None, district: str | None) -> None:
    result = read_lead(lead, default_gazetteer())
    assert (result.date, result.subdistrict, result.district) == (date, subdistrict, district)


def test_aliases_map_to_canonical_districts() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.canonical("郑州航空港经济综合实验区") == "航空港区"
    assert gazetteer.canonical("航空港实验区") == "航空港区"
    assert gazetteer.canonical("管城区") == "管城回族区"
    assert gazetteer.mentions("郑州航空港经济综合实验区和管城区、管城回族区") == \
        {"航空港区": 1, "管城回族区": 2}


def test_visited_districts_do_not_capture_the_page() -> None:
    page = ("组织党员干部观摩学习\n\n本报讯 7月5日，航空港实验区明港办事处组织党员前往郑东新区"
            "如意湖办事处、管城区十八里河办事处、郑东新区商都路办事处观摩学习。\n\n"
            "在郑东新区，大家参观了服务中心。\n\n记者 王军方\n")
    document = parse_text(page)
    assert document.district == "航空港区"
    assert document.articles[0].subdistrict == "明港办事处"
