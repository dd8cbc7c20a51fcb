"""Sending the letters over SMTP, once each.

A record beside the drafts (``mail/sent.json``) says what went to whom: the
message's id, its recipients and the hash of what it carried. It is written
after every message the server accepts, so a run cut short (the connection
dropped, Ctrl-C) leaves a record of exactly what went; the next run sends only
what changed (a rebuilt report, other recipients) or did not go, unless told
to send everything again (``resend``).
"""
from __future__ import annotations

import json
import os
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import make_msgid
from pathlib import Path
from typing import Any

from ..files import replace_file
from .mail import Letter, MailError, MailSettings, Smtp, check_address, compose

RECORD_NAME = "sent.json"
KEYRING_SERVICE = "pressroom"


@dataclass
class Outcome:
    """What became of one letter."""

    letter: Letter
    status: str  # "sent", "unchanged" (sent before as it is), "failed"
    detail: str = ""


def sent_record(folder: Path) -> dict[str, Any]:
    path = folder / "mail" / RECORD_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise MailError(f"{path}: unreadable ({exc}); move it away to send everything again") from None
    return data if isinstance(data, dict) else {}


def _recipients(letter: Letter) -> list[str]:
    return [a.addr_spec for a in (*letter.to, *letter.cc)]


def unchanged(letter: Letter, record: dict[str, Any]) -> bool:
    """Sent before, the same report to the same people."""
    earlier = record.get(letter.key)
    return (isinstance(earlier, dict) and earlier.get("sha256") == letter.sha256
            and earlier.get("recipients") == _recipients(letter))


def password(smtp: Smtp) -> str | None:
    """The SMTP password: from the environment variable the settings name, else the
    system keyring (``keyring set pressroom USER@HOST``), never from the settings file."""
    if smtp.user is None:
        return None
    found = os.environ.get(smtp.password_env)
    if found:
        return found
    try:
        import keyring  # optional: where it is installed, the system's password store
    except ImportError:
        keyring = None
    if keyring is not None:
        try:
            found = keyring.get_password(KEYRING_SERVICE, f"{smtp.user}@{smtp.host}")
        except Exception:  # noqa: BLE001 - no usable keyring backend: as if none
            found = None
        if found:
            return found
    raise MailError(f"no password for {smtp.user} at {smtp.host}: set ${smtp.password_env}"
                    + (f", or store it with `keyring set {KEYRING_SERVICE} {smtp.user}@{smtp.host}`"
                       if keyring is not None else ""))


def _connect(smtp: Smtp, secret: str | None) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=smtp.ca_file)
    where = f"{smtp.host}:{smtp.usual_port}"
    try:
        if smtp.security == "tls":
            server: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.usual_port,
                                                    timeout=smtp.timeout, context=context)
        else:
            server = smtplib.SMTP(smtp.host, smtp.usual_port, timeout=smtp.timeout)
            if smtp.security == "starttls":
                server.starttls(context=context)
        if smtp.user is not None:
            server.login(smtp.user, secret or "")
    except UnicodeEncodeError:  # smtplib's AUTH PLAIN and LOGIN carry ASCII only
        raise MailError(f"{where}: the user name or password of {smtp.user} has characters "
                        "other than ASCII, which an SMTP login cannot carry") from None
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"{where} refused the user name or password of {smtp.user}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"{where}: {exc} (see [mail.smtp] security)") from None
    except ssl.SSLError as exc:
        raise MailError(f"{where}: no secure connection ({exc.reason or exc}); "
                        "see [mail.smtp] security and ca_file") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot reach the mail server {where}: {exc}") from None
    return server


def send_letters(folder: Path, record: dict[str, Any], made: list[Letter],
                 settings: MailSettings, *, resend: bool = False) -> list[Outcome]:
    """Send each letter not sent before as it is (all of them with ``resend``); the
    server is reached (and the password found) only when something is to go."""
    sent = sent_record(folder)
    outcomes = [Outcome(letter, "unchanged", "sent before; --resend sends it again")
                for letter in made if not resend and unchanged(letter, sent)]
    waiting = [letter for letter in made if resend or not unchanged(letter, sent)]
    if not waiting:
        return outcomes
    server = _connect(settings.smtp, password(settings.smtp))
    sender = check_address(settings.sender, "[mail] from")
    try:
        for number, letter in enumerate(waiting):
            message = compose(letter, record, settings, datetime.now().astimezone(),
                              make_msgid(idstring=f"pressroom.{record['edition']}",
                                         domain=sender.domain))
            try:
                refused = server.send_message(message, from_addr=sender.addr_spec,
                                              to_addrs=_recipients(letter))
            except smtplib.SMTPRecipientsRefused as exc:
                outcomes.append(Outcome(letter, "failed", "every recipient refused: " + _said(
                    exc.recipients)))
                continue
            except smtplib.SMTPServerDisconnected:
                outcomes += [Outcome(rest, "failed", "not sent: the server closed the connection")
                             for rest in waiting[number:]]
                break
            except smtplib.SMTPResponseException as exc:
                outcomes.append(Outcome(letter, "failed", f"the server refused it: {exc.smtp_code} "
                                                          f"{_text(exc.smtp_error)}"))
                continue
            except OSError as exc:  # the connection broke in another way
                outcomes += [Outcome(rest, "failed", f"not sent: {exc}") for rest in waiting[number:]]
                break
            sent[letter.key] = {"message_id": message["Message-ID"],
                                "recipients": _recipients(letter), "sha256": letter.sha256,
                                "sent": datetime.now(UTC).replace(microsecond=0).isoformat(),
                                "refused": sorted(refused)}
            _save(folder, sent)  # after each: a run cut short knows what went
            outcomes.append(Outcome(letter, "sent", ("but refused by " + _said(refused))
                                    if refused else ""))
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):  # already gone
            pass
    return outcomes


def _said(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{address} ({code} {_text(text)})" for address, (code, text) in refused.items())


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _save(folder: Path, sent: dict[str, Any]) -> None:
    path = folder / "mail" / RECORD_NAME
    path.parent.mkdir(exist_ok=True)
    replace_file(path, (json.dumps(sent, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

