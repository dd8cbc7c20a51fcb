"""The district offices' mail: each district's Word report as a message (and the
edition's EPUB for the e-readers), written as ``.eml`` drafts a mail program
opens ready to send, or sent (see send).

What goes to whom is in ``pressroom.toml``::

    [mail]
    from = "区县新闻编辑部 <bianji@example.cn>"
    reply_to = "bianji@example.cn"          # optional
    max_attachment_mb = 20                  # a larger report is refused, not sent
    ereaders = ["office@kindle.com"]        # --ereaders: the EPUB goes here

    [mail.smtp]
    host = "smtp.example.cn"
    port = 465
    security = "tls"                        # "tls" (implicit), "starttls" or "none"
    user = "bianji@example.cn"              # the password: $PRESSROOM_SMTP_PASSWORD
                                            # or the system keyring, never this file

    [mail.districts."中原区"]          # quoted: a TOML key in Chinese
    to = ["zhongyuan@example.cn"]
    cc = ["bangongshi@example.cn"]

Subjects and bodies are Jinja2 templates in ``layouts/mail/`` (a ``layouts/mail/``
in the working folder overrides the packaged ones, file by file).
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from ..errors import PressroomError
from ..files import replace_file
from ..layout import search_dirs

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EPUB_TYPE = "application/epub+zip"
EREADERS = "ereaders"  # the key the e-reader message goes by, beside the districts'


class MailError(PressroomError):
    pass


@dataclass(frozen=True)
class Smtp:
    host: str = "localhost"
    port: int = 0  # 0: the security's usual port (465 for tls, 587 for starttls, else 25)
    security: str = "starttls"
    user: str | None = None
    #: the environment variable that holds the password
    password_env: str = "PRESSROOM_SMTP_PASSWORD"
    #: a CA certificate to trust besides the system's (an office's own mail server)
    ca_file: str | None = None
    timeout: float = 30.0

    @property
    def usual_port(self) -> int:
        return self.port or {"tls": 465, "starttls": 587}.get(self.security, 25)


@dataclass(frozen=True)
class MailSettings:
    sender: str = ""
    reply_to: str | None = None
    max_attachment_mb: float = 20.0
    ereaders: tuple[str, ...] = ()
    smtp: Smtp = field(default_factory=Smtp)
    #: district → (to, cc)
    districts: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)


def mail_settings(path: Path) -> MailSettings:
    """The ``[mail]`` table of the settings file (checked against the schema by
    load_settings, which the command calls first)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("mail", {}) if path.is_file() else {}
    except (OSError, ValueError) as exc:
        raise MailError(f"{path}: {exc}") from None
    smtp = Smtp(**data.get("smtp", {}))
    return MailSettings(
        sender=data.get("from", ""), reply_to=data.get("reply_to"),
        max_attachment_mb=float(data.get("max_attachment_mb", 20)),
        ereaders=tuple(data.get("ereaders", ())), smtp=smtp,
        districts={name: (tuple(entry.get("to", ())), tuple(entry.get("cc", ())))
                   for name, entry in data.get("districts", {}).items()})


def check_address(text: str, where: str) -> Address:
    """``text`` as an address (``名字 <a@b.cn>`` or ``a@b.cn``), or MailError naming
    ``where`` it was given: checked before anything is sent."""
    from email.headerregistry import HeaderRegistry

    try:
        header = HeaderRegistry()("To", text)
        addresses = header.addresses  # type: ignore[attr-defined]
        defects = header.defects  # type: ignore[attr-defined]
    except (ValueError, IndexError, TypeError) as exc:
        raise MailError(f"{where}: “{text}” is not an e-mail address ({exc})") from None
    if len(addresses) != 1 or defects:
        raise MailError(f"{where}: “{text}” is not one e-mail address")
    address = addresses[0]
    if (not address.username or "." not in address.domain or " " in address.addr_spec
            or address.domain.startswith(".") or address.domain.endswith(".")):
        raise MailError(f"{where}: “{text}” is not an e-mail address (user@domain.cn)")
    return address


@dataclass
class Letter:
    """One message: to a district office (its report) or to the e-readers (the EPUB)."""

    key: str  # the district's name, or EREADERS
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    attachment: Path
    attachment_name: str
    media_type: str
    sha256: str
    articles: int


