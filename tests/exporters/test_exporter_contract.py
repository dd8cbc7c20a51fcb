"""A fourth format needs one package and one entry point, nothing else: a throwaway
plain-text exporter, installed the way a third party's would be (a distribution on
the path with a ``pressroom.exporters`` entry point), builds, rebuilds and checks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from converters.config import Settings
from converters.edition import build_edition
from converters.exporters import BuildOptions, Exporter, Job, UnknownFormat, load
from converters.parse.batch import parse_paths

ROOT = Path(__file__).resolve().parents[2]

PLAIN = '''
from pathlib import Path

from converters.exporters import Exporter, Job, Report, Verdict, whole_and_split


class PlainExporter(Exporter):
    name = "plain"
    description = "the edition as plain text"
    extension = "txt"
    media_type = "text/plain"

    def plan(self, edition, options):
        return whole_and_split(edition, options, self.extension)

    def write(self, job, target, options, context=None):
        lines = []
        for district in job.edition.districts:
            lines.append(district.name)
            for entry in district.entries:
                lines.append(entry.article.display_title)
                lines += [block.text for block in entry.article.body]
        Path(target).write_text("\\n".join(lines) + "\\n", encoding="utf-8")
        return Report()
'''


def _install(site: Path, value: str = "plain_exporter:PlainExporter") -> dict[str, str]:
    """A distribution as pip would leave it: the package and its dist-info."""
    (site / "plain_exporter").mkdir(parents=True)
    (site / "plain_exporter" / "__init__.py").write_text(PLAIN, encoding="utf-8")
    info = site / "plain_exporter-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plain-exporter\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f'[pressroom.exporters]\nplain = {value}\n')
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]),
               XDG_CACHE_HOME=str(site.parent / "cache"))
    return env


@pytest.fixture(autouse=True)
def settings_of_an_edition(tmp_path: Path) -> None:
    """The sample pages carry no dates: their month is named, as a user's settings do."""
    (tmp_path / "pressroom.toml").write_text('[edition]\nedition = "2021-06"\n', encoding="utf-8")


def _pressroom(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "converters.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_a_fourth_format_is_one_package_and_one_entry_point(tmp_path: Path) -> None:
    env = _install(tmp_path / "site")
    listed = _pressroom(env, tmp_path, "formats")
    assert listed.returncode == 0, listed.stderr
    assert "plain" in listed.stdout and "the edition as plain text" in listed.stdout

    out = tmp_path / "build"
    built = _pressroom(env, tmp_path, "build", str(ROOT / "input"), "-o", str(out),
                       "--format", "plain", "--json")
    assert built.returncode == 0, built.stderr
    written = sorted((out / "plain").glob("*.txt"))
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    articles = parse_paths([ROOT / "input"]).articles
    assert len(articles) > 10
    for article in articles:
        assert article.display_title in text and article.body[-1].text in text

    again = _pressroom(env, tmp_path, "build", str(ROOT / "input"), "-o", str(out),
                       "--format", "plain", "--json")
    assert again.returncode == 0, again.stderr
    assert [o["status"] for o in json.loads(again.stdout)["outputs"]] == ["up to date"]

    checked = _pressroom(env, tmp_path, "check", str(out))
    # the format declares no reader of its own: the check says so, and does not fail
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "cannot verify" in checked.stdout + checked.stderr


def test_an_entry_point_that_is_no_exporter_is_named(tmp_path: Path) -> None:
    env = _install(tmp_path / "site", value="pathlib:Path")
    built = _pressroom(env, tmp_path, "build", str(ROOT / "input"), "-o", str(tmp_path / "b"),
                       "--format", "plain")
    assert built.returncode != 0
    assert "plain" in built.stderr and "pathlib:Path" in built.stderr
    assert "Traceback" not in built.stderr


def test_the_defaults_are_safe_for_a_new_format() -> None:
    """A format that declares nothing more is rebuilt when any character of the
    edition changes, is made whole, and is checked for presence only."""

    class Bare(Exporter):
        name = "bare"

        def plan(self, edition, options):  # type: ignore[no-untyped-def]
            return [Job("bare.txt", edition)]

    bare = Bare()
    assert bare.character_set_key("郑州", BuildOptions()) == "郑州"
    assert not bare.in_parts and not bare.reuses_parts and not bare.reuses_output
    verdict = bare.verify(Path("x"), [])
    assert not verdict.problems and "cannot verify" in verdict.notes[0]
    edition = build_edition(parse_paths([ROOT / "input"]), Settings(edition="2021-06"))
    assert [job.name for job in bare.plan(edition, BuildOptions())] == ["bare.txt"]
    with pytest.raises(NotImplementedError):
        bare.write(Job("bare.txt", edition), Path("bare.txt"), BuildOptions())


def test_the_shipped_formats_declare_their_files() -> None:
    kinds = {name: (load(name).extension, load(name).media_type) for name in ("pdf", "docx", "epub")}
    assert kinds == {"pdf": ("pdf", "application/pdf"),
                     "docx": ("docx", "application/vnd.openxmlformats-officedocument."
                                      "wordprocessingml.document"),
                     "epub": ("epub", "application/epub+zip")}
    with pytest.raises(UnknownFormat):
        load("no-such-format")
