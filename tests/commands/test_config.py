"""Settings: pressroom.toml, validation, and the dates an edition carries."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from converters.config import ConfigError, Settings, load_settings

from conftest import INPUT, ROOT


@pytest.mark.parametrize(("edition", "last_day"), [("2021-06", "2021年6月30日"),
                                                    ("2024-02", "2024年2月29日"),
                                                    ("2021-12", "2021年12月31日")])
def test_edition_date_is_the_last_day_written_per_gb_t_9704(edition: str, last_day: str) -> None:
    assert Settings(edition=edition).date_text == last_day


@pytest.mark.parametrize("edition", ["2021-13", "2021-00", "June", "2021-06-01", ""])
def test_bad_edition_is_refused(edition: str) -> None:
    with pytest.raises(ConfigError):
        Settings(edition=edition).validate()


def test_settings_file_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "pressroom.toml"
    bad.write_text('[edition]\nedition = "2021-13"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="pressroom.toml"):
        load_settings(bad)
    bad.write_text('[edition]\nbulletn = "typo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bulletn"):
        load_settings(bad)
    result = subprocess.run([sys.executable, "-m", "converters.cli", "build", "--config", str(bad),
                             "-o", str(tmp_path / "out"), str(INPUT)], capture_output=True, text=True)
    assert result.returncode != 0 and "bulletn" in result.stderr


def test_the_shipped_settings_load() -> None:
    settings = load_settings(ROOT / "pressroom.toml")
    assert settings.edition == "2021-06" and settings.district_order[0] == "航空港区"


def test_a_valid_verdict_is_kept_and_a_wrong_file_is_never_taken_for_valid(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings found valid are not checked again while they are the same (the
    store keeps the verdict); the same file made wrong is checked and refused."""
    monkeypatch.setenv("PRESSROOM_CACHE", str(tmp_path / "cache"))
    from converters.store import user_store

    settings = tmp_path / "pressroom.toml"
    settings.write_text('[edition]\nbulletin = "区县新闻"\nissue = 6\n', encoding="utf-8")
    assert load_settings(settings).issue == 6
    verdicts = list(user_store().folder("verdicts").iterdir())
    assert len(verdicts) == 1
    assert load_settings(settings).issue == 6
    assert list(user_store().folder("verdicts").iterdir()) == verdicts
    settings.write_text('[edition]\nbulletin = "区县新闻"\nissue = "six"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="issue"):
        load_settings(settings)
    assert list(user_store().folder("verdicts").iterdir()) == verdicts
