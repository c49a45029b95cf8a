"""The campaigns' mail against a real SMTP server (Debian's python3-aiosmtpd) on loopback: reminders
at their offsets only to those who have not answered, none twice across SIGKILL and restarts, mail
waiting out an outage of the mail server, and well-formed messages (RFC 5322, UTF-8, Message-ID).

   python3 tests/mail/outbox_test.py JOINTBUY_BINARY
"""
import email
import email.policy
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

from aiosmtpd.controller import Controller

BINARY = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def utc(seconds_from_now):
    at = datetime.now(timezone.utc) + timedelta(seconds=seconds_from_now)
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


class Mailbox:
    """Every message the server took, with the time it arrived."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append((time.time(), envelope.rcpt_tos[:], envelope.original_content or envelope.content))
        return "250 OK"

    def parsed(self):
        with self.lock:
            return [(at, rcpt, email.message_from_bytes(raw, policy=email.policy.default), raw) for at, rcpt, raw in self.messages]


class SmtpServer:
    def __init__(self, port, mailbox):
        self.port, self.mailbox, self.controller = port, mailbox, None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


class Jointbuy:
    """A migrated SQLite database with people and tokens, and `jointbuy serve` on it."""

    def __init__(self, directory):
        self.env = dict(os.environ, JOINTBUY_DB="sqlite:" + os.path.join(directory, "jointbuy.db"))
        self.log = open(os.path.join(directory, "serve.log"), "ab")
        self.process = None
        self.port = free_port()
        self.cli("migrate")
        self.tokens = {
            "coordinator": self.token("--role", "coordinator", "--name", "Programmbüro"),
            "1059": self.token("--role", "municipality", "--org", "1059", "--name", "IT Kriens"),
            "1024": self.token("--role", "municipality", "--org", "1024", "--name", "IT Emmen"),
            "1061": self.token("--role", "municipality", "--org", "1061", "--name", "IT Luzern"),
        }
        for mail, name, org in [("anna.muster@kriens.example", "Anna Muster", "1059"),
                                ("eva.meier@emmen.example", "Eva Meier", "1024"),
                                ("luca.rossi@stadtluzern.example", "Luca Rossi", "1061"),
                                ("zoe.frei@stadtluzern.example", "Zoë Frei-Müller", "1061")]:
            self.cli("user", "invite", "--email", mail, "--name", name, "--role", "municipality", "--org", org)

    def cli(self, *args):
        return subprocess.run([BINARY, *args], env=self.env, check=True, capture_output=True, text=True).stdout

    def token(self, *args):
        return self.cli("token", "create", *args).strip().splitlines()[-1]

    def start(self, smtp_port):
        self.process = subprocess.Popen([BINARY, "serve", "--port", str(self.port), "--smtp", f"smtp://127.0.0.1:{smtp_port}",
                                         "--smtp-retry", "1s", "--mail-from", "jointbuy@lu.example"],
                                        env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("jointbuy did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.log.close()

    def call(self, who, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Authorization": "Bearer " + self.tokens[who], "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status, json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def campaign(self, closes_in, reminders):
        status, c = self.call("coordinator", "POST", "/api/v1/campaigns", {
            "title": "Schulverwaltungssoftware 2027", "description": "Gemeinsame Beschaffung für die Volksschulen.",
            "items": ["school-administration-software"], "invited": ["1059", "1024", "1061"],
            "opens": "2020-01-01", "closes": utc(closes_in), "reminders": reminders})
        assert status == 201, c
        status, c = self.call("coordinator", "POST", f"/api/v1/campaigns/{c['id']}/open")
        assert status == 200, c
        return c


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("waited in vain for " + what)


def kinds(mailbox):
    """(recipient, subject start) of every message, in arrival order."""
    return [(rcpt[0], str(m["Subject"]).split(" ")[0]) for _, rcpt, m, _ in mailbox.parsed()]


class OutboxTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="jointbuy-mail-")
        self.mailbox = Mailbox()
        self.smtp = SmtpServer(free_port(), self.mailbox)
        self.jointbuy = Jointbuy(self.directory)

    def tearDown(self):
        self.jointbuy.stop()
        self.smtp.stop()

    def test_reminders_arrive_at_their_offsets_only_to_those_who_have_not_answered(self):
        self.smtp.start()
        self.jointbuy.start(self.smtp.port)
        c = self.jointbuy.campaign(16, ["PT11S", "PT5S"])
        closes = datetime.strptime(c["closes"][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
        wait_for(lambda: len(self.mailbox.messages) == 4, 10, "the four announcements of the opening")
        self.assertTrue(all(k == "Bedarfserhebung" for _, k in kinds(self.mailbox)))
        # Emmen answers at once: no reminder for it.
        self.assertEqual(self.jointbuy.call("1024", "POST", f"/api/v1/campaigns/{c['id']}/answers", {"no_need": True})[0], 200)
        wait_for(lambda: len(self.mailbox.messages) == 7, 12, "the first reminder to Kriens and Luzern's two")
        first = [(at, rcpt[0]) for at, rcpt, m, _ in self.mailbox.parsed()[4:]]
        self.assertEqual(sorted(r for _, r in first), ["anna.muster@kriens.example", "luca.rossi@stadtluzern.example", "zoe.frei@stadtluzern.example"])
        for at, _ in first:
            self.assertGreaterEqual(at, closes - 11 - 0.5)
            self.assertLess(at, closes - 11 + 3.5)
        # Kriens answers before the second offset: only Luzern is reminded again.
        self.assertEqual(self.jointbuy.call("1059", "POST", f"/api/v1/campaigns/{c['id']}/answers", {"intents": [
            {"item": "school-administration-software", "quantity": 40, "earliest": "2027-08-01", "latest": "2027-12-31"}]})[0], 200)
        wait_for(lambda: len(self.mailbox.messages) == 9, 12, "the second reminder to Luzern")
        second = [(at, rcpt[0]) for at, rcpt, m, _ in self.mailbox.parsed()[7:]]
        self.assertEqual(sorted(r for _, r in second), ["luca.rossi@stadtluzern.example", "zoe.frei@stadtluzern.example"])
        for at, _ in second:
            self.assertGreaterEqual(at, closes - 5 - 0.5)
            self.assertLess(at, closes - 5 + 3.5)
        # At the close, Luzern (no answer) is told; nobody else.
        wait_for(lambda: len(self.mailbox.messages) == 11, 12, "the close's announcement")
        closed = [(rcpt[0], str(m["Subject"])) for _, rcpt, m, _ in self.mailbox.parsed()[9:]]
        self.assertTrue(all(s.startswith("Abgeschlossen") for _, s in closed))
        self.assertEqual(sorted(r for r, _ in closed), ["luca.rossi@stadtluzern.example", "zoe.frei@stadtluzern.example"])
        time.sleep(2)
        self.assertEqual(len(self.mailbox.messages), 11)
        status, mail = self.jointbuy.call("coordinator", "GET", f"/api/v1/campaigns/{c['id']}/mail")
        self.assertEqual((mail["sent"], mail["waiting"], mail["failed"]), (11, 0, 0))

    def test_none_is_sent_twice_across_sigkill_and_mail_waits_out_the_outage(self):
        # The mail server is down: the opening's mail is written, attempted, and waits.
        self.jointbuy.start(self.smtp.port)
        c = self.jointbuy.campaign(600, [])
        path = f"/api/v1/campaigns/{c['id']}/mail"
        wait_for(lambda: all(m["attempts"] >= 1 and m["state"] == "pending" for m in self.jointbuy.call("coordinator", "GET", path)[1]["items"]),
                 10, "the first failed attempts")
        status, mail = self.jointbuy.call("coordinator", "GET", path)
        self.assertEqual(mail["waiting"], 4)
        self.assertTrue(all(m["last_error"] for m in mail["items"]))
        # Killed between writing and sending; the mail server comes back; jointbuy starts again.
        self.jointbuy.kill()
        self.smtp.start()
        self.jointbuy.start(self.smtp.port)
        wait_for(lambda: len(self.mailbox.messages) == 4, 15, "the waiting mail after the restart")
        # Killed again after sending, and started again: nothing goes out a second time.
        self.jointbuy.kill()
        self.jointbuy.start(self.smtp.port)
        time.sleep(3)
        parsed = self.mailbox.parsed()
        self.assertEqual(len(parsed), 4)
        self.assertEqual(len({str(m["Message-ID"]) for _, _, m, _ in parsed}), 4)
        self.assertEqual(sorted(r[0] for _, r, _, _ in parsed), ["anna.muster@kriens.example", "eva.meier@emmen.example",
                                                                 "luca.rossi@stadtluzern.example", "zoe.frei@stadtluzern.example"])
        status, mail = self.jointbuy.call("coordinator", "GET", path)
        self.assertEqual((mail["sent"], mail["waiting"]), (4, 0))

    def test_mail_waits_while_the_server_is_stopped_and_goes_out_when_it_is_back(self):
        self.smtp.start()
        self.jointbuy.start(self.smtp.port)
        self.smtp.stop()
        c = self.jointbuy.campaign(600, [])
        time.sleep(3)
        self.assertEqual(len(self.mailbox.messages), 0)
        status, mail = self.jointbuy.call("coordinator", "GET", f"/api/v1/campaigns/{c['id']}/mail")
        self.assertEqual(mail["waiting"], 4)
        self.smtp.start()
        wait_for(lambda: len(self.mailbox.messages) == 4, 20, "the mail once the server is back")
        time.sleep(2)
        self.assertEqual(len(self.mailbox.messages), 4)

    def test_a_message_is_well_formed(self):
        self.smtp.start()
        self.jointbuy.start(self.smtp.port)
        c = self.jointbuy.campaign(600, [])
        wait_for(lambda: len(self.mailbox.messages) == 4, 10, "the opening's mail")
        for _, rcpt, m, raw in self.mailbox.parsed():
            for name in ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]:
                self.assertEqual(len(m.get_all(name) or []), 1, name)
            self.assertRegex(str(m["Message-ID"]), r"^<[0-9a-f]{32}@jointbuy\.outbox>$")
            self.assertIsNotNone(email.utils.parsedate_to_datetime(str(m["Date"])))
            self.assertEqual(m["From"].addresses[0].addr_spec, "jointbuy@lu.example")
            self.assertEqual(m["To"].addresses[0].addr_spec, rcpt[0])
            self.assertEqual(m.get_content_type(), "text/plain")
            self.assertEqual(m.get_content_charset(), "utf-8")
            self.assertEqual(str(m["Subject"]), f"Bedarfserhebung «Schulverwaltungssoftware 2027»: bitte bis {self.close_day(c)} antworten")
            body = m.get_content()
            self.assertIn("Guten Tag " + m["To"].addresses[0].display_name, body)
            self.assertIn(f"http://127.0.0.1:{self.jointbuy.port}/#/campaigns/{c['id']}", body)
            self.assertIn("Freundliche Grüsse", body)
            # On the wire: 7-bit, CRLF line ends, no line over 78 characters.
            raw.decode("ascii")
            for line in raw.split(b"\r\n"):
                self.assertLessEqual(len(line), 78)
                self.assertNotIn(b"\n", line)
        zoe = [m for _, _, m, _ in self.mailbox.parsed() if m["To"].addresses[0].addr_spec.startswith("zoe")][0]
        self.assertEqual(zoe["To"].addresses[0].display_name, "Zoë Frei-Müller")

    @staticmethod
    def close_day(c):
        # The close as the mail writes it: Swiss local time (CET, +1 h, in winter; CEST in summer).
        at = datetime.strptime(c["closes"][:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
        year = at.year
        def last_sunday(month):
            d = datetime(year, month + 1, 1, tzinfo=timezone.utc) - timedelta(days=1)
            return (d - timedelta(days=(d.weekday() + 1) % 7)).replace(hour=1)
        offset = 2 if last_sunday(3) <= at < last_sunday(10) else 1
        return (at + timedelta(hours=offset)).strftime("%d.%m.%Y")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
