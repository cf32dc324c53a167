#!/usr/bin/env python3
"""What the server's /metrics counted between two scrapes, per route pattern:
requests, mean latency, and the histogram bucket holding the 50th and 99th
percentile. Prints one JSON object for bench/report.py.

    bench/metrics_delta.py BEFORE AFTER
"""
import json
import re
import sys
from collections import defaultdict

# Greedy up to the last "} ": route patterns hold braces themselves (/p/{slug}).
SAMPLE = re.compile(r'^(haat_http_request[a-z_]*)\{(.*)\} ([0-9.eE+-]+)$')


def read(path):
    values = defaultdict(float)
    for line in open(path, encoding="utf-8"):
        match = SAMPLE.match(line)
        if not match:
            continue
        name, labels, value = match.groups()
        labels = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        route = labels.get("route", "")
        if name == "haat_http_requests_total":
            values[(route, "requests")] += float(value)
        elif name == "haat_http_request_duration_seconds_sum":
            values[(route, "sum")] += float(value)
        elif name == "haat_http_request_duration_seconds_bucket":
            values[(route, "le", float(labels["le"]))] += float(value)
    return values


def main():
    before, after = read(sys.argv[1]), read(sys.argv[2])
    routes = {}
    for key in after:
        if key[1] != "requests":
            continue
        route = key[0]
        if route == "/metrics":
            continue  # the scrapes themselves
        count = after[key] - before.get(key, 0)
        if count <= 0:
            continue
        total = after[(route, "sum")] - before.get((route, "sum"), 0)
        buckets = sorted(
            (k[2], after[k] - before.get(k, 0)) for k in after if k[0] == route and k[1] == "le"
        )

        def percentile(p):
            for upper, cumulative in buckets:
                if cumulative >= p * count:
                    return None if upper == float("inf") else round(upper * 1000, 2)
            return None

        routes[route] = {
            "requests": int(count),
            "mean_ms": round(total / count * 1000, 2),
            "p50_le_ms": percentile(0.5),
            "p99_le_ms": percentile(0.99),
        }
    print(json.dumps(routes))


if __name__ == "__main__":
    main()
