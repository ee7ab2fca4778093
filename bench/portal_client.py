#!/usr/bin/env python3
"""What a person does in the portal, over HTTP, for bench/nodes.sh and bench/faults.sh.

Standard library only. Every request goes on a connection of its own, so a load balancer
chooses a node for each one; the node that answered is read from the X-Served-By header the
scripts' HAProxy adds. Sign-in is the demo profile's form login (password "demo").

    portal_client.py signin-across BASE USER REQUESTS     one sign-in, then pages on every node
    portal_client.py register BASE USER N                 N new payroll cases, prints their ids
    portal_client.py replies BASE USER CASE...            one public reply on each case
    portal_client.py load BASE SECONDS WORKERS LOG [CASE...]
                                                          pages and messages as kari, one JSON
                                                          line per request in LOG
    portal_client.py check-load LOG [EVENT_TIME]          what the load saw, and whether every
                                                          acknowledged message is stored once
    portal_client.py upload BASE USER CASE MB SECONDS     one file of MB megabytes sent over
                                                          about SECONDS, prints the outcome
"""
import hashlib
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
import uuid

PASSWORD = "demo"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


class Response:
    def __init__(self, status, headers, body, node):
        self.status = status
        self.headers = headers
        self.body = body
        self.node = node

    def location(self):
        return self.headers.get("location", "")


