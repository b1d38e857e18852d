#!/usr/bin/env python3
"""Checks gcsim sweep's reports with real parsers (ctest: sweep.reports).

Usage: check_reports.py GCSIM TESTS_DIR

- JUnit XML is well-formed (xml.etree) and its tests/failures/skipped counts add up, with and
  without a gate (then a cell with MemoryErrors is a failing case), for a baseline regression,
  for budgets and for a baseline that matches no cell (a failing "gate" case);
- every markdown table has as many cells in each row as in its header;
- --markdown is appended to $GITHUB_STEP_SUMMARY (what was there is kept);
- the JSON (json module) has schema gcsim-sweep/2 and cells_total cells with the issue's fields;
- the --html page parses as XML (xml.etree) and as HTML with every element closed in order
  (html.parser), holds one chart per cell of the --json written by the same run, each with as
  many collections (the sum of its ticks' data-count) and MemoryErrors as that cell and a caption
  saying so, a results row per cell, the recommended cells marked, a minimum-heap row per
  search with its islands, the gate's verdict, and is byte-identical for -j 1 and -j 3.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

GCSIM, TESTS = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(TESTS, "unit", "report"))
from report_html_test import Nesting  # noqa: E402
CLI = os.path.join(TESTS, "cli")
SWEEP = ["sweep", "data/classes.jsonl", "--thresholds", "off,quarter,1000", "--heap-sizes", "4096,8K", "--quiet"]


def run(args, want_exit, env=None):
    p = subprocess.run([GCSIM] + args, cwd=CLI, env=env, capture_output=True, text=True)
    assert p.returncode == want_exit, f"gcsim {' '.join(args)}: exit {p.returncode}, want {want_exit}: {p.stderr}"


def check_junit(path, want_cases, want_failures):
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites", root.tag
    cases = root.findall("./testsuite/testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert int(root.get("tests")) == len(cases) == want_cases, (root.get("tests"), len(cases))
    assert int(root.get("failures")) == len(failures) == want_failures, (root.get("failures"), len(failures))
    assert int(root.get("skipped")) == len(skipped)
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
    for case in cases:
        assert case.get("classname", "").startswith("gcsim.sweep.") and case.get("name"), case.attrib
        for f in case.findall("failure"):
            assert f.get("message"), case.attrib


def cells(row):
    return len(re.split(r"(?<!\\)\|", row.strip())) - 2


def check_markdown(text):
    tables = 0
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|") and (i == 0 or not lines[i - 1].startswith("|")):
            tables += 1
            header = cells(line)
            assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[i + 1]), lines[i + 1]
            j = i + 1
            while j < len(lines) and lines[j].startswith("|"):
                assert cells(lines[j]) == header, (lines[j], header)
                j += 1
    return tables


def counted(svg, cls):
    """The collections (MemoryErrors) the elements of class `cls` in a small multiple stand for."""
    total = 0
    for e in svg.iter():
        if cls in e.get("class", "").split():
            assert e.get("data-count"), e.attrib
            total += int(e.get("data-count"))
    return total


def check_html(path, doc):
    text = open(path, encoding="utf-8").read()
    nesting = Nesting()
    nesting.feed(text)
    nesting.close()
    assert not nesting.problems and not nesting.stack, (nesting.problems, nesting.stack)
    root = ET.fromstring(text.split("\n", 1)[1])  # after <!DOCTYPE html>
    charts = [e for e in root.iter() if "curve-chart" in e.get("class", "").split()]
    assert len(charts) == len(doc["cells"]) == doc["cells_total"], (len(charts), doc["cells_total"])
    for svg, cell in zip(charts, doc["cells"]):
        assert svg.get("id") == f"cell-{cell['index']}", (svg.get("id"), cell["index"])
        for cls, want in (("collection-tick", cell["collections"]["total"]),
                          ("cause-threshold", cell["collections"]["threshold"]),
                          ("cause-oom", cell["collections"]["oom"]),
                          ("cause-explicit", cell["collections"]["explicit"]),
                          ("failure-marker", cell["failures"]["total"])):
            got = counted(svg, cls)
            assert got == want, f"{svg.get('id')}: {got} .{cls}, want {want}"
    def plural(n, one, many):
        return f"{n:,} {one if n == 1 else many}"
    captions = [e.text for e in root.iter() if e.get("class") == "counts"]
    assert captions == [f"{plural(c['collections']['total'], 'collection', 'collections')} · "
                        f"{plural(c['failures']['total'], 'MemoryError', 'MemoryErrors')}"
                        for c in doc["cells"]], captions[:3]
    rows = [e for e in root.iter() if "sweep-row" in e.get("class", "").split()]
    assert [r.get("id") for r in rows] == [f"row-{c['index']}" for c in doc["cells"]]
    for kind, key in (("recommended-best", "best"), ("recommended-runner-up", "runner_up")):
        marked = [e.find("{http://www.w3.org/2000/svg}svg").get("id") for e in root.iter()
                  if kind in e.get("class", "").split()]
        assert marked == [f"cell-{r[key]['cell']}" for r in doc["recommendations"]], (kind, marked)
    sections = [e for e in root.iter() if "sweep-trace" in e.get("class", "").split()]
    assert len(sections) == len(doc["traces"])
    X = "{http://www.w3.org/1999/xhtml}"
    for section, trace in zip(sections, doc["traces"]):
        searches = [m for m in doc["min_heap"] if m["trace"] == trace["name"]]
        tables = [e for e in section.iter() if "min-heaps" in e.get("class", "").split()]
        assert len(tables) == (1 if searches else 0), trace["name"]
        if not searches:
            continue
        rows = tables[0].findall(f"{X}tr")[1:]
        assert len(rows) == len(searches), (len(rows), len(searches))
        for row, m in zip(rows, searches):
            tds = row.findall(f"{X}td")
            assert tds[0].text == m["threshold"], (tds[0].text, m["threshold"])
            want = f"{m['heap_bytes']:,}" if m["heap_bytes"] is not None else f"> {m['searched_to_bytes']:,}"
            assert tds[1].text == want, (tds[1].text, want)
            islands = [e for e in tds[5].iter() if e.tag == f"{X}li"]
            assert len(islands) == len(m["islands"]), (len(islands), len(m["islands"]))
            for li, run in zip(islands, m["islands"]):
                assert ("island-pass" if run["passes"] else "island-fail") == li.get("class")
    gates = [e for e in root.iter() if "gate" in e.get("class", "").split()]
    if doc["gate"] is None:
        assert not gates
    else:
        assert len(gates) == 1
        assert ("gate-passed" if doc["gate"]["passed"] else "gate-failed") in gates[0].get("class").split()
    return text


with tempfile.TemporaryDirectory() as tmp:
    # The HTML page of a two-trace sweep: the classes walk-through (every MemoryError class) and
    # fragmentation.jsonl (4,489 events, more collections than a small multiple has pixels).
    page, js = os.path.join(tmp, "sweep.html"), os.path.join(tmp, "sweep.json")
    html_sweep = ["sweep", "data/classes.jsonl", "../oracle/data/fragmentation.jsonl",
                  "--thresholds", "off,quarter,1000", "--heap-sizes", "4096,16K", "--quiet"]
    run(html_sweep + ["-j", "1", "--html", page, "--json", js], 0)
    doc = json.load(open(js))
    assert any(c["collections"]["total"] > 300 for c in doc["cells"]), "a cell with many collections"
    one = check_html(page, doc)
    run(html_sweep + ["-j", "3", "--html", page], 0)
    assert open(page, encoding="utf-8").read() == one, "the page differs for -j 1 and -j 3"
    # With minimum heaps and a gate that fails: one cell of classes regresses against its
    # baseline.
    run(html_sweep + ["--min-heap", "--html", page, "--json", js,
                      "--baseline", "data/sweep/classes-fewer-collections.json"], 1)
    doc = json.load(open(js))
    assert doc["gate"]["passed"] is False and doc["gate"]["failed"] == 1, doc["gate"]
    text = check_html(page, doc)
    assert "collections.total 6 -&gt; 7" in text
    # jpeg-classify has islands at threshold off (fragmentation above its smallest passing heap);
    # the classes baseline matches none of its cells: the gate's own error.
    jpeg = ["sweep", "../../traces/jpeg-classify.jsonl", "--thresholds", "off,4K", "--quiet"]
    md = os.path.join(tmp, "jpeg.md")
    run(jpeg + ["--min-heap", "--html", page, "--json", js, "--markdown", md,
                "--baseline", "data/sweep/classes-baseline.json"], 1)
    doc = json.load(open(js))
    assert any(m["islands"] for m in doc["min_heap"]), "a search with islands"
    assert doc["gate"]["errors"] and doc["gate"]["failed"] == 0, doc["gate"]
    text = check_html(page, doc)
    assert "matches none of the 2 cells" in text
    assert check_markdown(open(md).read()) == 3, "cells, min-heap and island tables"

    junit, md, js = (os.path.join(tmp, n) for n in ("junit.xml", "summary.md", "out.json"))

    # No gate: one "replay" case per cell, failing where the cell has MemoryErrors (classes.jsonl
    # has some on 4 and 8 KiB heaps, whatever the threshold).
    run(SWEEP + ["--junit", junit, "--json", js], 0)
    doc = json.load(open(js))
    check_junit(junit, 6, sum(c["failures"]["total"] > 0 for c in doc["cells"]))
    check_junit(junit, 6, 6)
    assert doc["schema"] == "gcsim-sweep/2"
    assert len(doc["cells"]) == doc["cells_total"] == 6
    for c in doc["cells"]:
        for key in ("trace", "threshold_requested", "threshold_effective", "heap_bytes", "peak_mem_alloc"):
            assert key in c, key
        assert set(c["collections"]) == {"total", "threshold", "oom", "explicit"}
        assert "total" in c["failures"]
    assert [c["threshold_effective"] for c in doc["cells"][:3]] == [-1, 992, 992]

    # A baseline regression: one failing case; the markdown goes to the step summary too.
    summary = os.path.join(tmp, "step_summary.md")
    with open(summary, "w") as f:
        f.write("earlier step\n")
    env = dict(os.environ, GITHUB_STEP_SUMMARY=summary)
    run(SWEEP + ["--baseline", "data/sweep/classes-fewer-collections.json", "--junit", junit, "--markdown", md], 1, env)
    check_junit(junit, 6 + 2, 1)  # and the trace's "read" and "events"
    text = open(md).read()
    assert check_markdown(text) == 2, "cells and gate tables"
    assert open(summary).read() == "earlier step\n" + text

    # Budgets from a config: one case per cell and budget.
    run(["sweep", "--config", "data/sweep/budgets.json", "--quiet", "--junit", junit, "--markdown", md], 1)
    check_junit(junit, 12 + 1, 1)
    check_markdown(open(md).read())

    # A baseline of another grid: the gate's own failing case.
    run(["sweep", "data/classes.jsonl", "--thresholds", "off,quarter,1000", "--heap-sizes", "12K",
         "--baseline", "data/sweep/classes-shard-1-of-2.json", "--junit", junit, "--markdown", md,
         "--quiet"], 1)
    check_junit(junit, 1 + 2 + 3, 1)
    root = ET.parse(junit).getroot()
    assert root.find("testsuite").get("name") == "gate"
    check_markdown(open(md).read())

    # Minimum heaps add a table, and one of islands when there are some.
    run(SWEEP + ["--min-heap", "--markdown", md], 0)
    assert check_markdown(open(md).read()) == 2, "cells and min-heap tables"

print("sweep reports: ok")
