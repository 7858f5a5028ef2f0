#!/usr/bin/env python3
"""Two Rapport replicas on one PostgreSQL database behind nginx, as DEPLOY in the README.

Checks what a deployment of several replicas relies on:

* nginx alternates requests between the replicas (round robin);
* a token signed by one replica is accepted by the other (shared RAPPORT_JWT_SECRET), and
  a password change on one revokes the user's tokens on both;
* scheduler passes released on both replicas at the same instant, and both replicas'
  background loops running at once, schedule each birthday greeting once and escalate each
  late complaint once.

Usage: replicas.py --binary target/release/rapport --database-url postgres://.../db
Needs nginx (Debian's package) on PATH or in /usr/sbin. Standard library only.
"""

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

SECRET = "replica-test-secret-that-is-long-enough-42"
ADMIN = ("admin@example.com", "replica-admin-password")
CUSTOMERS = 12
COMPLAINTS = 6
RELEASED_RUNS = 8


def request(url, method="GET", token=None, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            text = res.read().decode()
            return res.status, res.headers, (json.loads(text) if text else None)
    except urllib.error.HTTPError as err:
        text = err.read().decode()
        return err.code, err.headers, (json.loads(text) if text else None)


def expect(status, wanted, what, body=None):
    if status != wanted:
        raise SystemExit(f"FAIL {what}: HTTP {status}, wanted {wanted}: {body}")


def check(condition, what):
    if not condition:
        raise SystemExit(f"FAIL {what}")
    print(f"ok  {what}")


class Replica:
    def __init__(self, binary, name, port, database_url, workdir, scheduler, extra=None):
        self.name, self.port = name, port
        self.log = open(os.path.join(workdir, f"{name}.log"), "w")
        env = dict(
            os.environ,
            RAPPORT_DATABASE_URL=database_url,
            RAPPORT_BIND=f"127.0.0.1:{port}",
            RAPPORT_JWT_SECRET=SECRET,
            RAPPORT_BOOTSTRAP_ADMIN_EMAIL=ADMIN[0],
            RAPPORT_BOOTSTRAP_ADMIN_PASSWORD=ADMIN[1],
            RAPPORT_SCHEDULER="on" if scheduler else "off",
            RAPPORT_SCHEDULER_INTERVAL_SECS="1",
            RAPPORT_LOG="warn",
            RAPPORT_LOG_FORMAT="json",
            **(extra or {}),
        )
        self.process = subprocess.Popen(
            [binary, "serve"], env=env, stdout=self.log, stderr=subprocess.STDOUT
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self):
        for _ in range(120):
            if self.process.poll() is not None:
                raise SystemExit(f"FAIL replica {self.name} exited with {self.process.returncode}")
            try:
                if request(f"{self.url}/health/ready")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise SystemExit(f"FAIL replica {self.name} never became ready")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def start_replicas(binary, database_url, workdir, ports, scheduler, extra=None):
    # Both start at once, as after a deployment: migrations and seeding must not collide.
    replicas = [
        Replica(binary, f"replica-{i}-{'loop' if scheduler else 'http'}", port, database_url, workdir, scheduler, extra)
        for i, port in enumerate(ports, start=1)
    ]
    for replica in replicas:
        replica.wait_ready()
    return replicas


def start_nginx(workdir, listen, ports):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    upstreams = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
    conf = os.path.join(workdir, "nginx.conf")
    with open(conf, "w") as f:
        f.write(
            f"""
daemon off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    upstream rapport {{
{upstreams}
    }}
    server {{
        listen 127.0.0.1:{listen};
        client_max_body_size 21m;
        location / {{
            proxy_pass http://rapport;
            proxy_set_header Host $host;
            proxy_set_header X-Request-Id $request_id;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            # Which replica answered, so that the test can see the alternation.
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""
        )
    process = subprocess.Popen([nginx, "-p", workdir, "-c", conf])
    for _ in range(40):
        try:
            request(f"http://127.0.0.1:{listen}/health/live")
            return process
        except OSError:
            time.sleep(0.25)
    raise SystemExit("FAIL nginx did not start")


def released_at_once(calls):
    """Runs every call on its own thread, all released by one barrier."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def make_work(lb, token, agent_id, tag):
    """Customers whose birthday comes in 10 days, and complaints past their first response."""
    today = dt.date.today()
    soon = today + dt.timedelta(days=10)
    customers, complaints = [], []
    for i in range(CUSTOMERS):
        status, _, body = request(
            f"{lb}/api/v1/customers",
            "POST",
            token,
            {
                "name": f"Replica {tag} {i}",
                "birthday": f"1980-{soon.month:02d}-{soon.day:02d}",
                "owner_id": agent_id,
            },
        )
        expect(status, 201, "create a customer", body)
        customers.append(body["id"])
    received = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for i in range(COMPLAINTS):
        status, _, body = request(
            f"{lb}/api/v1/complaints",
            "POST",
            token,
            {
                "customer_id": customers[i],
                "subject": f"Late delivery {tag} {i}",
                "severity": "high",
                "received_at": received,
                "assignee_id": agent_id,
            },
        )
        expect(status, 201, "receive a complaint", body)
        complaints.append(body["id"])
    return customers, complaints


def assert_done_once(lb, token, customers, complaints, what):
    for customer in customers:
        status, _, body = request(
            f"{lb}/api/v1/touchpoints?customer_id={customer}&purpose=birthday", token=token
        )
        expect(status, 200, "list birthday touchpoints", body)
        if len(body["items"]) != 1:
            raise SystemExit(f"FAIL {what}: customer {customer} has {len(body['items'])} birthday touchpoints")
    for complaint in complaints:
        status, _, body = request(f"{lb}/api/v1/complaints/{complaint}/events?limit=200", token=token)
        expect(status, 200, "list complaint events", body)
        escalations = [e for e in body["items"] if e["kind"] == "escalation"]
        if len(escalations) != 1:
            raise SystemExit(f"FAIL {what}: complaint {complaint} escalated {len(escalations)} times")
    print(f"ok  {what}: {len(customers)} birthday greetings and {len(complaints)} escalations, each once")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--ports", default="18401,18402")
    parser.add_argument("--listen", type=int, default=18400)
    args = parser.parse_args()
    ports = [int(p) for p in args.ports.split(",")]
    lb = f"http://127.0.0.1:{args.listen}"
    workdir = tempfile.mkdtemp(prefix="rapport-replicas-")
    print(f"logs in {workdir}")
    replicas, nginx = [], None
    try:
        # Round one: background loops off, so that the only passes are those released here.
        replicas = start_replicas(args.binary, args.database_url, workdir, ports, scheduler=False)
        nginx = start_nginx(workdir, args.listen, ports)

        answered = [request(f"{lb}/health/ready")[1].get("X-Upstream") for _ in range(8)]
        expected = [f"127.0.0.1:{ports[i % len(ports)]}" for i in range(8)]
        # Round robin may start on either replica; it must then alternate.
        check(
            answered in (expected, expected[1:] + expected[:1]),
            f"nginx alternates between the replicas: {answered[:4]}",
        )

        status, _, body = request(
            f"{replicas[0].url}/api/v1/auth/token", "POST", body={"email": ADMIN[0], "password": ADMIN[1]}
        )
        expect(status, 200, "sign in on replica 1", body)
        token = body["access_token"]
        status, _, me = request(f"{replicas[1].url}/api/v1/me", token=token)
        expect(status, 200, "replica 2 accepts replica 1's token", me)
        check(me["email"] == ADMIN[0], "a token from replica 1 works on replica 2")

        users = []
        for role in ("agent", "manager"):
            status, _, body = request(
                f"{lb}/api/v1/users",
                "POST",
                token,
                {"email": f"{role}-{uuid.uuid4().hex[:8]}@example.com", "name": role.title(),
                 "role": role, "password": "a long enough password"},
            )
            expect(status, 201, f"create a {role}", body)
            users.append(body["id"])
        agent = users[0]

        # Revocation reaches every replica: the agent's token, signed by replica 1, is refused
        # on both once replica 2 has changed the agent's password.
        status, _, body = request(f"{lb}/api/v1/users/{agent}", token=token)
        expect(status, 200, "read the agent", body)
        agent_email = body["email"]
        status, _, body = request(
            f"{replicas[0].url}/api/v1/auth/token", "POST",
            body={"email": agent_email, "password": "a long enough password"},
        )
        expect(status, 200, "the agent signs in on replica 1", body)
        agent_token = body["access_token"]
        expect(request(f"{replicas[1].url}/api/v1/me", token=agent_token)[0], 200, "agent token on replica 2")
        status, headers, body = request(f"{replicas[1].url}/api/v1/users/{agent}", token=token)
        status, _, body = request(
            f"{replicas[1].url}/api/v1/users/{agent}", "PATCH", token,
            {"password": "another long enough password"}, headers={"If-Match": headers.get("ETag")},
        )
        expect(status, 200, "replica 2 changes the agent's password", body)
        refused = [request(f"{r.url}/api/v1/me", token=agent_token)[0] for r in replicas]
        check(refused == [401, 401], f"after a password change on replica 2, the old token is refused on both: {refused}")

        customers, complaints = make_work(lb, token, agent, "http")
        runs = released_at_once(
            [
                (lambda url=replicas[i % 2].url: request(f"{url}/api/v1/scheduler/run", "POST", token))
                for i in range(RELEASED_RUNS)
            ]
        )
        for status, _, body in runs:
            expect(status, 200, "scheduler run", body)
        affected = {}
        for _, _, body in runs:
            for p in body["passes"]:
                affected[p["name"]] = affected.get(p["name"], 0) + p["affected"]
        check(
            affected.get("yearly_greetings") == CUSTOMERS,
            f"{RELEASED_RUNS} runs released at once on both replicas created {CUSTOMERS} greetings in all "
            f"(reported {affected.get('yearly_greetings')})",
        )
        check(
            affected.get("complaint_escalations") == COMPLAINTS,
            f"... and escalated {COMPLAINTS} complaints in all (reported {affected.get('complaint_escalations')})",
        )
        assert_done_once(lb, token, customers, complaints, "runs released at once")

        # Round two: both replicas' own loops, every second, on new work.
        for replica in replicas:
            replica.stop()
        replicas = start_replicas(args.binary, args.database_url, workdir, ports, scheduler=True)
        customers, complaints = make_work(lb, token, agent, "loop")
        deadline = time.time() + 30
        while time.time() < deadline:
            status, _, body = request(
                f"{lb}/api/v1/touchpoints?purpose=birthday&limit=200", token=token
            )
            done = sum(1 for t in body["items"] if t["customer_id"] in customers)
            if done >= len(customers):
                break
            time.sleep(0.5)
        time.sleep(3)  # a few more passes on both replicas after the work is done
        assert_done_once(lb, token, customers, complaints, "both replicas' loops")

        for replica in replicas:
            with open(replica.log.name) as f:
                panics = [line for line in f if "panicked" in line]
            check(not panics, f"{replica.name} logged no panic")
        print("replicas: all checks passed")
    finally:
        for replica in replicas:
            replica.stop()
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