class Session:
    """One person's browser: a session cookie and the CSRF token of the last page."""

    def __init__(self, base, timeout=60):
        parsed = urllib.parse.urlparse(base)
        self.host = parsed.hostname
        self.port = parsed.port or 80
        self.cookie = None
        self.csrf = None
        self.timeout = timeout

    def request(self, method, path, body=None, content_type=None, body_chunks=None, length=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            headers = {"Connection": "close"}
            if self.cookie:
                headers["Cookie"] = "SESSION=" + self.cookie
            if content_type:
                headers["Content-Type"] = content_type
            if body_chunks is not None:
                headers["Content-Length"] = str(length)
                connection.putrequest(method, path)
                for name, value in headers.items():
                    connection.putheader(name, value)
                connection.endheaders()
                for chunk in body_chunks:
                    connection.send(chunk)
            else:
                connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            received = {k.lower(): v for k, v in response.getheaders()}
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("SESSION="):
                    self.cookie = value.split(";", 1)[0][len("SESSION="):] or None
            text = data.decode("utf-8", "replace")
            token = CSRF.search(text)
            if token:
                self.csrf = token.group(1)
            return Response(response.status, received, text, received.get("x-served-by", "?"))
        finally:
            connection.close()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        fields = dict(fields)
        fields["_csrf"] = self.csrf or ""
        return self.request("POST", path, urllib.parse.urlencode(fields, doseq=True),
                            "application/x-www-form-urlencoded")

    def signin(self, user):
        self.get("/login")
        response = self.post("/login", {"username": user, "password": PASSWORD})
        if response.status != 302 or "error" in response.location():
            raise RuntimeError("sign-in of %s refused: %d %s" % (user, response.status, response.location()))
        page = self.get("/saker")
        if page.status != 200:
            raise RuntimeError("after sign-in /saker gave %d" % page.status)
        return response


def signin_across(base, user, count):
    """One sign-in, then pages: which node served each, and whether the person stayed in."""
    session = Session(base)
    login = session.signin(user)
    nodes = {}
    signed_out = 0
    sequence = ["login:" + login.node]
    for _ in range(count):
        page = session.get("/saker")
        nodes[page.node] = nodes.get(page.node, 0) + 1
        sequence.append(page.node)
        if page.status != 200 or 'action="/logout"' not in page.body:
            signed_out += 1
    print("sign-in served by %s; then %d pages: %s; signed out on %d" % (
        login.node, count, ", ".join("%s %d" % kv for kv in sorted(nodes.items())), signed_out))
    print("order: " + " ".join(sequence[:12]) + (" ..." if len(sequence) > 12 else ""))
    return 0 if signed_out == 0 and len(nodes) >= 2 else 1


def register(base, user, count):
    session = Session(base)
    session.signin(user)
    ids = []
    for i in range(count):
        session.get("/saker/ny")
        response = session.post("/saker", {"category": "PAYROLL", "voucher": "nei",
                                           "subject": "Prøvesak %d fra skriptet" % i,
                                           "message": "Registrert av bench-skriptet, nummer %d." % i})
        match = re.match(r".*/saker/(\d+)$", response.location())
        if response.status != 302 or not match:
            raise RuntimeError("registering a case gave %d %s" % (response.status, response.location()))
        ids.append(match.group(1))
    print(" ".join(ids))


def reply(session, case, text):
    page = session.get("/saker/%s" % case)
    version = VERSION.search(page.body)
    if page.status != 200 or not version:
        return page
    return session.post("/saker/%s/meldinger" % case,
                        {"body": text, "visibility": "offentlig", "version": version.group(1)})


def replies(base, user, cases):
    session = Session(base)
    session.signin(user)
    failed = 0
    acknowledged = []
    for case in cases:
        try:
            response = reply(session, case, "Svar fra saksbehandler på sak %s (%s)." % (case, uuid.uuid4()))
            status = response.status
        except Exception as ex:
            status = type(ex).__name__
        if status == 302:
            acknowledged.append(case)
        else:
            failed += 1
            print("reply on case %s gave %s" % (case, status), file=sys.stderr)
    print("%d replies, %d failed" % (len(cases), failed))
    if os.environ.get("ACKNOWLEDGED"):
        with open(os.environ["ACKNOWLEDGED"], "w") as out:
            out.write(" ".join(acknowledged) + "\n")
    return 1 if failed else 0


def load(base, seconds, workers, log_path, cases):
    """Each worker is kari, signed in once: her list, a case page, a search, and one
    request in four a message with a unique token, which the checks look for in the
    database. A request that ends with a connection error is logged with status 0."""
    deadline = time.time() + seconds
    log = open(log_path, "w")
    lock = threading.Lock()

    def record(**entry):
        with lock:
            log.write(json.dumps(entry) + "\n")

    def worker(n):
        session = Session(base, timeout=30)
        while True:
            try:
                session.signin("kari")
                break
            except Exception as ex:  # the node or the database may be away at the start
                if time.time() > deadline:
                    return
                time.sleep(0.5)
        rng = random.Random(n)
        while time.time() < deadline:
            case = rng.choice(cases)
            choice = rng.random()
            token = None
            if choice < 0.25:
                token = "T%s" % uuid.uuid4().hex
                method, path = "POST", "/saker/%s/meldinger" % case
            elif choice < 0.5:
                method, path = "GET", "/saker"
            elif choice < 0.75:
                method, path = "GET", "/saker/%s" % case
            else:
                method, path = "GET", "/saker?q=feriepenger"
            start = time.time()
            try:
                if token:
                    response = session.post(path, {"body": "Melding %s under last." % token})
                    ok = response.status == 302 and "/saker/%s" % case in response.location()
                else:
                    response = session.get(path)
                    ok = response.status == 200 and 'action="/logout"' in response.body
                signed_out = "/login" in response.location() or 'name="password"' in response.body
                record(t=start, d=time.time() - start, m=method, p=path, s=response.status, n=response.node,
                       ok=ok, token=token, case=case, out=signed_out)
            except Exception as ex:
                record(t=start, d=time.time() - start, m=method, p=path, s=0, n="-", ok=False, token=token,
                       case=case, out=False, e=type(ex).__name__)
                time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    log.close()


def upload(base, user, case, megabytes, seconds):
    """One attachment sent slowly, so a node can be stopped while it arrives. Prints one
    JSON line: the status, the file's sha256 and name, and how long it took. With
    UPLOAD_MARK, writes "body" to that file when the body starts and "sent" once it is
    all sent (so a script can kill the node at the right moment)."""
    session = Session(base, timeout=120)
    session.signin(user)
    session.get("/saker/%s" % case)
    boundary = "----bench%s" % uuid.uuid4().hex
    name = "bench-%s.pdf" % uuid.uuid4().hex[:12]
    content = b"%PDF-1.4\n" + os.urandom(int(megabytes * 1024 * 1024))
    head = ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"%s\"\r\n"
            "Content-Type: application/pdf\r\n\r\n" % (boundary, session.csrf, boundary, name)).encode()
    tail = ("\r\n--%s--\r\n" % boundary).encode()
    pieces = 50
    size = len(content) // pieces + 1

    mark = os.environ.get("UPLOAD_MARK")

    def marked(what):
        if mark:
            with open(mark + ".tmp", "w") as out:
                out.write(what + "\n")
            os.rename(mark + ".tmp", mark)

    def chunks():
        marked("body")
        yield head
        for i in range(pieces):
            yield content[i * size:(i + 1) * size]
            if seconds:
                time.sleep(seconds / pieces)
        yield tail
        marked("sent")

    start = time.time()
    outcome = {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}
    try:
        # The token goes in the query string, as the page's form sends it: the portal reads a
        # multipart body only after the CSRF check (decision 0029).
        path = "/saker/%s/vedlegg?_csrf=%s" % (case, urllib.parse.quote(session.csrf or ""))
        response = session.request("POST", path, body_chunks=chunks(),
                                   length=len(head) + len(content) + len(tail),
                                   content_type="multipart/form-data; boundary=" + boundary)
        outcome.update(status=response.status, location=response.location(), node=response.node)
    except Exception as ex:
        outcome.update(status=0, error=type(ex).__name__)
    outcome["seconds"] = round(time.time() - start, 2)
    print(json.dumps(outcome))


