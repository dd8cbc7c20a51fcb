"""Hostile but realistic input: each class of bad page or bad setting gets a clear
message naming the file and the problem, the rest of the batch is still made, and
no Han character is lost without a warning."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from converters.parse.pipeline import parse_file, parse_text
from converters.parse.reading import InputError, decode

from conftest import ROOT

@pytest.fixture(autouse=True)
def settings_of_an_edition(tmp_path: Path) -> None:
    """The pages here carry no dates: their month is named, as a user's settings do
    (a test of bad settings writes its own file over this one)."""
    (tmp_path / "pressroom.toml").write_text('[edition]\nedition = "2021-06"\n', encoding="utf-8")


#: a small page: a headline, a lead with 本报讯 and a second paragraph
PAGE = ("中原区新闻标题\n\n本报讯 中原区今天召开会议，研究部署工作。会议要求各单位认真落实。\n\n"
        "第二段内容在这里，继续说明情况。\n")


def han(text: str) -> str:
    return "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def article_text(document) -> str:  # type: ignore[no-untyped-def]
    return "".join(a.text_content() for a in document.articles)


# -- line and paragraph breaks ------------------------------------------------------
@pytest.mark.parametrize("mark", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\r", "\r\n"])
def test_every_line_break_is_a_line_break_and_invents_no_article(mark: str) -> None:
    # pdftotext ends each page with a form feed; Word's manual line break is VT
    document = parse_text(PAGE.replace("\n\n第二段", mark + "第二段"))
    assert len(document.articles) == 1
    assert document.articles[0].title == "中原区新闻标题"
    assert [b.text[:5] for b in document.articles[0].body] == ["中原区今天", "第二段内容"]


# -- characters that print as boxes ---------------------------------------------------
@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u202e", "\u2066", "\ufe0f", "\u200b",
                                  "\u00ad"])
def test_invisible_formatting_is_removed_with_a_warning(mark: str) -> None:
    document = parse_text(PAGE.replace("会议要求", f"会议{mark}要求"))
    assert mark not in article_text(document)
    assert han(article_text(document)) == han(PAGE)
    assert any("invisible formatting" in w for w in document.warnings)


def test_a_stray_nul_is_removed_with_a_warning_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(PAGE.replace("会议要求", "会议\x00要求").encode("utf-8"))
    document = parse_file(path)
    assert han(article_text(document)) == han(PAGE)
    assert any(re.search(r"removed 1 control character.*line 3", w) for w in document.warnings)


def test_a_file_of_many_nuls_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(PAGE.encode("utf-8") + b"\x00" * 400)
    with pytest.raises(InputError, match="binary"):
        decode(b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + PAGE.encode("utf-8") * 2)


# -- what is not a page file ------------------------------------------------------------
def run_parse(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converters.cli", "parse", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifos_devices_and_broken_links_are_named_not_read_or_passed_over(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(pages / "fifo.txt")  # reading it would wait for a writer forever
    (pages / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (pages / "loop.txt").symlink_to(pages / "loop.txt")
    result = run_parse("--json", pages, "/dev/zero", timeout=30)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [Path(d["source"]).name for d in data["documents"]] == ["good.txt"]
    reasons = {Path(p["source"]).name: p["reason"] for p in data["problems"]}
    assert "FIFO" in reasons["fifo.txt"] and "character device" in reasons["zero"]
    assert "link to nothing" in reasons["dangling.txt"]
    assert "loop of symbolic links" in reasons["loop.txt"]
    for name in ("fifo.txt", "zero", "dangling.txt", "loop.txt"):
        assert re.search(rf"^pressroom: .*{re.escape(name)}: ", result.stderr, re.M)
    assert "Traceback" not in result.stderr


def test_a_folder_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    result = run_parse("--json", tmp_path, tmp_path, tmp_path / "good.txt")
    assert len(json.loads(result.stdout)["documents"]) == 1


# -- file names ---------------------------------------------------------------------------
def run_pressroom(*args: str | Path, cwd: Path, timeout: float = 300
                  ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converters.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=timeout)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes are Linux's")
def test_names_not_utf8_or_with_controls_build_and_print_escaped(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    # a GBK name from a Windows archive (中原区.txt) and one with ESC and a newline in it
    gbk = os.fsdecode(b"\xd6\xd0\xd4\xad\xc7\xf8.txt")
    (pages / gbk).write_text(PAGE, encoding="utf-8")
    (pages / "esc\x1b[31mred\nline.txt").write_text(PAGE.replace("中原区新闻", "二七区新闻"),
                                                     encoding="utf-8")
    parsed = run_pressroom("parse", pages, cwd=tmp_path)
    assert parsed.returncode == 0, parsed.stderr
    assert "\x1b" not in parsed.stdout + parsed.stderr
    assert "esc\\x1b[31mred\\nline.txt" in parsed.stdout and "\\xd6\\xd0" in parsed.stdout
    for _ in range(2):  # the second build reads the first's manifest
        built = run_pressroom("build", pages, "--format", "pdf", cwd=tmp_path)
        assert built.returncode == 0, built.stderr
        assert "Traceback" not in built.stderr
    checked = run_pressroom("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


# -- what a build folder or a cache holds is never code ------------------------------------
class _Planted:
    """Unpickling this runs ``touch <marker>``: what an attacker would plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_in_the_build_folder_is_never_run(tmp_path: Path) -> None:
    import pickle

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_text(PAGE, encoding="utf-8")
    assert run_pressroom("build", pages, "--format", "docx", cwd=tmp_path).returncode == 0
    (pages / "page.txt").write_text(PAGE.replace("第二段", "第三段"), encoding="utf-8")
    marker = tmp_path / "ran"
    state = tmp_path / "build" / ".pressroom"
    planted = pickle.dumps(_Planted(marker))
    kept = [path for path in state.rglob("*.pickle")]
    assert kept, "the build keeps its parsed pages as pickles"
    for number, path in enumerate(kept):
        # plain, and behind a forged header: the MAC is what is trusted
        path.write_bytes(planted if number % 2 else
                         b"pressroom sealed 1\n" + b"\0" * 32 + planted)
    result = run_pressroom("build", pages, "--format", "docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert "第三段" in "".join(p.text for p in __import__("docx").Document(
        next((tmp_path / "build" / "docx").glob("*.docx"))).paragraphs)