def letters(folder: Path, record: dict[str, Any], settings: MailSettings, *,
            ereaders: bool) -> tuple[list[Letter], list[str]]:
    """The messages for the edition built in ``folder`` (its ``record``), and notes
    (a district without recipients, recipients of a district without a report).
    Every address is checked here: a bad one stops everything (MailError)."""
    sender_where = "[mail] from"
    if not settings.sender:
        raise MailError("[mail] from is not set: who the messages are from "
                        "(\"区县新闻编辑部 <bianji@example.cn>\")")
    check_address(settings.sender, sender_where)
    if settings.reply_to:
        check_address(settings.reply_to, "[mail] reply_to")
    made: list[Letter] = []
    notes: list[str] = []
    reports = {o["district"]: o for o in record["outputs"]
               if o["format"] == "docx" and o.get("district")}
    for district, output in reports.items():
        to, cc = settings.districts.get(district, ((), ()))
        where = f"[mail.districts.{district}]"
        to_addresses = tuple(check_address(a, f"{where} to") for a in to)
        cc_addresses = tuple(check_address(a, f"{where} cc") for a in cc)
        if not to_addresses:
            notes.append(f"{district}: no recipients ({where} to): its report is not mailed")
            continue
        made.append(Letter(district, to_addresses, cc_addresses, folder / output["path"],
                           f"{district}_{record['title']}_{_month_label(record)}.docx",
                           DOCX_TYPE, output["sha256"], output["articles"]))
    for district in settings.districts:
        if district not in reports:
            notes.append(f"{district}: no report in this edition (no articles): nothing to mail")
    if ereaders:
        books = [o for o in record["outputs"] if o["format"] == "epub" and not o.get("district")]
        if not settings.ereaders:
            raise MailError("--ereaders: [mail] ereaders lists no addresses")
        if not books:
            raise MailError(f"--ereaders: {folder} holds no EPUB of the edition "
                            "(build with the epub format)")
        made.append(Letter(EREADERS, tuple(check_address(a, "[mail] ereaders")
                                           for a in settings.ereaders), (),
                           folder / books[0]["path"],
                           f"{record['title']}_{_month_label(record)}.epub", EPUB_TYPE,
                           books[0]["sha256"], books[0]["articles"]))
    limit = settings.max_attachment_mb * 1024 * 1024
    for letter in made:
        try:
            size = letter.attachment.stat().st_size
        except OSError:
            raise MailError(f"{letter.attachment}: missing; build the edition again") from None
        if size > limit:
            raise MailError(f"{letter.attachment} is {size / 1024 / 1024:.1f} MB, over the "
                            f"{settings.max_attachment_mb:g} MB a message may carry "
                            "([mail] max_attachment_mb): it is not sent")
    return made, notes


def _month_label(record: dict[str, Any]) -> str:
    year, month = (int(part) for part in record["edition"].split("-"))
    return f"{year}年{month}月"


def compose(letter: Letter, record: dict[str, Any], settings: MailSettings,
            when: datetime, message_id: str) -> EmailMessage:
    """The message, RFC 5322/2045: UTF-8 subject and names encoded, a plain-text
    body, the attachment under its Chinese file name (RFC 2231)."""
    values = {"bulletin": record["title"], "unit": record["unit"], "edition": record["edition"],
              "label": _month_label(record) + (f" · 第{record['issue']}期" if record.get("issue") else ""),
              "district": letter.key, "articles": letter.articles,
              "date": f"{when.year}年{when.month}月{when.day}日"}
    prefix = "ereader-" if letter.key == EREADERS else ""
    message = EmailMessage()
    message["Subject"] = _render(f"{prefix}subject.txt.j2", values).strip()
    message["From"] = check_address(settings.sender, "[mail] from")
    message["To"] = letter.to
    if letter.cc:
        message["Cc"] = letter.cc
    if settings.reply_to:
        message["Reply-To"] = check_address(settings.reply_to, "[mail] reply_to")
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id
    message.set_content(_render(f"{prefix}body.txt.j2", values), charset="utf-8")
    maintype, subtype = letter.media_type.split("/")
    message.add_attachment(letter.attachment.read_bytes(), maintype=maintype, subtype=subtype,
                           filename=letter.attachment_name)
    # not a random boundary: a draft written again from the same report is the same file
    message.set_boundary("=_" + hashlib.sha256(message_id.encode()).hexdigest()[:24])
    return message


def _render(name: str, values: dict[str, Any]) -> str:
    import jinja2

    folders = [str(folder) for folder in search_dirs("mail") if folder.is_dir()]
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folders),
                                     keep_trailing_newline=True, autoescape=False,
                                     undefined=jinja2.StrictUndefined)
    try:
        return environment.get_template(name).render(values)
    except jinja2.TemplateError as exc:
        raise MailError(f"layouts/mail/{name}: {exc}") from None


def draft_id(letter: Letter, record: dict[str, Any], domain: str) -> str:
    """A draft's Message-ID: the same for the same report, so drafts written again
    from an unchanged edition are the same files."""
    key = hashlib.sha256(f"{record['edition']}\0{letter.key}\0{letter.sha256}".encode()).hexdigest()
    return f"<pressroom.{record['edition']}.{key[:20]}@{domain}>"


def write_drafts(folder: Path, record: dict[str, Any], made: list[Letter],
                 settings: MailSettings) -> list[Path]:
    """One ``.eml`` per letter in ``folder/mail/``, marked unsent (a mail program
    opens it as a message to send); drafts of letters no longer made are removed."""
    from email import policy

    drafts = folder / "mail"
    drafts.mkdir(exist_ok=True)
    when = datetime.fromisoformat(record["updated"]).astimezone()
    domain = check_address(settings.sender, "[mail] from").domain
    written = []
    for letter in made:
        message = compose(letter, record, settings, when, draft_id(letter, record, domain))
        message["X-Unsent"] = "1"  # Outlook and Thunderbird open it ready to send
        path = drafts / f"{_file_key(letter)}.eml"
        replace_file(path, message.as_bytes(policy=policy.SMTP))
        written.append(path)
    for stale in drafts.glob("*.eml"):
        if stale not in written:
            stale.unlink()
    return written


def _file_key(letter: Letter) -> str:
    return EREADERS if letter.key == EREADERS else Path(letter.attachment).stem
