"""The editor's review page, in a real browser: headless Chromium driven by Selenium
(Debian's chromium and chromium-driver, which .ci/run installs). It loads without
console errors, lists every article and warning, narrows the list with the filter
and the search, shows each source line's role, links the bulletin's right pages,
and an axe-core scan (axe.min.js, MPL-2.0, shipped here) finds nothing serious."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from converters.commands import commands
from converters.parse.chars import han_only

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).with_name("axe.min.js")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium (pip install '.[test]') drives the browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="no Chromium and chromedriver here (.ci/run installs Debian's "
                                       "chromium and chromium-driver)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample pages built (every format), with the review page."""
    work = tmp_path_factory.mktemp("review")
    shutil.copy(ROOT / "pressroom.toml", work / "pressroom.toml")
    result = CliRunner().invoke(commands, ["build", str(ROOT / "input"), "-o", str(work / "build"),
                                           "--config", str(work / "pressroom.toml"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    (work / "warnings.json").write_text(json.dumps(summary["warnings"]), encoding="utf-8")
    return work / "build"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(argument)
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, path: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(path.resolve().as_uri())
    browser.get_log("browser")  # what an earlier page said is not this one's


def errors(browser) -> list[str]:  # type: ignore[no-untyped-def]
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def visible(browser, selector: str) -> list:  # type: ignore[no-untyped-def, type-arg]
    from selenium.webdriver.common.by import By

    return [e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_the_overview_lists_every_article_and_warning(built: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from converters.editions import read_record

    index = built / "review" / "index.html"
    open_page(browser, index)
    assert errors(browser) == []
    record = read_record(built)
    articles = visible(browser, "li.article")
    combined = next(o for o in record["outputs"] if o["format"] == "pdf" and not o["district"])
    assert len(articles) == combined["articles"]
    findings = visible(browser, "li.finding")
    build_warnings = json.loads((built.parent / "warnings.json").read_text(encoding="utf-8"))
    assert len(findings) >= len(build_warnings) and len(findings) > len(build_warnings)
    for warning in build_warnings:  # each of the build's, named with its page
        assert any(warning.split(": ", 1)[1] in f.text for f in findings), warning


def test_the_filter_and_the_search_narrow_the_list(built: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, built / "review" / "index.html")
    every = len(visible(browser, "li.article"))
    Select(browser.find_element(By.ID, "district")).select_by_value("中原区")
    chosen = visible(browser, "li.article")
    assert 0 < len(chosen) < every
    assert all(e.get_attribute("data-district") == "中原区" for e in chosen)
    assert "显示 %d 篇" % len(chosen) == browser.find_element(By.ID, "count").text
    Select(browser.find_element(By.ID, "district")).select_by_value("")
    Select(browser.find_element(By.ID, "kind")).select_by_value("month")
    month = visible(browser, "li.article")
    assert len(month) == 4  # the sample's three March articles and one of July
    assert all("month" in e.get_attribute("data-kinds") for e in month)
    assert all(e.get_attribute("data-kind") == "month" for e in visible(browser, "li.finding"))
    Select(browser.find_element(By.ID, "kind")).select_by_value("")
    search = browser.find_element(By.ID, "search")
    search.send_keys("红歌")
    found = visible(browser, "li.article")
    assert len(found) == 1 and "红歌" in found[0].text
    search.clear()
    search.send_keys("x")  # keyboard only: the filter follows what is typed
    search.clear()
    assert errors(browser) == []


def test_a_page_view_shows_each_source_lines_role(built: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    page = next(p for p in (ROOT / "input").glob("*.txt") if p.name.startswith("001"))
    open_page(browser, built / "review" / "index.html")
    link = browser.find_element(By.LINK_TEXT, page.name).get_attribute("href")
    browser.get(link)
    assert errors(browser) == []
    rows = browser.find_elements(By.CSS_SELECTOR, "table.lines tbody tr")
    source = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == len(source)
    roles = {row.get_attribute("data-role") for row in rows}
    assert {"title", "body"} <= roles and all(roles)
    assert all(row.find_elements(By.CSS_SELECTOR, "td")[1].text for row in rows)
    assert browser.find_elements(By.CSS_SELECTOR, "main article h3")


def test_the_pdf_links_point_at_the_articles_pages(built: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    open_page(browser, built / "review" / "index.html")
    bulletin = next((built / "pdf").glob("bulletin*.pdf"))
    with pdfplumber.open(bulletin) as pdf:  # column by column, as the pages read
        texts = ["".join(han_only(p.crop(box).extract_text() or "") for box in
                         ((0, 0, p.width / 2, p.height), (p.width / 2, 0, p.width, p.height)))
                 for p in pdf.pages]
    checked = 0
    for item in browser.find_elements(By.CSS_SELECTOR, "li.article"):
        title = han_only(item.find_element(By.CSS_SELECTOR, "a").text)
        link = next(a.get_attribute("href") for a in item.find_elements(By.CSS_SELECTOR, "a.place")
                    if ".pdf#page=" in a.get_attribute("href"))
        page = int(re.search(r"#page=(\d+)", link)[1])
        assert link.split("#")[0].endswith(f"/pdf/{bulletin.name}")
        if title != han_only("原文无标题"):
            assert title[:6] in texts[page - 1], (title, page)
        checked += 1
    assert checked >= 20


def test_no_serious_accessibility_violation(built: Path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    for path in (built / "review" / "index.html", None):
        if path is None:  # a page view too
            open_page(browser, built / "review" / "index.html")
            browser.get(browser.find_element(By.CSS_SELECTOR, "ol.pages a").get_attribute("href"))
        else:
            open_page(browser, path)
        browser.execute_script(AXE.read_text(encoding="utf-8"))
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));")
        serious = [(v["id"], v["impact"], len(v["nodes"])) for v in result
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], serious


def test_the_review_page_is_served_by_pressroom_serve(built: Path) -> None:
    """Through the library's server, as an editor on another machine opens it."""
    import threading
    import urllib.request

    from converters.delivery.serve import LibraryServer

    server = LibraryServer(built, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        with urllib.request.urlopen(f"{base}/review/index.html", timeout=10) as response:
            assert response.headers["Content-Type"].startswith("text/html")
            page = response.read().decode("utf-8")
        assert "审读" in page
        for asset, kind in (("review.css", "text/css"), ("review.js", "text/javascript")):
            with urllib.request.urlopen(f"{base}/review/{asset}", timeout=10) as response:
                assert response.headers["Content-Type"].startswith(kind)
        view = re.search(r'href="(pages/[0-9a-f]+\.html)"', page)[1]
        with urllib.request.urlopen(f"{base}/review/{view}", timeout=10) as response:
            assert "原页面逐行" in response.read().decode("utf-8")
    finally:
        server.stop()
        thread.join(10)
