#!/usr/bin/env python3
"""Turns one bench/run's raw figures into bench/results.json and bench/RESULTS.md,
checking each against the targets of the benchmark issue.

  report.py RAW_DIR RESULTS_JSON RESULTS_MD"""

import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

# Targets (2-core machine, release build, loopback): the storefront issue's.
STOREFRONT_ROUTES = ("home", "category_filtered", "product", "search_typo")
# Throughput at 64 connections as a share of the reference route's.
MIN_RATIO = {"product": 0.25, "category_filtered": 0.15, "search_typo": 0.15}
P99_MS = {"demo": 20, "large": 40}
# 100,000 products: each storefront page within 1.5x its demo-shop throughput.
LARGE_SLOWDOWN = 1.5
MEMORY_MB = 64
BUNDLE_GZIP_BYTES = 100_000
LIGHTHOUSE_MIN = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}

ROUTE_LABELS = {
    "reference": "reference (`/robots.txt`)",
    "home": "home",
    "category_filtered": "category, filtered and sorted",
    "product": "product page",
    "search_typo": "search with a typo",
    "add_to_cart": "add to cart (new visitor)",
    "place_order": "place an order (cart of one)",
}


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines()
                      if l.startswith("MemTotal")))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
    }


def commit():
    def git(*args):
        return subprocess.run(["git", *args], capture_output=True, text=True).stdout.strip()
    sha = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return sha + ("+uncommitted changes" if dirty else "")


def load_runs(raw: Path):
    runs = [json.loads(line) for line in (raw / "load.jsonl").read_text().splitlines() if line.strip()]
    # The reference each run is compared with: same catalogue, connections and tool.
    reference = {
        (r["catalogue"], r["connections"], r.get("tool", "wrk")): r
        for r in runs if r["route"] == "reference"
    }
    rows = []
    for r in runs:
        res = r["result"]
        seconds = res["duration_us"] / 1e6
        rps = res["requests"] / seconds if seconds else 0
        ref = reference[(r["catalogue"], r["connections"], r.get("tool", "wrk"))]["result"]
        ref_rps = ref["requests"] / (ref["duration_us"] / 1e6)
        rows.append({
            "catalogue": r["catalogue"],
            "route": r["route"],
            "tool": r.get("tool", "wrk"),
            "connections": r["connections"],
            "requests_per_second": round(rps, 1),
            "p50_ms": round(res["p50_us"] / 1000, 2),
            "p99_ms": round(res["p99_us"] / 1000, 2),
            "errors": res["errors"],
            "ratio_to_reference": round(rps / ref_rps, 3) if ref_rps else None,
        })
    return rows


def lighthouse(raw: Path):
    pages = {}
    for path in sorted((raw / "lighthouse").glob("*.json")):
        page = path.stem.rsplit("-", 1)[0]
        report = json.loads(path.read_text())
        audits = report["audits"]
        pages.setdefault(page, []).append({
            **{k: round(v["score"] * 100) for k, v in report["categories"].items()},
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "transfer_bytes": audits["total-byte-weight"]["numericValue"],
        })
    # The median of the runs, figure by figure.
    return {
        page: {key: statistics.median(run[key] for run in runs) for key in runs[0]} | {"runs": len(runs)}
        for page, runs in pages.items()
    }


def check_targets(rows, memory, bundle, pages):
    checks = []
    at64 = {(r["catalogue"], r["route"]): r for r in rows if r["connections"] == 64 and r["tool"] == "wrk"}
    for route, minimum in MIN_RATIO.items():
        row = at64[("demo", route)]
        checks.append({
            "target": f"{ROUTE_LABELS[route]}, demo shop, 64 connections: ≥ {minimum} × reference",
            "measured": f"{row['ratio_to_reference']} × ({row['requests_per_second']:.0f} req/s)",
            "met": row["ratio_to_reference"] >= minimum,
        })
    for catalogue, limit in P99_MS.items():
        for route in STOREFRONT_ROUTES:
            row = at64[(catalogue, route)]
            checks.append({
                "target": f"{ROUTE_LABELS[route]}, {catalogue} catalogue, 64 connections: p99 ≤ {limit} ms",
                "measured": f"{row['p99_ms']} ms",
                "met": row["p99_ms"] <= limit,
            })
    for route in STOREFRONT_ROUTES:
        demo, large = at64[("demo", route)], at64[("large", route)]
        slowdown = demo["requests_per_second"] / max(large["requests_per_second"], 0.1)
        checks.append({
            "target": f"{ROUTE_LABELS[route]}, 100,000 products: within {LARGE_SLOWDOWN} × the demo shop's throughput",
            "measured": f"{slowdown:.2f} × slower ({large['requests_per_second']:.0f} vs {demo['requests_per_second']:.0f} req/s)",
            "met": slowdown <= LARGE_SLOWDOWN,
        })
    errors = sum(r["errors"] for r in rows)
    checks.append({"target": "no errors in any load run", "measured": str(errors), "met": errors == 0})
    for catalogue, mb in memory.items():
        checks.append({
            "target": f"server peak memory, {catalogue} catalogue: ≤ {MEMORY_MB} MB",
            "measured": f"{mb} MB",
            "met": mb <= MEMORY_MB,
        })
    gz = bundle["total"]["gzip"]
    checks.append({
        "target": f"storefront wasm + JS ≤ {BUNDLE_GZIP_BYTES // 1000} KB gzip",
        "measured": f"{gz / 1000:.1f} KB",
        "met": gz <= BUNDLE_GZIP_BYTES,
    })
    for page, figures in pages.items():
        checks.append({
            "target": f"first visit to {page}, everything transferred: ≤ 200 KB",
            "measured": f"{figures['transfer_bytes'] / 1000:.1f} KB",
            "met": figures["transfer_bytes"] <= 200_000,
        })
        for category, minimum in LIGHTHOUSE_MIN.items():
            checks.append({
                "target": f"Lighthouse {category}, {page}: ≥ {minimum}",
                "measured": str(figures[category]),
                "met": figures[category] >= minimum,
            })
    return checks


