"""Reminders by e-mail: 'minutes remind' delivers to a real SMTP server on 127.0.0.1 started by the
test (aiosmtpd), one message per owner (plain text and HTML), and the messages it received are read
back; --dry-run sends nothing; STARTTLS and SSL with a login from the environment; addresses from
the minutes or 'minutes people set-email', and owners without one reported as not sent."""
from __future__ import annotations

import email
import email.policy
import shutil
import socket
import ssl
import subprocess
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from minutes import queries, store
from minutes.cli import cli
from minutes.db import connect
from minutes.output.smtp import Server
from minutes_factory import board
from parsers.records import Action

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller", reason="aiosmtpd is not installed "
                                          "(pip install -e '.[test]')")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

SENDER = "Board Secretary <secretary@example.org>"


@pytest.fixture
def db_path(tmp_path):
    path = str(tmp_path / "board.db")
    minutes = board(actions=[
        Action("4", ["DP"], "Write to the bidders", due="2015-02-01", where="line 12"),
        Action("4", ["DP", "PR"], "Agree the rules for consortium bids", due="2015-03-01", where="line 13"),
        Action("1", ["PR"], "Book the hall for the market event", where="line 14"),
        Action("4", ["SMcB"], "Draft the tender notice", due="2015-02-15", where="line 15"),
        Action("4", ["PG"], "Get further information on financial standing", where="line 16"),
    ])
    minutes.attendees[0].email = "daxa.pancholi@example.org"      # beside her name in the minutes
    db = connect(path)
    store.save(db, minutes)
    db.close()
    result = invoke(path, "people", "set-email", "PR", "pamela@example.org")
    assert result.exit_code == 0 and "Pamela Richardson (PR): pamela@example.org" in result.stderr
    return path


def invoke(db_path, *args, env=None):
    return CliRunner().invoke(cli, list(args), env={"MINUTES_DB": db_path, **(env or {})}, catch_exceptions=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """An aiosmtpd handler that keeps every message it is given, and every login."""

    def __init__(self):
        self.received: list = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                              email.message_from_bytes(envelope.content, policy=email.policy.default),
                              server.transport.get_extra_info("ssl_object") is not None, session.auth_data))
        return "250 Message accepted for delivery"


class Logins:
    def __init__(self, user: bytes, password: bytes):
        self.user, self.password = user, password

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (self.user,
                                                                                                self.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


@pytest.fixture
def smtp():
    """A plain SMTP server on 127.0.0.1, as a test mail relay would be."""
    inbox = Inbox()
    port = free_port()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, f"127.0.0.1:{port}"
    controller.stop()


def by_recipient(inbox):
    return {rcpt[0]: message for _, rcpt, message, _, _ in inbox.received}


def test_one_message_per_owner_with_everything_they_owe(db_path, smtp):
    inbox, address = smtp
    result = invoke(db_path, "remind", "--smtp", address, "--from", SENDER)
    assert result.exit_code == 0, result.output
    messages = by_recipient(inbox)
    assert set(messages) == {"daxa.pancholi@example.org", "pamela@example.org"}       # one each
    assert all(sender == "secretary@example.org" for sender, *_ in inbox.received)
    dp = messages["daxa.pancholi@example.org"]
    assert dp["To"] == "Daxa Pancholi <daxa.pancholi@example.org>" and dp["From"] == SENDER
    assert dp["Subject"] == "Your actions: 2 open, 2 overdue (Delivery Group)"
    assert dp["Auto-Submitted"] == "auto-generated" and dp["Message-ID"].endswith("@example.org>")
    text = dp.get_body(("plain",)).get_content()
    html = dp.get_body(("html",)).get_content()
    for words in ("Write to the bidders", "Agree the rules for consortium bids", "Meeting: 20 Jan 2015",
                  "Item: 4 Financial standing", "Due: 1 Feb 2015 (overdue)", "In the minutes: board.md, line 12"):
        assert words in text, words
    for words in ("Write to the bidders", "Agree the rules for consortium bids", "20 Jan 2015", "4 Financial standing",
                  "1 Feb 2015 (overdue)", "board.md, line 12"):
        assert words in html, words
    assert "Book the hall" not in text                                   # PR's alone
    pr_text = messages["pamela@example.org"].get_body(("plain",)).get_content()
    assert "Book the hall for the market event" in pr_text and "Due: no date set" in pr_text
    assert "Agree the rules for consortium bids" in pr_text and "Write to the bidders" not in pr_text
    lines = result.stderr.splitlines()
    assert "Sent to Daxa Pancholi <daxa.pancholi@example.org>: 2 actions" in lines
    assert ("Not sent: Stephanie McBurney (SMcB), 1 action: has no e-mail address (add one with "
            "'minutes people set-email SMcB ADDRESS')") in lines
    assert "Not sent: PG, 1 action: matches no attendee, so has no e-mail address" in lines


def test_dry_run_prints_the_messages_and_sends_nothing(db_path, smtp):
    inbox, address = smtp
    result = invoke(db_path, "remind", "--dry-run", "--smtp", address, "--from", SENDER)
    assert result.exit_code == 0, result.output
    assert inbox.received == []
    assert result.stdout.count("Subject: Your actions:") == 2
    assert "To: Daxa Pancholi <daxa.pancholi@example.org>" in result.stdout
    assert "Write to the bidders" in result.stdout and "Dry run: 2 messages printed, none sent." in result.stderr
    assert invoke(db_path, "remind", "--dry-run").exit_code == 0          # no server or sender needed to look


def test_owner_overdue_and_due_within(db_path, smtp):
    inbox, address = smtp
    assert invoke(db_path, "remind", "--owner", "pr", "--smtp", address, "--from", SENDER).exit_code == 0
    assert set(by_recipient(inbox)) == {"pamela@example.org"}
    db = connect(db_path)
    today = date(2015, 2, 10)
    owed = queries.owed_by_owner(db, overdue=True, today=today)
    assert [(o.name, [a["text"] for a in o.actions]) for o in owed.recipients] == [
        ("Daxa Pancholi (DP)", ["Write to the bidders"])]
    soon = queries.owed_by_owner(db, due_within=timedelta(days=14), today=today)
    assert {o.name: [a["text"] for a in o.actions] for o in soon.recipients + soon.unsent} == {
        "Daxa Pancholi (DP)": ["Write to the bidders"], "Stephanie McBurney (SMcB)": ["Draft the tender notice"]}
    db.close()


def test_an_address_set_by_hand_outlives_later_minutes(db_path):
    later = board(sha="v2", date="2015-02-20", actions=[Action("1", ["PR"], "Chase the bidders")])
    later.attendees[1].email = "old.address@example.org"
    later.attendees[0].email = "daxa@new.example.org"
    db = connect(db_path)
    store.save(db, later)
    emails = dict(db.execute("SELECT initials, email FROM people").fetchall())
    db.close()
    assert emails["PR"] == "pamela@example.org"              # set by hand
    assert emails["DP"] == "daxa@new.example.org"            # the minutes', as last written


@pytest.mark.parametrize("args, message", [
    (["people", "set-email", "PR", "not an address"], "'not an address' is not an e-mail address"),
    (["people", "set-email", "nobody", "x@example.org"], "there is no person matching 'nobody'"),
    (["people", "set-email", "PR"], "give an ADDRESS, or --clear"),
    (["remind", "--from", SENDER], "no SMTP server: give --smtp HOST:PORT"),
    (["remind", "--smtp", "127.0.0.1:25"], "no sender: give --from ADDRESS"),
    (["remind", "--smtp", "mail:99999", "--from", SENDER], "'mail:99999' is not an SMTP server"),
])
def test_bad_input_is_one_line(db_path, args, message):
    result = invoke(db_path, *args)
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_a_server_that_is_not_there_is_one_line(db_path):
    result = invoke(db_path, "remind", "--smtp", f"127.0.0.1:{free_port()}", "--from", SENDER)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: SMTP server 127.0.0.1:")
    assert "cannot connect" in result.stderr


def test_a_password_is_never_sent_in_the_clear_beyond_this_machine():
    assert Server.parse("127.0.0.1:2525").local and Server.parse("[::1]:25").local
    assert Server.parse("localhost").local and not Server.parse("mail.example.org:587").local
    assert Server.parse("mail.example.org", "ssl").port == 465 and Server.parse("mail.example.org:465").tls_from_start


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, made with openssl, trusted through SSL_CERT_FILE."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed: cannot make a certificate for the TLS tests")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    return str(cert), context


