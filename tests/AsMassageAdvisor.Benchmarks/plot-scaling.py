#!/usr/bin/env python3
"""Draws docs/performance-scaling.svg from BenchmarkDotNet's CSV reports of the scaling benchmarks.

Usage: plot-scaling.py RESULTS_DIR OUT.svg
RESULTS_DIR is BenchmarkDotNet.Artifacts/results; it needs the RuleCountBenchmarks and PlanSizeBenchmarks
reports (run with --exporters csv, which is BenchmarkDotNet's default set).
"""
import csv, glob, math, os, sys

def read(results, name):
    path = glob.glob(os.path.join(results, f"*{name}-report.csv"))[0]
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def micros(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1e-3, "us": 1, "μs": 1, "ms": 1e3, "s": 1e6}[unit]

def panel(x0, title, xlabel, series, width=420, height=300):
    """One log-log panel: series is a list of (label, colour, [(x, y_us)])."""
    xs = [x for _, _, pts in series for x, _ in pts]
    ys = [y for _, _, pts in series for _, y in pts]
    lx0, lx1 = math.log10(min(xs)), math.log10(max(xs))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    left, top, w, h = x0 + 60, 40, width - 80, height - 90
    sx = lambda x: left + (math.log10(x) - lx0) / (lx1 - lx0 or 1) * w
    sy = lambda y: top + h - (math.log10(y) - ly0) / (ly1 - ly0 or 1) * h
    out = [f'<text x="{x0 + width / 2}" y="20" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<rect x="{left}" y="{top}" width="{w}" height="{h}" fill="none" stroke="#888"/>']
    for e in range(ly0, ly1 + 1):
        y = sy(10 ** e)
        label = f"{10 ** e:g} µs" if e < 3 else f"{10 ** (e - 3):g} ms"
        out.append(f'<line x1="{left}" x2="{left + w}" y1="{y}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 5}" y="{y + 4}" text-anchor="end" font-size="11">{label}</text>')
    for x in sorted(set(xs)):
        out.append(f'<text x="{sx(x)}" y="{top + h + 16}" text-anchor="middle" font-size="11">{x:g}</text>')
    out.append(f'<text x="{left + w / 2}" y="{top + h + 34}" text-anchor="middle" font-size="12">{xlabel}</text>')
    for n, (label, colour, pts) in enumerate(series):
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in sorted(pts))
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{colour}"/>' for x, y in pts]
        out.append(f'<text x="{left + 8}" y="{top + 16 + 14 * n}" font-size="11" fill="{colour}">{label}</text>')
    return out

def main(results, target):
    rules = read(results, "RuleCountBenchmarks")
    items = read(results, "PlanSizeBenchmarks")
    rules = [r for r in rules if r["Mean"] != "NA"]
    load = [(float(r["Rules"]), micros(r["Mean"])) for r in rules if r["Method"].startswith("'load")]
    assess = [(float(r["Rules"]), micros(r["Mean"])) for r in rules if r["Method"] == "assess"]
    per_items = [(float(r["Items"]), micros(r["Mean"])) for r in items]
    body = panel(0, "Cost against rule count", "rules (typical 3-item plan)",
                 [("load", "#c0392b", load), ("assess", "#2471a3", assess)])
    body += panel(440, "Cost against plan size", "plan items (built-in rules)", [("assess", "#2471a3", per_items)])
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="880" height="300" font-family="sans-serif">',
           '<rect width="880" height="300" fill="white"/>', *body, "</svg>"]
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
