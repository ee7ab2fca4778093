#!/usr/bin/env python3
"""An SMTP server that accepts every mail and writes it to a directory, one file a mail.

The portal's notices go out through it in the multi-node and fault scripts (bench/nodes.sh,
bench/faults.sh), so the scripts can count the mails per case and see duplicates by their
Message-ID. Python's standard library only (smtpd is gone from Python 3.12).

    bench/smtp-sink.py --port 2525 --dir /tmp/mails [--delay 0.2]

--delay holds each mail that long before it is accepted (a slow mail server), so a node can
be stopped while it is sending.
"""
import argparse
import os
import socketserver
import threading
import time

counter_lock = threading.Lock()
counter = [0]


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        try:
            self.converse()
        except (ConnectionError, TimeoutError):
            pass  # the node went away in the middle (kill -9): the mail was not accepted

    def converse(self):
        self.reply("220 smtp-sink ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                if verb == "EHLO":
                    self.wfile.write(b"250-smtp-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    self.wfile.flush()
                else:
                    self.reply("250 smtp-sink")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                if self.server.delay:
                    time.sleep(self.server.delay)
                with counter_lock:
                    counter[0] += 1
                    n = counter[0]
                name = os.path.join(self.server.directory, "%d-%06d.eml" % (os.getpid(), n))
                with open(name + ".tmp", "wb") as out:
                    out.writelines(lines)
                os.rename(name + ".tmp", name)
                self.reply("250 OK queued as %d" % n)
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    server = Server(("127.0.0.1", args.port), Handler)
    server.directory = args.dir
    server.delay = args.delay
    server.serve_forever()


if __name__ == "__main__":
    main()