def test_starttls_with_a_login_from_the_environment(db_path, certificate):
    cert, context = certificate
    inbox = Inbox()
    port = free_port()
    controller = aiosmtpd_controller.Controller(
        inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
        authenticator=Logins(b"sec", b"s3cret"), auth_required=True, auth_require_tls=True)
    controller.start()
    try:
        env = {"SSL_CERT_FILE": cert, "MINUTES_SMTP_USER": "sec", "MINUTES_SMTP_PASSWORD": "s3cret"}
        result = invoke(db_path, "remind", "--smtp", f"127.0.0.1:{port}", "--security", "starttls",
                        "--from", SENDER, env=env)
        assert result.exit_code == 0, result.output
        assert len(inbox.received) == 2 and all(tls for *_, tls, _ in inbox.received)
        wrong = invoke(db_path, "remind", "--smtp", f"127.0.0.1:{port}", "--from", SENDER,
                       env={**env, "MINUTES_SMTP_PASSWORD": "guess"})
        assert wrong.exit_code == 1 and "refused the login for 'sec' (535" in wrong.stderr
        untrusted = invoke(db_path, "remind", "--smtp", f"127.0.0.1:{port}", "--from", SENDER,
                           env={"SSL_CERT_FILE": "/nonexistent.pem", "MINUTES_SMTP_USER": "sec",
                                "MINUTES_SMTP_PASSWORD": "s3cret"})
        assert untrusted.exit_code == 1 and "certificate is not trusted" in untrusted.stderr
        assert len(inbox.received) == 2
    finally:
        controller.stop()


def test_ssl_from_the_start(db_path, certificate):
    cert, context = certificate
    inbox = Inbox()
    port = free_port()
    controller = aiosmtpd_controller.Controller(inbox, hostname="127.0.0.1", port=port,
                                                ssl_context=context)
    controller.start()
    try:
        result = invoke(db_path, "remind", "--owner", "DP", "--smtp", f"127.0.0.1:{port}", "--security", "ssl",
                        "--from", SENDER, env={"SSL_CERT_FILE": cert})
        assert result.exit_code == 0, result.output
        assert [(rcpt, tls) for _, rcpt, _, tls, _ in inbox.received] == [(["daxa.pancholi@example.org"], True)]
    finally:
        controller.stop()