def test_cached_pieces_not_sealed_by_this_user_are_made_again(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_text(PAGE, encoding="utf-8")
    env = {**os.environ, "PRESSROOM_CACHE": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-m", "converters.cli", "build", pages],
                           capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    kept = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()
            and p.read_bytes().startswith(b"pressroom sealed 1\n")]
    assert kept, "the build keeps sealed pieces in its cache"
    for path in kept:
        path.write_bytes(b"\x00garbage that marshal would choke on")
    (tmp_path / "build").rename(tmp_path / "old")
    second = subprocess.run([sys.executable, "-m", "converters.cli", "build", pages],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert second.returncode == 0, second.stderr
    assert all(p.read_bytes().startswith(b"pressroom sealed 1\n") for p in kept)


# -- kill -9 of the main process alone -----------------------------------------------------
def _children_of(pid: int) -> list[int]:
    """The live processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("moment", [0.0, 0.3, 0.8])
def test_killing_the_main_process_leaves_no_worker_and_no_stuck_lock(tmp_path: Path,
                                                                        moment: float) -> None:
    import signal
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import generate_month

    generate_month(tmp_path / "month", days=12)
    build = subprocess.Popen([sys.executable, "-m", "converters.cli", "build", "month"],
                             cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(moment)
    deadline = time.monotonic() + 30
    while not _children_of(build.pid) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # until it has workers (parsing, fonts, typesetting: each phase)
    workers = _children_of(build.pid)
    assert workers and build.poll() is None, "the build had no workers to leave behind"
    os.kill(build.pid, signal.SIGKILL)  # the main process alone, as `kill -9 PID` does
    build.wait()
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed build"
    started = time.monotonic()
    again = run_pressroom("build", "month", cwd=tmp_path, timeout=120)
    assert again.returncode == 0, again.stderr
    assert time.monotonic() - started < 60
    assert "another pressroom build" not in again.stderr
    assert "lock was taken over from a build that did not finish (pid " in again.stderr
    checked = run_pressroom("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


# -- settings and layouts: checked against their schema ---------------------------------------
@pytest.mark.parametrize(("settings", "message"), [
    ("[edition]\nedition = 202106", '[edition] edition = 202106 (a number): expected the month'),
    ("[edition]\nedition = 2021-06-01", "a TOML date; put it in quotes"),
    ('[districts]\norder = "管城回族区"', "[districts] order = \"管城回族区\": expected a list"),
    ('[district]\norder = ["管城回族区"]', "unknown key district (known here: edition, reports, mail, districts)"),
    ('[edition]\nissue = "six"', "[edition] issue = \"six\": expected a whole number from 1"),
    ("[edition]\nissue = -1", "[edition] issue = -1 (a number): expected a whole number from 1"),
    ('edition = "2021-06"', 'edition = "2021-06": expected a table: [edition]'),
    ('[districts.slugs]\n"中原区" = "same"\n"二七区" = "same"', "given the file name “same”"),
    ('[edition]\nslug = "zhongyuan"', "中原区 and the edition ([edition] slug)"),
    ('[districts.slugs]\n"中原区" = "中原"', "expected a file name of lower-case letters"),
])
def test_bad_settings_name_the_file_the_key_and_what_was_expected(tmp_path: Path, settings: str,
                                                                   message: str) -> None:
    (tmp_path / "pressroom.toml").write_text(settings + "\n", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(PAGE, encoding="utf-8")
    result = run_pressroom("build", "pages", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pressroom.toml: " in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "build" / "docx").exists()  # nothing built on bad settings


def test_a_utf16_settings_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "pressroom.toml").write_bytes('[edition]\nbulletin = "测试汇编"\n'.encode("utf-16"))
    from converters.config import load_settings

    assert load_settings(tmp_path / "pressroom.toml").bulletin == "测试汇编"


@pytest.mark.parametrize(("fmt", "layout", "message"), [
    ("pdf", '[roles.body]\nsize = 0', "[roles.body] size = 0 (a number): expected a size above zero"),
    ("pdf", '[page]\nmargin-top = "-10mm"', '[page] margin-top = "-10mm": expected a length'),
    ("pdf", '[page]\ncolumns = "two"', '[page] columns = "two": expected 1, 2 or 3'),
    ("pdf", '[roles.body]\nfont = 5', "[roles.body] font = 5 (a number): expected a font"),
    ("pdf", '[roles.body]\nsizes = "五号"', "[roles.body]: unknown key sizes"),
    ("pdf", '[page]\nsize = "60mm x 80mm"', "the page leaves text"),
    ("pdf", '[page]\nmargin-inner = "100mm"\nmargin-outer = "100mm"', "the page leaves text 2 mm wide"),
    ("pdf", '[running]\nheader-left = "{bulletin.__class__.__mro__}"',
     "expected text with {bulletin}, {edition}, {district} or {page}"),
    ("docx", '[roles.body]\nalign = "middle"', 'expected left, center, right or justify'),
    ("docx", '[page]\nmargin-left = "120mm"\nmargin-right = "100mm"', "the page leaves text 0 mm wide"),
])
def test_bad_layouts_name_the_file_the_key_and_what_was_expected(tmp_path: Path, fmt: str,
                                                                 layout: str, message: str) -> None:
    folder = tmp_path / "layouts" / fmt
    folder.mkdir(parents=True)
    base = "bulletin" if fmt == "pdf" else "official"
    (folder / "mine.toml").write_text(f'extends = "{base}"\n{layout}\n', encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(PAGE, encoding="utf-8")
    result = run_pressroom("build", "pages", "--format", fmt, "--layout", "mine", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mine.toml: " in result.stderr and message in result.stderr, result.stderr


# -- folders in the way, full disks ----------------------------------------------------------
def test_a_file_where_an_output_folder_goes_is_named(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "pdf").write_text("not a folder")
    result = run_pressroom("build", "pages", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "build/pdf is a file, not a folder: move it away" in result.stderr


def _small_disk(path: Path, size: str) -> bool:
    path.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


def test_a_full_disk_ends_every_build_with_a_clear_error(tmp_path: Path) -> None:
    import time

    disk = tmp_path / "disk"
    if not _small_disk(disk, "400k"):
        pytest.skip("cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)")
    try:
        for _ in range(20):
            started = time.monotonic()
            result = run_pressroom("build", ROOT / "input", "-o", disk / "build", cwd=tmp_path,
                                   timeout=120)
            assert time.monotonic() - started < 60
            assert result.returncode == 1 and "Traceback" not in result.stderr
            assert "No space left on device (the disk is full" in result.stderr
            for leftover in (disk / "build").rglob("*.part"):
                raise AssertionError(f"a half-written file was left: {leftover}")
            subprocess.run(["sh", "-c", f"rm -rf {disk}/build"], check=True)
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


# -- nothing runs off the page ---------------------------------------------------------------
LONG_RUNS = ("https://www.zynews.cn/news/2021/06/very-long-address-of-the-article-page-that-goes-on-"
             "and-on-without-any-space-at-all.html", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" * 3)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_a_run_longer_than_a_line_is_broken_to_fit_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    page = PAGE.replace("会议要求", f"详情见 {LONG_RUNS[0]} 会议要求").replace(
        "继续说明情况", f"编号{LONG_RUNS[1]}，继续说明情况")
    (tmp_path / "pages" / "page.txt").write_text(page, encoding="utf-8")
    built = run_pressroom("build", "pages", "--format", "pdf", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert built.stderr.count("is longer than a line of bulletin.pdf") == 2
    checked = run_pressroom("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # every character of both, on the page (word boxes: pdftotext's plain text drops a
    # hyphen that ends a line, taking it for a word's)
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "build" / "pdf" / "bulletin.pdf"),
                            "-"], capture_output=True, text=True).stdout
    # column by column (a short page's text is shared between the columns)
    page_width = float(re.search(r'<page width="([\d.]+)"', boxes)[1])
    found = re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes)
    words = "".join(w for x, w in found if float(x) < page_width / 2) + \
        "".join(w for x, w in found if float(x) >= page_width / 2)
    assert all(run in words for run in LONG_RUNS)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_check_fails_on_text_beyond_the_page_edge(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from converters.exporters.pdf.verify import verify_pdf

    path = tmp_path / "off.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)
    drawing.drawString(100, 700, "inside the page")
    drawing.drawString(560, 600, LONG_RUNS[0])
    drawing.save()
    assert any("text beyond the page's edge" in p for p in verify_pdf(path, []).problems)


def test_a_layout_name_no_chosen_format_has_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(PAGE, encoding="utf-8")
    result = run_pressroom("build", "pages", "--format", "pdf", "--layout", "newsletter", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no layout named “newsletter” for pdf (pdf: base, bulletin, report)" in result.stderr


# -- scale ---------------------------------------------------------------------------------------
def test_a_huge_page_read_in_pieces_gives_the_articles_read_whole() -> None:
    from converters.parse.pipeline import parse_text

    articles = []
    for n in range(60):
        paragraphs = "\n\n".join(f"第{n}篇第{k}段：中原区今天召开会议，研究部署工作，会议要求各单位认真落实。"
                                 for k in range(12))
        articles.append(f"第{n}篇文章的标题\n\n本报讯 记者 张三 通讯员 李四\n\n{paragraphs}")
    text = "\n\n".join(articles)
    whole = parse_text(text, "page.txt")
    # small pieces (a few articles' worth): cuts inside articles too, each piece's edges
    # text going on, not the page's
    parts = parse_text(text, "page.txt", piece_size=3_000)
    assert len(parts.reading) == len(whole.reading)
    assert [a.title for a in parts.articles] == [a.title for a in whole.articles]
    assert [[b.text for b in a.body] for a in parts.articles] == \
        [[b.text for b in a.body] for a in whole.articles]
    assert [[b.source.first_line for b in a.body] for a in parts.articles] == \
        [[b.source.first_line for b in a.body] for a in whole.articles]  # the page's numbers
    assert parts.district == whole.district == "中原区"


def test_a_huge_page_on_one_line_read_in_pieces_keeps_every_sentence() -> None:
    # a scraped site collapsed into one line: every piece starts on line 1, and but for
    # the first each has more of the page before it
    from converters.parse.pipeline import parse_text

    sentences = [f"第{k}段：中原区今天召开会议，研究部署工作，会议要求各单位认真落实。" for k in range(400)]
    text = "本报讯 记者 张三 " + " ".join(sentences)
    document = parse_text(text, "page.txt", piece_size=3_000)
    kept = "".join(b.text for a in document.articles for b in a.body)
    assert all(sentence in kept for sentence in sentences)
    assert not any("第" in line and "段：" in line for line in document.dropped)


def test_checking_thousands_of_paragraphs_is_not_quadratic() -> None:
    import time

    from converters.exporters.text import missing_pieces
    from converters.model import Article, Block
    from converters.presentation import listed

    def article(count: int) -> Article:
        return Article(title=None, body=tuple(
            Block("paragraph", f"第{n}段：中原区今天召开会议，研究部署第{n}项工作。") for n in range(count)))

    timings = []
    for count in (3_000, 30_000):
        item = article(count)
        printed = listed(item) + "".join(b.text for b in item.body)  # as an output prints it
        started = time.process_time()
        assert missing_pieces([("page.txt", item)], printed) == []
        timings.append(time.process_time() - started)
    assert timings[1] < 30 * max(timings[0], 0.005)  # 10× the text, far less than 100× the time


def test_build_and_check_agree_on_a_character_no_font_has(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text(PAGE.replace("会议要求", "会议𪚥要求"),
                                                 encoding="utf-8")
    built = run_pressroom("build", "pages", "--format", "pdf", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "no configured font has 𪚥 (U+2A6A5); it prints as an empty box" in built.stderr
    checked = run_pressroom("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert "no configured font has 𪚥 (U+2A6A5): they print as empty boxes" in checked.stdout


# -- build folders, caches and homes that are not what they should be -------------------------
def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "page.txt").write_text(PAGE, encoding="utf-8")
    return pages


@pytest.mark.parametrize("cache", ["a file", "a folder"])
def test_a_cache_that_is_a_file_or_an_unwritable_folder_only_costs_time(tmp_path: Path,
                                                                        cache: str) -> None:
    where = tmp_path / "cache"
    if cache == "a file":
        where.write_text("not a folder")
    else:
        where.mkdir()
        where.chmod(0o500)
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder: nothing to test as root")
    _pages(tmp_path)
    result = subprocess.run([sys.executable, "-m", "converters.cli", "build", "pages", "--format",
                             "docx,pdf"], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**os.environ, "PRESSROOM_CACHE": str(where)})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_no_home_at_all(tmp_path: Path) -> None:
    _pages(tmp_path)
    env = {key: value for key, value in os.environ.items()
           if key not in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "PRESSROOM_CACHE", "PRESSROOM_SECRET")}
    result = subprocess.run([sys.executable, "-m", "converters.cli", "build", "pages", "--format",
                             "docx"], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**env, "HOME": "/nonexistent"})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


def test_a_lock_that_is_a_folder_and_a_damaged_manifest(tmp_path: Path) -> None:
    _pages(tmp_path)
    state = tmp_path / "build" / ".pressroom"
    (state / "lock").mkdir(parents=True)
    result = run_pressroom("build", "pages", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "lock is a folder, not a lock file: remove it" in result.stderr
    (state / "lock").rmdir()
    assert run_pressroom("build", "pages", "--format", "docx", cwd=tmp_path).returncode == 0
    (state / "manifest.json").write_text('{"schema": 1, "outputs": {"x": {"format": 3}}}')
    (state / "quick.json").write_text("garbage")
    again = run_pressroom("build", "pages", "--format", "docx", cwd=tmp_path)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert run_pressroom("check", cwd=tmp_path).returncode == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes through any mode: "
                    "an unreadable folder or a read-only build folder cannot be made as root")
def test_unreadable_subfolders_and_read_only_build_folders_are_named(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    locked = pages / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text(PAGE, encoding="utf-8")
    locked.chmod(0)
    try:
        parsed = run_pressroom("parse", "pages", cwd=tmp_path)
        assert parsed.returncode == 1 and "unreadable folder: Permission denied" in parsed.stderr
    finally:
        locked.chmod(0o700)
    (tmp_path / "build").mkdir()
    (tmp_path / "build").chmod(0o500)
    built = run_pressroom("build", "pages", "--format", "docx", cwd=tmp_path)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert "Permission denied" in built.stderr


def test_a_path_longer_than_the_system_allows(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(20):
        deep = deep / ("长" * 80)
        try:
            deep.mkdir()
        except OSError:
            pytest.skip("this file system does not allow paths past PATH_MAX")
    os.chdir(tmp_path)  # relative paths: mkdir made each level; the whole is too long
    result = run_pressroom("parse", deep.relative_to(tmp_path) / "page.txt", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "File name too long" in result.stderr or "missing" in result.stderr
