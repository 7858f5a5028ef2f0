#!/usr/bin/env python3
"""Prepares schemathesis's run as two agents: each agent gets customers of its own (with an
interaction, a purchase, a touchpoint and a complaint, so that every kind of record a customer
has exists for both), and a Web Fuzzing Commons auth document names them as peers, whose
objects must stay invisible to each other (schemathesis's object_level_authorization check).

Usage: two_agents.py --url http://127.0.0.1:PORT --admin-email E --admin-password P --out auth.json
Standard library only.
"""

import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid


def request(url, method="GET", token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            text = res.read().decode()
            return res.status, json.loads(text) if text else None
    except urllib.error.HTTPError as err:
        text = err.read().decode()
        return err.code, json.loads(text) if text else None


def expect(status, wanted, what, body):
    if status != wanted:
        sys.exit(f"FAIL {what}: HTTP {status}, wanted {wanted}: {body}")


def sign_in(api, email, password):
    status, body = request(f"{api}/auth/token", "POST", body={"email": email, "password": password})
    expect(status, 200, f"sign-in of {email}", body)
    return body["access_token"]


def agent_with_customers(api, admin, name):
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.com"
    password = f"{name}-password-long-enough"
    status, body = request(
        f"{api}/users", "POST", admin,
        {"email": email, "name": name, "role": "agent", "password": password},
    )
    expect(status, 201, f"create {name}", body)
    token = sign_in(api, email, password)
    for n in range(3):
        status, customer = request(
            f"{api}/customers", "POST", token,
            {"name": f"{name} customer {n}", "email": f"{name}-{n}-{uuid.uuid4().hex[:6]}@example.com",
             "tags": [name]},
        )
        expect(status, 201, f"{name}'s customer", customer)
        cid = customer["id"]
        for path, record in [
            ("interactions", {"customer_id": cid, "channel": "phone", "direction": "outbound",
                              "summary": f"{name} call"}),
            (f"customers/{cid}/purchases", {"amount_minor": 1000 + n, "currency": "EUR",
                                            "description": f"{name} order"}),
            ("complaints", {"customer_id": cid, "subject": f"{name} complaint",
                            "description": "late delivery"}),
            ("touchpoints", {"customer_id": cid, "channel": "phone", "title": f"{name} check-in",
                             "due_at": "2027-01-15T10:00:00Z"}),
        ]:
            status, body = request(f"{api}/{path}", "POST", token, record)
            expect(status, 201, f"{name}'s {path}", body)
    return token


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--admin-email", required=True)
    parser.add_argument("--admin-password", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    api = f"{args.url}/api/v1"
    admin = sign_in(api, args.admin_email, args.admin_password)
    users = [(name, agent_with_customers(api, admin, name)) for name in ("agent-a", "agent-b")]
    document = {
        "auth": [
            {"name": name, "fixedHeaders": [{"name": "Authorization", "value": f"Bearer {token}"}]}
            for name, token in users
        ]
    }
    with open(args.out, "w") as out:
        json.dump(document, out, indent=2)
    print(f"two agents with customers of their own; auth document in {args.out}")


if __name__ == "__main__":
    main()