def check_load(log_path, event_time=None):
    """What a load run saw, and whether every acknowledged message is in the database
    exactly once (psql with the PG* environment). EVENT_TIME (epoch seconds) is when the
    fault began: errors and recovery are counted from it."""
    import subprocess
    entries = [json.loads(line) for line in open(log_path)]
    entries.sort(key=lambda e: e["t"])
    failed = [e for e in entries if not e["ok"]]
    acknowledged = {e["token"] for e in entries if e["ok"] and e["token"]}
    sent = {e["token"] for e in entries if e["token"]}
    rows = subprocess.run(["psql", "-qAtX", "-c", "select body from message where body like 'Melding T%'"],
                          capture_output=True, text=True, check=True).stdout.split("\n")
    stored = {}
    for row in rows:
        match = re.search(r"(T[0-9a-f]{32})", row)
        if match:
            stored[match.group(1)] = stored.get(match.group(1), 0) + 1
    missing = acknowledged - set(stored)
    twice = [t for t, n in stored.items() if n > 1]
    unacknowledged_stored = len((sent - acknowledged) & set(stored))
    nodes = {}
    for e in entries:
        nodes[e["n"]] = nodes.get(e["n"], 0) + 1
    kinds = {}
    for e in failed:
        kind = e.get("e") or str(e["s"])
        kinds[kind] = kinds.get(kind, 0) + 1
    start = entries[0]["t"] if entries else 0
    print("requests %d (%s), failed %d %s, signed out %d" % (
        len(entries), ", ".join("%s %d" % kv for kv in sorted(nodes.items())), len(failed),
        json.dumps(kinds, sort_keys=True), sum(1 for e in entries if e["out"])))
    print("messages sent %d, acknowledged %d, acknowledged and stored %d, missing %d, stored twice %d, "
          "stored without acknowledgement %d" % (len(sent), len(acknowledged), len(acknowledged) - len(missing),
                                                  len(missing), len(twice), unacknowledged_stored))
    if event_time is not None:
        after = [e for e in failed if e["t"] + e["d"] >= event_time]
        if after:
            first = min(e["t"] for e in after) - event_time
            last = max(e["t"] + e["d"] for e in after) - event_time
            recovered = [e for e in entries if e["ok"] and e["t"] > max(x["t"] for x in after)]
            print("after the fault: %d failed requests, the first %.1f s and the last ended %.1f s after it; "
                  "first success after the last failure %.1f s after it" % (
                      len(after), first, last, (min(e["t"] for e in recovered) - event_time) if recovered else -1))
        else:
            print("after the fault: no failed request")
        # The longest time in which no request completed successfully, from 5 s before the fault.
        done = sorted(e["t"] + e["d"] for e in entries if e["ok"] and e["t"] + e["d"] >= event_time - 5)
        gaps = [(b - a, a, b) for a, b in zip(done, done[1:])]
        if gaps:
            gap, a, b = max(gaps)
            print("longest time without a successful response: %.1f s, from %+.1f s to %+.1f s of the fault; "
                  "slowest request after it %.1f s" % (gap, a - event_time, b - event_time,
                                                     max((e["d"] for e in entries if e["t"] + e["d"] >= event_time),
                                                         default=0)))
    for e in failed[:5]:
        print("  failed: %s %s -> %s %s at +%.1f s" % (e["m"], e["p"], e["s"], e.get("e", ""), e["t"] - start))
    return 1 if missing or twice else 0


def main(argv):
    command, base = argv[1], argv[2] if len(argv) > 2 else None
    if command == "signin-across":
        return signin_across(base, argv[3], int(argv[4]))
    if command == "register":
        return register(base, argv[3], int(argv[4]))
    if command == "replies":
        return replies(base, argv[3], argv[4:])
    if command == "load":
        return load(base, float(argv[3]), int(argv[4]), argv[5], argv[6:])
    if command == "check-load":
        return check_load(argv[2], float(argv[3]) if len(argv) > 3 else None)
    if command == "upload":
        return upload(base, argv[3], argv[4], float(argv[5]), float(argv[6]))
    raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    sys.exit(main(sys.argv) or 0)
