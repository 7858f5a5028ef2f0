#!/usr/bin/env python3
"""Webhooks end to end: two replicas with their delivery workers on one PostgreSQL database,
and a receiver that verifies every request with the `standardwebhooks` library.

Checks what the webhook contract promises a receiver:

* every request verifies with the endpoint's secret (the Standard Webhooks library's own
  check: `webhook-id`, `webhook-timestamp`, `webhook-signature`);
* a receiver that fails for a while (it answers 503 to its first requests) gets every event
  once it recovers, each customer's in the order of the feed;
* two replicas delivering at once deliver each event once.

Usage: webhooks.py --binary target/release/rapport --database-url postgres://.../db
Needs the `standardwebhooks` package (tests/e2e/requirements.txt).
"""

import argparse
import http.server
import json
import sys
import tempfile
import threading
import time

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from replicas import ADMIN, check, expect, request, start_replicas

CUSTOMERS = 15
UPDATES = 2
FAIL_FIRST = 10
RECEIVER_PORT = 18410


class Receiver(http.server.ThreadingHTTPServer):
    def __init__(self, port):
        super().__init__(("127.0.0.1", port), Handler)
        self.secret = None
        self.lock = threading.Lock()
        self.requests = 0
        self.refused = 0
        self.unverified = []
        self.delivered = []  # (webhook-id, event), in the order they were taken


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        server = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            event = Webhook(server.secret).verify(body, headers)
        except WebhookVerificationError as err:
            with server.lock:
                server.unverified.append(str(err))
            self.send_response(400)
            self.end_headers()
            return
        with server.lock:
            server.requests += 1
            failing = server.requests <= FAIL_FIRST
            if failing:
                server.refused += 1
            else:
                server.delivered.append((headers["webhook-id"], event))
        self.send_response(503 if failing else 204)
        self.end_headers()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--ports", default="18411,18412")
    args = parser.parse_args()
    ports = [int(p) for p in args.ports.split(",")]
    workdir = tempfile.mkdtemp(prefix="rapport-webhooks-")
    print(f"logs in {workdir}")
    receiver = Receiver(RECEIVER_PORT)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    replicas = []
    try:
        replicas = start_replicas(
            args.binary, args.database_url, workdir, ports, scheduler=True,
            extra={"RAPPORT_WEBHOOK_ALLOW_HTTP": "true", "RAPPORT_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1"},
        )
        status, _, body = request(
            f"{replicas[0].url}/api/v1/auth/token", "POST", body={"email": ADMIN[0], "password": ADMIN[1]}
        )
        expect(status, 200, "sign in", body)
        token = body["access_token"]
        status, _, hook = request(
            f"{replicas[0].url}/api/v1/webhooks", "POST", token,
            {"url": f"http://127.0.0.1:{RECEIVER_PORT}/rapport", "description": "CI receiver"},
        )
        expect(status, 201, "subscribe the receiver", hook)
        receiver.secret = hook["secret"]

        # Work on both replicas: each customer created on one and changed on the other.
        customers = []
        for i in range(CUSTOMERS):
            replica = replicas[i % 2]
            status, _, c = request(f"{replica.url}/api/v1/customers", "POST", token, {"name": f"Hook {i:02}"})
            expect(status, 201, "create a customer", c)
            customers.append(c["id"])
            version = c["version"]
            for u in range(UPDATES):
                other = replicas[(i + u + 1) % 2]
                status, _, c = request(
                    f"{other.url}/api/v1/customers/{c['id']}", "PATCH", token,
                    {"company": f"Company {u}"}, headers={"If-Match": f'"{version}"'},
                )
                expect(status, 200, "change a customer", c)
                version = c["version"]

        # The feed shows an event once no transaction still running can commit before it,
        # so a reader polls it from its cursor, as a consumer would.
        feed, after = [], None
        deadline = time.time() + 30
        while time.time() < deadline:
            path = "/api/v1/events?limit=200" + (f"&after={after}" if after else "")
            status, _, page = request(f"{replicas[1].url}{path}", token=token)
            expect(status, 200, "read the feed", page)
            feed.extend(e for e in page["items"] if e["customer_id"] in customers)
            after = page["next_cursor"]
            if len(feed) >= CUSTOMERS * (1 + UPDATES) and not page["items"]:
                break
            if not page["items"]:
                time.sleep(0.2)
        check(len(feed) >= CUSTOMERS * (1 + UPDATES), f"the feed holds the {len(feed)} events of the work")

        deadline = time.time() + 90
        while time.time() < deadline:
            with receiver.lock:
                got = {i for i, _ in receiver.delivered}
            if all(e["id"] in got for e in feed):
                break
            time.sleep(0.5)
        time.sleep(2)  # both workers run a few more passes: nothing more may arrive
        with receiver.lock:
            delivered = list(receiver.delivered)
            refused, unverified = receiver.refused, list(receiver.unverified)
        check(not unverified, f"every request verified with standardwebhooks ({unverified[:2]})")
        check(refused == FAIL_FIRST, f"the receiver refused its first {FAIL_FIRST} requests")
        ids = [i for i, _ in delivered]
        check(all(e["id"] in ids for e in feed), f"every event arrived after the receiver recovered ({len(ids)} taken)")
        check(len(ids) == len(set(ids)), "two replicas delivered each event once")
        for i, event in delivered:
            if event["id"] != i:
                raise SystemExit(f"FAIL webhook-id {i} is not the event's id {event['id']}")
        by_feed = {e["id"]: n for n, e in enumerate(feed)}
        for customer in customers:
            order = [by_feed[e["id"]] for _, e in delivered if e["customer_id"] == customer and e["id"] in by_feed]
            if order != sorted(order):
                raise SystemExit(f"FAIL customer {customer}'s events arrived out of order: {order}")
        check(True, f"each of the {CUSTOMERS} customers' events arrived in feed order")
        status, _, log = request(
            f"{replicas[0].url}/api/v1/webhooks/{hook['id']}/deliveries?limit=200&state=delivered", token=token
        )
        expect(status, 200, "the delivery log", log)
        retried = [d for d in log["items"] if d["attempts"] > 1]
        check(
            len(retried) == FAIL_FIRST and all(d["log"][0]["status_code"] == 503 for d in retried),
            f"the log shows the {FAIL_FIRST} deliveries that needed a second try",
        )
        for replica in replicas:
            with open(replica.log.name) as f:
                panics = [line for line in f if "panicked" in line]
            check(not panics, f"{replica.name} logged no panic")
        print("webhooks: all checks passed")
    finally:
        for replica in replicas:
            replica.stop()
        receiver.shutdown()


if __name__ == "__main__":
    sys.exit(main())
