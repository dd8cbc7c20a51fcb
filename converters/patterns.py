"""Line patterns that more than one stage recognises."""
from __future__ import annotations

import re

SECTION_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:街道办事处|办事处|街道|管委会|镇|乡)$")
BOILERPLATE = re.compile(
    r"^(?:\d*\s*(?:上一篇|下一篇|上一页|下一页)|版权声明|版权所有|责任编辑|本文编辑|"
    r"(?:编辑|审核|校对|来源|作者|浏览次数|发布时间)\s*[:：]|返回(?:顶部|首页|列表)|打印本页|"
    r"关闭窗口|分享到|扫一扫|当前位置|【字体|字号\s*[:：])|网站版权所有|All rights reserved",
    re.IGNORECASE)
DATELINE = re.compile(r"^本报讯\s*(?:[（(]([^（）()]{2,40})[）)])?\s*[:：]?\s*")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
#: table-cell debris of scraped pages: leading and trailing pipes
PIPES = re.compile(r"^(?:\|\s*)+|(?:\s*\|)+$")
