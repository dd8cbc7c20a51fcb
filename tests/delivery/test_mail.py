"""`pressroom mail`: drafts a mail program opens, and sending through a real SMTP
server on 127.0.0.1 (aiosmtpd), plain, STARTTLS with a certificate made here, and
implicit TLS, with authentication; what the server receives is parsed back."""
from __future__ import annotations

import email
import email.policy
import hashlib
import json
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from converters.commands import commands

aiosmtpd = pytest.importorskip("aiosmtpd", reason="aiosmtpd (pip install '.[test]') runs the SMTP server")
trustme = pytest.importorskip("trustme", reason="trustme (pip install '.[test]') makes the test certificate")
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

ROOT = Path(__file__).resolve().parents[2]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PASSWORD = "pr3ss-s3cret"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two months of pages, built once (Word and EPUB) into build/2021-06 and 2021-07."""
    work = tmp_path_factory.mktemp("mail")
    for month, pages in (("2021-06", ["000", "001", "002"]), ("2021-07", ["003", "004"])):
        (work / "input" / month).mkdir(parents=True)
        for page in pages:
            source = next((ROOT / "input").glob(f"{page}_*.txt"))
            shutil.copy(source, work / "input" / month / source.name)
    result = CliRunner().invoke(commands, ["build", str(work / "input"), "-o", str(work / "build"),
                                           "-f", "docx,epub", "-q"])
    assert result.exit_code == 0, result.output
    return work


@pytest.fixture()
def work(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the built months for one test (what was sent is recorded in it)."""
    shutil.copytree(built / "build", tmp_path / "build")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Inbox:
    """The messages an SMTP server received; it refuses the recipients in ``refuse``
    and drops the connection when ``drop_after`` messages have come."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refuse: set[str] = set()
        self.drop_after: int | None = None

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            server.transport.close()  # the connection lost in the middle of a message
            return "421 closing"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login in (b"bianji", "bianji") and \
        auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: the server says 535 itself


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def certificate(tmp_path: Path):
    authority = trustme.CA()
    served = authority.issue_cert("127.0.0.1", "localhost")
    authority.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    return authority, served


def smtp_server(inbox: Inbox, security: str, certificate=None):
    import ssl

    options: dict = {"hostname": "127.0.0.1", "port": free_port()}
    if certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        certificate[1].configure_cert(context)
        if security == "tls":  # the whole connection is TLS: the server need not see a STARTTLS
            options.update(ssl_context=context, auth_require_tls=False)
        else:
            options.update(tls_context=context, require_starttls=True)
        options.update(authenticator=authenticate, auth_required=True)
    controller = Controller(inbox, **options)
    controller.start()
    return controller


def settings(folder: Path, port: int, security: str = "none", *, user: bool = False,
             extra: str = "", districts: str | None = None) -> None:
    districts = districts if districts is not None else '''
[mail.districts."航空港区"]
to = ["港区办公室 <hkg@example.cn>"]
cc = ["chaosong@example.cn"]

[mail.districts."中原区"]
to = ["zhongyuan@example.cn"]
'''
    (folder / "pressroom.toml").write_text(f'''
[edition]
first_month = "2021-01"
first_issue = 1

[mail]
from = "区县新闻编辑部 <bianji@example.cn>"
reply_to = "huifu@example.cn"
ereaders = ["office@kindle.example.com"]
{extra}

[mail.smtp]
host = "127.0.0.1"
port = {port}
security = "{security}"
{'user = "bianji"' if user else ''}
{'ca_file = "ca.pem"' if security != "none" else ''}
{districts}''', encoding="utf-8")


def mail(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(commands, ["mail", "-o", "build", *args], env=env or {},
                              catch_exceptions=False)


def report_of(folder: Path, name: str) -> bytes:
    return (folder / "build" / "2021-06" / "docx" / name).read_bytes()


def test_drafts_open_as_ready_messages_with_the_report_attached(work: Path) -> None:
    settings(work, 25)
    result = mail("--edition", "2021-06")
    assert result.exit_code == 0, result.output
    assert "航空港区" in result.output and "hkg@example.cn" in result.output
    drafts = sorted((work / "build" / "2021-06" / "mail").glob("*.eml"))
    assert [d.name for d in drafts] == ["hangkonggang.eml", "zhongyuan.eml"]
    raw = drafts[0].read_bytes()
    assert raw.isascii(), "a draft is 7-bit: every Chinese header and name encoded"
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    record = json.loads((work / "build" / "2021-06" / "edition.json").read_text("utf-8"))
    articles = next(o["articles"] for o in record["outputs"] if o["district"] == "航空港区"
                    and o["format"] == "docx")
    assert message["Subject"] == f"区县新闻汇编 2021年6月 · 第6期 · 航空港区（{articles}篇）"
    assert message["To"].addresses[0].display_name == "港区办公室"
    assert message["Cc"].addresses[0].addr_spec == "chaosong@example.cn"
    assert message["Reply-To"].addresses[0].addr_spec == "huifu@example.cn"
    body = message.get_body(("plain",)).get_content()
    assert "航空港区" in body and "区县新闻编辑部" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == DOCX
    assert attachment.get_filename() == "航空港区_区县新闻汇编_2021年6月.docx"
    assert b"filename*0*=utf-8''" in raw  # RFC 2231: the Chinese name encoded, in pieces
    assert attachment.get_content() == report_of(work, "hangkonggang.docx")
    # written again from the same edition: the same files
    mail("--edition", "2021-06")
    assert drafts[0].read_bytes() == raw


def test_the_latest_month_is_mailed_by_default(work: Path) -> None:
    settings(work, 25, districts='[mail.districts."管城回族区"]\nto = ["guancheng@example.cn"]\n')
    result = mail()
    assert result.exit_code == 0, result.output
    [draft] = (work / "build" / "2021-07" / "mail").glob("*.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert "2021年7月 · 第7期" in message["Subject"]  # counted from first_month/first_issue


def test_a_bad_address_stops_everything_before_anything_is_sent(work: Path) -> None:
    inbox = Inbox()
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port, districts='''
[mail.districts."航空港区"]
to = ["hkg@example.cn"]
[mail.districts."中原区"]
to = ["zhongyuan at example"]
''')
        result = mail("--edition", "2021-06", "--send")
    finally:
        server.stop()
    assert result.exit_code == 1
    assert "[mail.districts.中原区] to" in result.output and "zhongyuan at example" in result.output
    assert inbox.messages == []


def test_sent_once_then_only_what_changed(work: Path) -> None:
    inbox = Inbox()
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port)
        first = mail("--edition", "2021-06", "--send")
        assert first.exit_code == 0, first.output
        assert len(inbox.messages) == 2
        recipients, message = inbox.messages[0]
        assert recipients == ["hkg@example.cn", "chaosong@example.cn"]
        assert message["Subject"].startswith("区县新闻汇编 2021年6月 · 第6期 · 航空港区")
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content() == report_of(work, "hangkonggang.docx")
        assert attachment.get_filename() == "航空港区_区县新闻汇编_2021年6月.docx"
        record = json.loads((work / "build" / "2021-06" / "mail" / "sent.json").read_text("utf-8"))
        assert record["航空港区"]["sha256"] == hashlib.sha256(
            report_of(work, "hangkonggang.docx")).hexdigest()
        assert record["航空港区"]["message_id"] == message["Message-ID"].strip()

        again = mail("--edition", "2021-06", "--send")
        assert again.exit_code == 0 and "unchanged" in again.output
        assert len(inbox.messages) == 2, "nothing is sent twice"

        settings(work, server.port, districts='''
[mail.districts."航空港区"]
to = ["港区办公室 <hkg@example.cn>"]
cc = ["chaosong@example.cn"]
[mail.districts."中原区"]
to = ["zhongyuan@example.cn", "new@example.cn"]
''')
        changed = mail("--edition", "2021-06", "--send")
        assert changed.exit_code == 0
        assert [r for r, _ in inbox.messages[2:]] == [["zhongyuan@example.cn", "new@example.cn"]]

        resent = mail("--edition", "2021-06", "--send", "--resend", "--ereaders")
        assert resent.exit_code == 0
        assert len(inbox.messages) == 6
        recipients, book = inbox.messages[-1]
        assert recipients == ["office@kindle.example.com"]
        [epub] = list(book.iter_attachments())
        assert epub.get_content_type() == "application/epub+zip"
        assert epub.get_content() == next((work / "build" / "2021-06" / "epub").glob(
            "bulletin-*.epub")).read_bytes()
    finally:
        server.stop()


def test_a_dropped_connection_leaves_the_rest_for_the_next_run(work: Path) -> None:
    inbox = Inbox()
    inbox.drop_after = 2
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port)
        result = mail("--edition", "2021-06", "--send", "--ereaders")
        assert result.exit_code == 1
        assert "closed the connection" in result.output
        assert len(inbox.messages) == 2
        inbox.drop_after = None
        rerun = mail("--edition", "2021-06", "--send", "--ereaders")
        assert rerun.exit_code == 0, rerun.output
        assert len(inbox.messages) == 3, "only the one that did not go"
        assert inbox.messages[-1][0] == ["office@kindle.example.com"]
    finally:
        server.stop()


def test_a_refused_recipient_is_reported_for_its_district(work: Path) -> None:
    inbox = Inbox()
    inbox.refuse = {"zhongyuan@example.cn"}
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port)
        result = mail("--edition", "2021-06", "--send")
    finally:
        server.stop()
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith("中原区"))
    assert "failed" in line and "zhongyuan@example.cn" in line and "550" in line
    assert [r for r, _ in inbox.messages] == [["hkg@example.cn", "chaosong@example.cn"]]


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_secure_connections_with_a_login(work: Path, certificate, security: str) -> None:
    inbox = Inbox()
    server = smtp_server(inbox, security, certificate)
    try:
        settings(work, server.port, security, user=True)
        wrong = mail("--edition", "2021-06", "--send", env={"PRESSROOM_SMTP_PASSWORD": "wrong"})
        assert wrong.exit_code == 1
        assert "refused the user name or password" in wrong.output
        assert inbox.messages == []
        right = mail("--edition", "2021-06", "--send", env={"PRESSROOM_SMTP_PASSWORD": PASSWORD})
        assert right.exit_code == 0, right.output
        assert len(inbox.messages) == 2
    finally:
        server.stop()


def test_a_report_over_the_size_limit_is_refused(work: Path) -> None:
    inbox = Inbox()
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port, extra="max_attachment_mb = 0.01")
        result = mail("--edition", "2021-06", "--send")
    finally:
        server.stop()
    assert result.exit_code == 1
    assert "over the 0.01 MB" in result.output and "max_attachment_mb" in result.output
    assert inbox.messages == []


def test_no_password_says_where_to_put_it(work: Path) -> None:
    inbox = Inbox()
    server = smtp_server(inbox, "none")
    try:
        settings(work, server.port, user=True)
        result = mail("--edition", "2021-06", "--send", env={"PRESSROOM_SMTP_PASSWORD": ""})
    finally:
        server.stop()
    assert result.exit_code == 1
    assert "PRESSROOM_SMTP_PASSWORD" in result.output
    assert inbox.messages == []
