#!/usr/bin/env python3
"""Checks a server's JSON log: every line is a JSON object, every answered request is logged
with its request id and route template, and no personal data the checks sent appears.

Usage: check_logs.py LOG FORBIDDEN...
"""

import json
import sys


def main():
    path, forbidden = sys.argv[1], sys.argv[2:]
    requests = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                raise SystemExit(f"FAIL {path}:{number} is not JSON: {line[:200]!r}")
            if not isinstance(entry, dict) or "level" not in entry or "timestamp" not in entry:
                raise SystemExit(f"FAIL {path}:{number} is not a log entry: {line[:200]!r}")
            if entry.get("message") == "request answered":
                requests += 1
                span = entry.get("span", {})
                if not span.get("request_id") or "http.route" not in entry:
                    raise SystemExit(f"FAIL {path}:{number} has no request id or route: {line[:300]!r}")
            for text in forbidden:
                if text in line:
                    raise SystemExit(f"FAIL {path}:{number} shows {text!r}: {line[:300]!r}")
    if requests == 0:
        raise SystemExit(f"FAIL {path} logged no request")
    print(f"ok  {path}: {number} JSON lines, {requests} requests each with a request id, none shows {forbidden}")


if __name__ == "__main__":
    main()
