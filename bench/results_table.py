#!/usr/bin/env python3
"""Google Benchmark JSON files and cli_runs.py's JSON -> the markdown tables in
bench/results.md (tools/bench.sh)."""
import json
import statistics
import sys


def rate(value):
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if value >= scale:
            return f"{value / scale:.2f} {unit}"
    return f"{value:.0f} "


def print_cli_runs(results):
    print()
    print("Timed CLI runs (`bench/cli_runs.py`), interleaved; wall and CPU time are medians, "
          "peak memory the largest of any run.")
    print()
    print("| command | what | wall time (min–max) | CPU time | peak memory |")
    print("|---|---|---|---|---|")
    for r in results:
        walls = [run["wall_s"] for run in r["runs"]]
        cpu = statistics.median(run["cpu_s"] for run in r["runs"])
        rss = max(run["max_rss_mib"] for run in r["runs"])
        print(f"| `{r['command']}` | {r['name']} | {statistics.median(walls):.2f} s "
              f"({min(walls):.2f}–{max(walls):.2f}, {len(walls)} runs) | {cpu:.2f} s | "
              f"{rss:.1f} MiB |")


def print_side_by_side(results):
    # Pairs by trace the runs cli_runs.py made of the real collector and of gcsim on one file.
    traces = {}
    for r in results:
        if "compare" in r:
            traces.setdefault(r["compare"]["trace"], {})[r["compare"]["side"]] = r
    if not traces:
        return
    print()
    print("Against the real collector, from the runs above: `bench_real_gc` (MicroPython's "
          "py/gc.c, gc_info after every event, per-event CSV written) and gcsim end to end "
          "(process start, reading .jsonl, replay, CSV to disk) on the same file and heap; CPU "
          "time medians, events/s of the whole command.")
    print()
    print("| trace | events | real py/gc.c | gcsim, CSV | ratio | gcsim, no CSV | ratio |")
    print("|---|---|---|---|---|---|---|")
    for trace, sides in traces.items():
        if set(sides) != {"real", "gcsim_csv", "gcsim"}:
            continue
        events = sides["real"]["compare"]["events"]
        cpu = {side: statistics.median(run["cpu_s"] for run in r["runs"])
               for side, r in sides.items()}
        cell = lambda side: f"{cpu[side]:.3f} s: {rate(events / cpu[side])}events/s"
        print(f"| {trace} | {events:,} | {cell('real')} | {cell('gcsim_csv')} | "
              f"**{cpu['real'] / cpu['gcsim_csv']:.0f}×** | {cell('gcsim')} | "
              f"{cpu['real'] / cpu['gcsim']:.0f}× |")


def print_record_runs(results):
    print()
    print("What a recording costs (`bench/record_runs.py`): each script run plain and under "
          "`gcsim record`, interleaved; wall and CPU time (MicroPython's and gcsim's) are "
          "medians.")
    print()
    print("| script | plain: wall, CPU | recorded: wall, CPU | wall ratio | events | trace |")
    print("|---|---|---|---|---|---|")
    for r in results:
        med = lambda runs, key: statistics.median(run[key] for run in runs)
        plain_wall, record_wall = med(r["plain"], "wall_s"), med(r["record"], "wall_s")
        print(f"| {r['name']} | {plain_wall:.3f} s, {med(r['plain'], 'cpu_s'):.3f} s | "
              f"{record_wall:.3f} s, {med(r['record'], 'cpu_s'):.3f} s | "
              f"{record_wall / plain_wall:.1f}x | {r['events']:,} | "
              f"{r['trace_bytes'] / 1e6:.1f} MB |")


def main(paths):
    rows, context, medians, cli_runs, record_runs = [], None, False, [], []
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        if "cli_runs" in data:
            cli_runs += data["cli_runs"]
            continue
        if "record_runs" in data:
            record_runs += data["record_runs"]
            continue
        context = context or data["context"]
        # Interleaved repetitions run in a shuffled order; the table keeps the declared one.
        order = lambda b: (b.get("family_index", 0), b.get("per_family_instance_index", 0))
        for b in sorted(data["benchmarks"], key=order):
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            medians = medians or b.get("run_type") == "aggregate"
            extra = []
            if "items_per_second" in b:
                extra.append(f"{rate(b['items_per_second'])}items/s")
            if "bytes_per_second" in b:
                extra.append(f"{b['bytes_per_second'] / 1e6:.1f} MB/s")
            for key in ("collections", "blocks_marked", "events", "bytes"):
                if key in b:
                    extra.append(f"{key} {b[key]:,.0f}")
            name = b["run_name"] if b.get("run_type") == "aggregate" else b["name"]
            rows.append((name, f"{b['cpu_time']:,.1f} {b['time_unit']}",
                         f"{b['real_time']:,.1f} {b['time_unit']}", ", ".join(extra)))
    print("# Benchmark results")
    print()
    print(f"Made by `bash tools/bench.sh` on {context['date']}: {context['num_cpus']} CPUs at "
          f"{context['mhz_per_cpu']} MHz, load average {context['load_avg'][0]:.2f}, gcsim built "
          "Release. Times are per iteration"
          + (", the median of interleaved repetitions" if medians else "")
          + "; CPU time is what to compare when the machine is busy.")
    print()
    print("| benchmark | CPU time | wall time | rate and counters |")
    print("|---|---|---|---|")
    for name, cpu, real, extra in rows:
        print(f"| `{name}` | {cpu} | {real} | {extra} |")
    if cli_runs:
        print_cli_runs(cli_runs)
        print_side_by_side(cli_runs)
    if record_runs:
        print_record_runs(record_runs)


if __name__ == "__main__":
    main(sys.argv[1:])
