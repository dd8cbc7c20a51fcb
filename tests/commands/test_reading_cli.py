"""Bad input gets a clear reason naming the file; good files in the batch still parse."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from converters.parse.reading import InputError, decode, read_page

from conftest import INPUT, ROOT

SEED = INPUT / "000_ff23bc1d83eded92.txt"


def run_parse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converters.cli", "parse", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b" \r\n\t\r\n", "empty"),
    (bytes(range(256)) * 4, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (b"\xff\xfe\x00\xd8", "undecodable"),          # UTF-16 BOM with a lone surrogate
    (b"\x81\x30\xff\x80\x80\xfe\xfe\xfe\x81", "undecodable"),
])
def test_unreadable_files_name_the_problem(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_page(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing"):
        read_page(tmp_path / "nope.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "gb18030", "gbk"])
def test_encodings_decode_to_the_same_text(encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    decoded, name = decode(text.encode(encoding))
    assert decoded == text
    assert name in {encoding, "utf-16-le" if encoding == "utf-16" else encoding,
                    "gb18030" if encoding == "gbk" else encoding}


def test_batch_reports_bad_files_and_still_parses_good_ones(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "gbk-broken.txt").write_bytes("郑港办事处".encode("gbk")[:-1] + b"\xff\xff")
    result = run_parse("--json", tmp_path, tmp_path / "missing.txt")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [d["source"] for d in data["documents"]] == ["good.txt"]
    assert len(data["documents"][0]["articles"]) == 7
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4, errors
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"),
                         ("gbk-broken.txt", "undecodable"), ("missing.txt", "missing")]:
        assert any(name in line and reason in line for line in errors), (name, errors)


def test_clean_batch_exits_zero_and_prints_outline() -> None:
    result = run_parse(INPUT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # district → subdistrict → article, with byline and paragraph count
    assert out.index("航空港区") < out.index("郑港办事处") < out.index("举行庆祝建党100周年红歌比赛")
    assert "记者 王军方 通讯员 贺振广 高雅静 文/图" in out
    assert "记者 杨宜锦 新郑时报 李显文 邓春丽 文/图" in out
    assert "17 段" in out and "6 小标题" in out
    assert "dropped: 八岗办事处" in out
    assert "looks cut off" in out


def test_output_file_option(tmp_path: Path) -> None:
    target = tmp_path / "out" / "model.json"
    result = run_parse("--json", "-o", target, SEED)
    assert result.returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == 2


def test_keep_punctuation_option() -> None:
    result = run_parse("--json", "--keep-punctuation", INPUT / "001_dc4c5834f2265a3c.txt")
    first = json.loads(result.stdout)["documents"][0]["articles"][1]["body"][0]["text"]
    assert first.startswith("3月15日,中原区")


def test_empty_directory_is_a_problem(tmp_path: Path) -> None:
    result = run_parse(tmp_path)
    assert result.returncode == 1
    assert "no page files" in result.stderr
