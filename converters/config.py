"""Edition settings: ``pressroom.toml`` in the working directory, overridden by options."""
from __future__ import annotations

import re
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
    #: the month the edition covers; its last day dates the documents. None: the
    #: month of the pages' folder (input/2021-07/), else of their dates (see for_month)
    edition: str | None = None
    issue: int | None = None
    district_order: tuple[str, ...] = ()
    slugs: dict[str, str] = field(default_factory=dict)
    slug: str = "bulletin"
    #: a month and its issue number, from which every other month's is counted
    #: (without them: ``edition`` and ``issue``, when both are set)
    first_month: str | None = None
    first_issue: int | None = None
    #: an article dated in another month: "keep" it (and say so), or "leave out"
    outside_month: str = "keep"
    #: a 内部资料 (internal publication, 《内部资料性出版物管理办法》): labelled as one, its
    #: 准印证 number and imprint on the cover, no 本报讯 and no 记者 bylines
    internal: bool = False
    permit: str | None = None        # the 准印证 number
    recipients: str | None = None    # 发送对象
    printer: str | None = None       # 印刷单位
    copies: int | None = None        # 印数
    #: the Word reports' contents page numbers: "on open" (Word fills them in when the
    #: report is opened, asking first) or "libreoffice" (set at build time by
    #: LibreOffice, when installed: seconds per report)
    report_page_numbers: str = "on open"

    @property
    def edition_date(self) -> date:
        """The last day of the edition's month (2021-06 → 2021-06-30)."""
        if self.edition is None:
            raise ConfigError("no month for the edition: put the pages in a folder named "
                              "for it (input/2021-07/), or set [edition] edition = \"YYYY-MM\"")
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

    def for_month(self, month: str) -> Settings:
        """These settings for the edition of ``month`` (YYYY-MM): its issue number
        counted from the first month's, its outputs named for it (bulletin-2021-07)."""
        anchor = ((self.first_month, self.first_issue) if self.first_month and self.first_issue
                  else (self.edition, self.issue))
        issue = None
        if anchor[0] is not None and anchor[1] is not None:
            issue = anchor[1] + _months(month) - _months(anchor[0])
        base = re.sub(r"-[0-9]{4}-[0-9]{2}$", "", self.slug)
        return replace(self, edition=month, issue=issue if issue and issue > 0 else None,
                       slug=f"{base}-{month}")

    def validate(self) -> Settings:
        """Raise ConfigError for settings that cannot make an edition: a month that is
        none, or two outputs given one file name (the second would overwrite the
        first: districts given one slug, or a district the edition's)."""
        from .parse.gazetteer import default_gazetteer

        if self.edition is not None:
            _ = self.edition_date  # computing the date is the check
        gazetteer = default_gazetteer()
        names: dict[str, str] = {self.slug: "the edition ([edition] slug)"}
        slugs = {gazetteer.canonical(name) or name: slug for name, slug in self.slugs.items()}
        for district in [*(d.name for d in gazetteer.districts),
                         *(name for name in slugs if gazetteer.canonical(name) is None)]:
            slug = slugs.get(district) or gazetteer.slug(district) or ""
            if slug in names:
                raise ConfigError(f"[districts.slugs]: {district} and {names[slug]} are both "
                                  f"given the file name “{slug}”: one output would overwrite "
                                  "the other")
            names[slug] = district
        return self

    def with_options(self, **options: Any) -> Settings:
        return replace(self, **{k: v for k, v in options.items() if v is not None})


def load_settings(path: Path | None = None) -> Settings:
    """Read ``path`` (or ./pressroom.toml when it exists); defaults otherwise. Every
    problem is named with the file and the key, before anything is built."""
    from .validation import problems, toml_text

    if path is None:
        path = Path(CONFIG_NAME)
        if not path.is_file():
            return Settings()
    try:
        data = tomllib.loads(toml_text(path))
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {getattr(exc, 'strerror', None) or exc}") from None
    found = problems(data, "settings")
    if found:
        raise ConfigError(f"{path}: " + f"\n{path}: ".join(found))
    section = data.get("edition", {})
    districts = data.get("districts", {})
    reports = {f"report_{key}": value for key, value in data.get("reports", {}).items()}
    settings = Settings(**section, **reports, district_order=tuple(districts.get("order", ())),
                        slugs=dict(districts.get("slugs", {})))
    try:
        return settings.validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _months(month: str) -> int:
    """YYYY-MM as a count of months, to subtract one from another."""
    year, number = (int(part) for part in month.split("-"))
    return year * 12 + number - 1
