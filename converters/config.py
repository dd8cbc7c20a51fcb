"""Edition settings: ``pressroom.toml`` in the working directory, overridden by options."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import PressroomError

CONFIG_NAME = "pressroom.toml"


class ConfigError(PressroomError):
    pass


@dataclass(frozen=True)
class Settings:
    bulletin: str = "区县新闻汇编"
    unit: str = "区县新闻编辑部"
    #: the month the edition covers; its last day dates the documents
    edition: str = "2021-06"
    issue: int | None = None
    district_order: tuple[str, ...] = ()
    slugs: dict[str, str] = field(default_factory=dict)
    slug: str = "bulletin"

    @property
    def edition_date(self) -> date:
        """The last day of the edition's month (2021-06 → 2021-06-30)."""
        try:
            year, month = (int(part) for part in self.edition.split("-"))
            first = date(year, month, 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        except ValueError:
            raise ConfigError(f"edition must be YYYY-MM, not “{self.edition}”") from None
        return date.fromordinal(following.toordinal() - 1)

    @property
    def date_text(self) -> str:
        """2021年6月30日 (GB/T 9704: full year, no zero padding)."""
        d = self.edition_date
        return f"{d.year}年{d.month}月{d.day}日"

    def validate(self) -> Settings:
        """Raise ConfigError for settings that cannot make an edition."""
        _ = self.edition_date  # computing the date is the check
        return self

    def with_options(self, **options: Any) -> Settings:
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def load_settings(path: Path | None = None) -> Settings:
    """Read ``path`` (or ./pressroom.toml when it exists); defaults otherwise."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.is_file():
            return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    section = data.get("edition", {})
    known = {"bulletin", "unit", "edition", "issue", "slug"}
    unknown = set(section) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) in [edition]: {', '.join(sorted(unknown))}")
    districts = data.get("districts", {})
    settings = Settings(**{k: v for k, v in section.items() if k in known},
                        district_order=tuple(districts.get("order", ())),
                        slugs=dict(districts.get("slugs", {})))
    try:
        return settings.validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
