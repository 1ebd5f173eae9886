"""Sending messages over SMTP: one connection, STARTTLS or SSL, a login from the environment.

    >>> server = Server.parse("mail.example.org:587", security="auto")
    >>> results = send(server, messages, user="sec", password="…")
    >>> [(r.to, r.error) for r in results]

``security``: ``ssl`` (TLS from the start, port 465), ``starttls`` (upgrade
a plain connection, else fail), ``none`` (plain), or ``auto``: SSL on port
465, else STARTTLS whenever the server offers it.  Certificates are checked
against the system's (``SSL_CERT_FILE`` names another bundle).  A password
is never sent in the clear, except to this machine (127.0.0.1, ::1,
localhost).  A message the server refuses is that message's error; the
others are still sent.  A server that cannot be reached, refuses the login
or breaks off is ``MinutesError`` naming it.
"""
from __future__ import annotations

import ipaddress
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from minutes.errors import MinutesError

SECURITY = ("auto", "starttls", "ssl", "none")
TIMEOUT = 30


@dataclass
class Server:
    host: str
    port: int
    security: str = "auto"

    @classmethod
    def parse(cls, text: str, security: str = "auto") -> "Server":
        """``host:port``, ``host`` (port 25, or 465 for SSL) or ``[::1]:2525``."""
        text = text.strip()
        host, port = text, ""
        if text.startswith("["):
            host, _, rest = text[1:].partition("]")
            port = rest.removeprefix(":")
        elif text.count(":") == 1:
            host, port = text.split(":")
        if not host or (port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536)):
            raise MinutesError(f"{text!r} is not an SMTP server like mail.example.org:587")
        if security not in SECURITY:
            raise MinutesError(f"unknown security {security!r}: use {', '.join(SECURITY)}")
        return cls(host, int(port) if port else (465 if security == "ssl" else 25), security)

    @property
    def tls_from_start(self) -> bool:
        return self.security == "ssl" or (self.security == "auto" and self.port == 465)

    @property
    def local(self) -> bool:
        if self.host.lower() == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


@dataclass
class Sent:
    to: str
    error: str = ""                  # empty when the server took it


def send(server: Server, messages: list[EmailMessage], *, user: str | None = None, password: str | None = None,
         timeout: float = TIMEOUT) -> list[Sent]:
    """Send each message over one connection to ``server``; one ``Sent`` per message."""
    context = ssl.create_default_context()
    try:
        if server.tls_from_start:
            conn = smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
        else:
            conn = smtplib.SMTP(server.host, server.port, timeout=timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise MinutesError(f"SMTP server {server}: cannot connect ({_why(exc)})") from None
    try:
        with conn:
            secure = server.tls_from_start
            if not secure and server.security != "none":
                conn.ehlo()
                if conn.has_extn("starttls"):
                    conn.starttls(context=context)
                    conn.ehlo()
                    secure = True
                elif server.security == "starttls":
                    raise MinutesError(f"SMTP server {server}: does not offer STARTTLS (use --security none "
                                       "only on a network you trust)")
            if user:
                if not secure and not server.local:
                    raise MinutesError(f"SMTP server {server}: the connection is not encrypted, so the password "
                                       "is not sent (use --security starttls or ssl)")
                _login(conn, user, password or "")
            return [_one(conn, m) for m in messages]
    except smtplib.SMTPAuthenticationError as exc:
        raise MinutesError(f"SMTP server {server}: refused the login for {user!r} ({_why(exc)})") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise MinutesError(f"SMTP server {server}: {_why(exc)}") from None


def _login(conn: smtplib.SMTP, user: str, password: str) -> None:
    """Log in once: PLAIN where the server offers it (over TLS, or to this machine), else what
    smtplib chooses; a refusal is not retried with every other mechanism."""
    if "PLAIN" in conn.esmtp_features.get("auth", "").upper().split():
        conn.user, conn.password = user, password
        conn.auth("PLAIN", conn.auth_plain)
    else:
        conn.login(user, password)


def _one(conn: smtplib.SMTP, message: EmailMessage) -> Sent:
    to = str(message["To"])
    try:
        refused = conn.send_message(message)
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        return Sent(to, _why(exc))
    return Sent(to, "; ".join(f"{who}: {_why(err)}" for who, err in refused.items()) if refused else "")


def _why(exc: object) -> str:
    """An SMTP or socket error in a few words: the server's code and text, or the system's reason."""
    if isinstance(exc, tuple) and len(exc) == 2:
        code, text = exc
        return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(_why(v) for v in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return _why((exc.smtp_code, exc.smtp_error))
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its certificate is not trusted: {exc.verify_message}"
    if isinstance(exc, socket.timeout):
        return "timed out"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__