def before_and_after(results, previous):
    """This run against the committed results of the run before it."""
    if not previous:
        return []
    old = {(r["catalogue"], r["route"], r["connections"], r.get("tool", "wrk")): r for r in previous["load"]}
    out = [
        "## Before and after",
        "",
        f"This run (`{results['commit']}`) against the previous committed run "
        f"(`{previous.get('commit', '?')}`, {previous.get('date', '?')}), same script and machine.",
        "",
        "| Catalogue | Route | Conns | req/s before | req/s after | p99 ms before | p99 ms after |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in results["load"]:
        o = old.get((r["catalogue"], r["route"], r["connections"], r["tool"]))
        if o:
            out.append(
                f"| {r['catalogue']} | {ROUTE_LABELS[r['route']]} | {r['connections']} "
                f"| {o['requests_per_second']:.0f} | {r['requests_per_second']:.0f} | {o['p99_ms']} | {r['p99_ms']} |"
            )
    ob, nb = previous["bundle"]["total"], results["bundle"]["total"]
    out += [
        "",
        f"Browser bundle: {ob['gzip'] / 1000:.0f} KB gzip / {(ob['brotli'] or 0) / 1000:.0f} KB brotli before, "
        f"{nb['gzip'] / 1000:.0f} KB gzip / {(nb['brotli'] or 0) / 1000:.0f} KB brotli after.",
        "",
    ]
    for page, f in results["lighthouse"].items():
        o = previous.get("lighthouse", {}).get(page)
        if o:
            out.append(
                f"- Lighthouse {page}: performance {o['performance']} → {f['performance']}, "
                f"LCP {o['lcp_ms']:.0f} → {f['lcp_ms']:.0f} ms, transferred "
                f"{o['transfer_bytes'] / 1000:.0f} → {f['transfer_bytes'] / 1000:.0f} KB."
            )
    return out + [""]


def markdown(results):
    m = results["machine"]
    out = [
        "# Benchmark results",
        "",
        f"Written by `bench/run` on {results['date']}, commit `{results['commit']}`.",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, Linux {m['kernel']}. "
        "Server, PostgreSQL and the load generator share these cores over loopback; "
        "release build; wrk for pages and add to cart, `bench/order_flow.rs` for placing orders.",
        "",
        "## Targets",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
    ]
    for c in results["targets"]:
        out.append(f"| {c['target']} | {c['measured']} | {'yes' if c['met'] else '**no**'} |")
    for catalogue, title in (("demo", "Demo shop"), ("large", "Demo shop + 100,000 generated products")):
        products = results["catalogues"][catalogue]["products"]
        out += [
            "",
            f"## Load: {title} ({products} products)",
            "",
            "Requests per second, latency, errors, and throughput as a ratio to the reference "
            "route of the same server in the same run (same tool, same connections).",
            "",
            "| Route | Conns | req/s | p50 ms | p99 ms | Errors | × reference |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in results["load"]:
            if r["catalogue"] == catalogue:
                label = ROUTE_LABELS[r["route"]] + (" ¹" if r["tool"] == "order_flow" else "")
                out.append(
                    f"| {label} | {r['connections']} | {r['requests_per_second']:.0f} | {r['p50_ms']} "
                    f"| {r['p99_ms']} | {r['errors']} | {r['ratio_to_reference']} |"
                )
        c = results["catalogues"][catalogue]
        out += ["", f"Server peak memory (VmHWM): {c['peak_memory_mb']} MB."]
        if c.get("generate_seconds") is not None:
            out.append(f"Generating the 100,000 products took {c['generate_seconds']} s.")
    out += [
        "",
        "¹ Measured by `bench/order_flow.rs`: each connection is a shopper with its own cart "
        "who adds a product and places the order; only the order is timed, and its "
        "reference row is that tool's own run on `/robots.txt`.",
        "",
        "## Browser bundle (the islands)",
        "",
        "| File | Raw | gzip | brotli |",
        "|---|---:|---:|---:|",
    ]
    b = results["bundle"]
    for f in b["files"] + [{"file": "**total**", **b["total"]}]:
        out.append(f"| {f['file']} | {f['raw']:,} | {f['gzip']:,} | {(f['brotli'] or 0):,} |")
    out += [
        "",
        "## Lighthouse 12.8.2 (mobile, median of three runs)",
        "",
        "| Page | Performance | Accessibility | Best practices | SEO | LCP ms | TBT ms | CLS | Transferred |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, f in results["lighthouse"].items():
        out.append(
            f"| {page} | {f['performance']} | {f['accessibility']} | {f['best-practices']} | {f['seo']} "
            f"| {f['lcp_ms']:.0f} | {f['tbt_ms']:.0f} | {f['cls']:.3f} | {f['transfer_bytes'] / 1000:.1f} KB |"
        )
    out += [
        "",
        "\"Transferred\" is everything the page loads on a first visit, compressed as sent "
        "(Lighthouse's total byte weight).",
        "",
    ]
    out += server_metrics(results)
    out += limits(results)
    out += before_and_after(results, results.get("previous"))
    return "\n".join(out)


def server_metrics(results):
    """What the server's own /metrics counted for each wrk route (both runs,
    1 and 64 connections), beside what wrk counted."""
    counted = results.get("server_metrics") or []
    if not counted:
        return []
    out = [
        "## The server's own count (`/metrics`)",
        "",
        "Scraped before and after each route's two wrk runs. wrk counts the answers it "
        "received; the server also counts those still in flight when wrk stopped (at "
        "most one per connection). Latency is the server's time to the response's "
        "headers; the percentile columns are the upper bounds of histogram buckets.",
        "",
        "| Catalogue | Route | Route pattern | wrk requests | /metrics requests | wrk mean ms | /metrics mean ms | /metrics p50 ≤ ms | /metrics p99 ≤ ms |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in counted:
        for pattern, s in entry["server"].items():
            out.append(
                f"| {entry['catalogue']} | {ROUTE_LABELS[entry['route']]} | `{pattern}` "
                f"| {entry['wrk_requests']:,} | {s['requests']:,} | {entry['wrk_mean_ms']} "
                f"| {s['mean_ms']} | {s['p50_le_ms']} | {s['p99_le_ms']} |"
            )
    return out + [""]


def read_server_metrics(raw: Path):
    path = raw / "metrics.jsonl"
    if not path.exists():
        return []
    runs = [json.loads(l) for l in (raw / "load.jsonl").read_text().splitlines() if l.strip()]
    entries = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        mine = [r["result"] for r in runs
                if r["catalogue"] == entry["catalogue"] and r["route"] == entry["route"]
                and r.get("tool", "wrk") == "wrk"]
        requests = sum(r["requests"] for r in mine)
        # wrk's mean over both runs, weighted by requests: duration × connections / requests.
        busy_us = sum(r["duration_us"] * c for r, c in zip(mine, (1, 64)))
        entry["wrk_requests"] = requests
        entry["wrk_mean_ms"] = round(busy_us / requests / 1000, 2) if requests else None
        entries.append(entry)
    return entries


def limits(results):
    """The missed targets, with the figures of this run that bound them; the
    profile behind them is in bench/PROFILE.md."""
    missed = [c for c in results["targets"] if not c["met"]]
    if not missed:
        return ["## All targets met", ""]
    out = ["## Missed targets", ""]
    out += [f"- {c['target']}: {c['measured']}." for c in missed]
    out += ["", "What limits each is written up in `bench/PROFILE.md`.", ""]
    return out


def main():
    raw, json_out, md_out = (Path(a) for a in sys.argv[1:4])
    previous = json.loads(json_out.read_text()) if json_out.exists() else None
    rows = load_runs(raw)
    catalogues = {}
    for name in ("demo", "large"):
        generate = raw / f"{name}.generate_seconds"
        catalogues[name] = {
            "products": int((raw / f"{name}.products").read_text()),
            "peak_memory_mb": round(int((raw / f"{name}.peak_kb").read_text()) / 1024, 1),
            "generate_seconds": int(generate.read_text()) if generate.exists() else None,
        }
    bundle = json.loads((raw / "bundle.json").read_text())
    pages = lighthouse(raw)
    memory = {k: v["peak_memory_mb"] for k, v in catalogues.items()}
    results = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit(),
        "machine": machine(),
        "catalogues": catalogues,
        "load": rows,
        "bundle": bundle,
        "lighthouse": pages,
        "targets": check_targets(rows, memory, bundle, pages),
        "server_metrics": read_server_metrics(raw),
    }
    json_out.write_text(json.dumps(results, indent=2) + "\n")
    md_out.write_text(markdown(results | {"previous": previous}))


if __name__ == "__main__":
    main()
