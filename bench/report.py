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

# Targets (2-core machine, release build, loopback).
P99_MS = {"demo": 20, "large": 40}
P99_ROUTES = ("category_filtered", "product", "search_typo")
MEMORY_MB = 100
BUNDLE_GZIP_BYTES = 250_000
LIGHTHOUSE_MIN = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

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
    for catalogue, limit in P99_MS.items():
        for row in rows:
            if row["catalogue"] == catalogue and row["connections"] == 64 and row["route"] in P99_ROUTES:
                checks.append({
                    "target": f"{ROUTE_LABELS[row['route']]}, {catalogue} catalogue, 64 connections: p99 ≤ {limit} ms",
                    "measured": f"{row['p99_ms']} ms",
                    "met": row["p99_ms"] <= limit,
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
        "target": f"hydration bundle ≤ {BUNDLE_GZIP_BYTES // 1000} KB gzip",
        "measured": f"{gz / 1000:.1f} KB",
        "met": gz <= BUNDLE_GZIP_BYTES,
    })
    for page, figures in pages.items():
        for category, minimum in LIGHTHOUSE_MIN.items():
            checks.append({
                "target": f"Lighthouse {category}, {page}: ≥ {minimum}",
                "measured": str(figures[category]),
                "met": figures[category] >= minimum,
            })
    return checks


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
        "## Hydration bundle",
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
    out += limits(results)
    return "\n".join(out)


def limits(results):
    """What stands between the missed targets and their figures, from this run."""
    missed = [c for c in results["targets"] if not c["met"]]
    if not missed:
        return ["## All targets met", ""]
    load = {(r["catalogue"], r["route"], r["connections"], r["tool"]): r for r in results["load"]}
    out = ["## What limits the missed targets", ""]
    if any("p99" in c["target"] for c in missed):
        page = load[("demo", "product", 64, "wrk")]
        one = load[("demo", "product", 1, "wrk")]
        ref = load[("demo", "reference", 64, "wrk")]
        needed = 64 / 0.020
        out += [
            f"- **Latency at 64 connections.** With 64 requests always in flight, p99 is about "
            f"64 ÷ throughput: a product page is served {page['requests_per_second']:.0f} times a "
            f"second here, so its p99 is {page['p99_ms']} ms; 20 ms needs about {needed:,.0f} a "
            f"second, {needed / page['requests_per_second']:.1f}× as many. A single request takes "
            f"{one['p50_ms']} ms (p50 on one connection), so the server is not waiting on anything: "
            f"every page costs CPU that the server, PostgreSQL and wrk share on 2 cores. The "
            f"reference route reaches {ref['requests_per_second']:,.0f} a second on the same "
            f"server, so the cost is in the page itself: its queries, one after another (five for "
            f"a product page: the header's settings and menus, the product, its photos, what was "
            f"bought with it), and rendering the whole page with its hydration data. Compressing "
            f"it (brotli level 4, about 17 KB of HTML for a product page) is not what holds it back: "
            f"served uncompressed it is no faster.",
        ]
        large_search = load.get(("large", "search_typo", 1, "wrk"))
        large_home = load.get(("large", "home", 1, "wrk"))
        large_cat = load.get(("large", "category_filtered", 1, "wrk"))
        if large_search and large_home and large_cat:
            out += [
                f"- **100,000 products.** Search ({large_search['p50_ms']} ms on one connection) "
                f"ranks every product whose name is similar to a misspelt word (trigram "
                f"similarity over thousands of candidates) before it can cut a page; the home page "
                f"({large_home['p50_ms']} ms) counts the products of every category; the filtered "
                f"category ({large_cat['p50_ms']} ms) sorts every match to count and page them. "
                f"Each needs its own work: a search that cuts candidates before ranking, counts "
                f"kept per category, and a count separate from an index-ordered page.",
            ]
    if any("bundle" in c["target"] for c in missed):
        gz = results["bundle"]["total"]["gzip"]
        out += [
            f"- **Hydration bundle ({gz / 1000:.0f} KB gzip).** Every page of the app — storefront, "
            f"account, partner dashboard, CRM and admin — hydrates from one wasm file built with "
            f"opt-level \"z\", LTO, one codegen unit and wasm-opt. The storefront alone would need "
            f"the other areas split out (Leptos lazy routes with `cargo leptos --split`) or "
            f"islands, so that a shopper downloads only the storefront's code.",
        ]
    if any("performance" in c["target"] for c in missed):
        lcp = max(f["lcp_ms"] for f in results["lighthouse"].values())
        out += [
            f"- **Lighthouse performance.** Accessibility, best practices and SEO are at 100; "
            f"performance is held down by LCP (up to {lcp / 1000:.1f} s on the simulated slow-4G "
            f"mobile profile): the page's HTML arrives in milliseconds, but the wasm above is "
            f"preloaded in the head and shares the throttled link with the stylesheet. The same "
            f"split of the bundle is the fix.",
        ]
    return out + [""]


def main():
    raw, json_out, md_out = (Path(a) for a in sys.argv[1:4])
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
    }
    json_out.write_text(json.dumps(results, indent=2) + "\n")
    md_out.write_text(markdown(results))


if __name__ == "__main__":
    main()
