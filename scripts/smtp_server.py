#!/usr/bin/env python3
"""Loopback SMTP servers (aiosmtpd) for Herald's SMTP tests; started by scripts/smtp.sh.

Three servers in one process, on 127.0.0.1 only:
  plain     no TLS, no AUTH, no SMTPUTF8
  starttls  STARTTLS required before anything else, then AUTH PLAIN/LOGIN required; SMTPUTF8 offered
  tls       TLS from the first byte (port-465 style); AUTH allowed, not required

Every message accepted is stored in SPOOL as NAME.eml (the bytes received, SMTP transparency undone) and
NAME.json (the envelope, which server and connection took it, whether TLS and AUTH were used, and what Python's
`email` package parsed), NAME being the Message-ID with unsafe characters replaced.

Magic recipients (by local part prefix): reject… -> 550, later… -> 451, slow… -> answers after 5 s.
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import re
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

connection_numbers = itertools.count(1)


class CountingSMTP(SMTP):
    """Numbers each connection, so tests can tell whether a client reused one, and notes whether it is TLS
    (called again with the TLS transport after STARTTLS, which keeps the number)."""

    def connection_made(self, transport):
        if not hasattr(self, "herald_connection"):
            self.herald_connection = next(connection_numbers)
        self.herald_tls = transport.get_extra_info("sslcontext") is not None
        super().connection_made(transport)


class HeraldController(Controller):
    def factory(self):
        return CountingSMTP(self.handler, **self.SMTP_kwargs)


def summary(raw):
    """What an independent parser makes of the message."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    defects = [repr(d) for part in msg.walk() for d in part.defects]
    for _, value in msg.items():
        defects += [repr(d) for d in getattr(value, "defects", ())]

    def addresses(name):
        header = msg[name]
        if header is None:
            return []
        return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]

    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    attachments = [
        {"filename": part.get_filename(), "contentType": part.get_content_type(), "size": len(part.get_content())}
        for part in msg.iter_attachments()
    ]
    return {
        "subject": str(msg["Subject"]),
        "from": addresses("From"),
        "to": addresses("To"),
        "cc": addresses("Cc"),
        "replyTo": addresses("Reply-To"),
        "messageId": str(msg["Message-ID"]),
        "date": str(msg["Date"]),
        "contentType": msg.get_content_type(),
        "text": text.get_content().replace("\r\n", "\n") if text is not None else None,
        "html": html.get_content().replace("\r\n", "\n") if html is not None else None,
        "attachments": attachments,
        "listUnsubscribe": str(msg["List-Unsubscribe"]) if msg["List-Unsubscribe"] else None,
        "listUnsubscribePost": str(msg["List-Unsubscribe-Post"]) if msg["List-Unsubscribe-Post"] else None,
        "defects": defects,
    }


def unescaped(value):
    """Python's parser keeps raw UTF-8 in headers (RFC 6532, sent with SMTPUTF8) as surrogate escapes: decode them."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [unescaped(v) for v in value]
    if isinstance(value, dict):
        return {k: unescaped(v) for k, v in value.items()}
    return value


class Spool:
    def __init__(self, folder, server):
        self.folder = folder
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if local.startswith("later"):
            return "451 4.3.0 <%s>: try again later" % address
        if local.startswith("slow"):
            await asyncio.sleep(5)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        try:
            parsed = summary(raw)
        except Exception as error:  # a message the parser chokes on is stored and reported, not refused
            parsed = {"error": repr(error)}
        message_id = (parsed.get("messageId") or "").strip("<> ") or "no-message-id"
        name = re.sub(r"[^A-Za-z0-9._@-]", "_", message_id)
        record = {
            "server": self.server,
            "connection": server.herald_connection,
            "tls": server.herald_tls,
            "authenticated": bool(session.authenticated),
            "login": session.auth_data.login.decode() if getattr(session.auth_data, "login", None) else None,
            "heloName": session.host_name,
            "mailFrom": envelope.mail_from,
            "mailOptions": envelope.mail_options,
            "rcptTos": envelope.rcpt_tos,
            "parsed": parsed,
        }
        with open(os.path.join(self.folder, name + ".eml.tmp"), "wb") as f:
            f.write(raw)
        with open(os.path.join(self.folder, name + ".json.tmp"), "w") as f:
            json.dump(unescaped(record), f, ensure_ascii=False)
        os.replace(os.path.join(self.folder, name + ".eml.tmp"), os.path.join(self.folder, name + ".eml"))
        os.replace(os.path.join(self.folder, name + ".json.tmp"), os.path.join(self.folder, name + ".json"))
        return "250 2.0.0 OK queued as " + name


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == self.user and auth_data.password == self.password
        return AuthResult(success=ok, handled=False, auth_data=auth_data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--plain", type=int, required=True)
    parser.add_argument("--starttls", type=int, required=True)
    parser.add_argument("--tls", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    authenticator = Authenticator(args.user, args.password)
    controllers = [
        HeraldController(Spool(args.spool, "plain"), hostname="127.0.0.1", port=args.plain, enable_SMTPUTF8=False),
        HeraldController(
            Spool(args.spool, "starttls"), hostname="127.0.0.1", port=args.starttls, enable_SMTPUTF8=True,
            tls_context=context, require_starttls=True, authenticator=authenticator, auth_required=True,
            auth_require_tls=True,
        ),
        HeraldController(
            Spool(args.spool, "tls"), hostname="127.0.0.1", port=args.tls, enable_SMTPUTF8=False,
            ssl_context=context, authenticator=authenticator, auth_require_tls=False,
        ),
    ]
    for controller in controllers:
        controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for controller in controllers:
        controller.stop()


if __name__ == "__main__":
    main()
