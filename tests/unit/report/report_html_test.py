"""Is `gcsim report`'s page valid, and does it hold the charts a reader expects?

Parses the page with two real parsers from the standard library: xml.etree (strict XML: the
page is XHTML-compatible HTML5, so a stray '<' or '&', or an unclosed element, fails) and
html.parser (HTML tokens; every non-void element must be closed in order). Then, for
tests/cli/data/classes.jsonl on a 4,096-byte k210 heap (4 collections: 1 threshold, 2 oom,
1 explicit; 3 MemoryErrors), counts the SVG elements in both curve charts (each drawn wide and
narrow), the table rows and the heap-map panels; checks that no chart label is anchored inside
its plot, that the x axis ends at the last event (0 to 22), that the MemoryErrors section comes
before the rest, and that nothing is loaded from elsewhere. A second trace with a mark label
full of markup characters must still parse.

Usage: report_html_test.py GCSIM TESTS_DIR
"""
import html.parser
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Nesting(html.parser.HTMLParser):
    """Checks that every element is closed, in order (SVG's self-closed ones included)."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def local(tag):
    return tag.rsplit("}", 1)[-1]


def classes(element):
    return element.get("class", "").split()


def find_id(root, ident):
    return next((e for e in root.iter() if e.get("id") == ident), None)


def count_class(root, name):
    return sum(1 for e in root.iter() if name in classes(e))


def report(gcsim, trace, out, *args):
    subprocess.run([gcsim, "report", trace, "-o", out, "--quiet", *args], check=True)
    with open(out, encoding="utf-8") as f:
        text = f.read()
    nesting = Nesting()
    nesting.feed(text)
    nesting.close()
    problems = nesting.problems + [f"<{t}> never closed" for t in nesting.stack]
    root = ET.fromstring(text.split("\n", 1)[1])  # after <!DOCTYPE html>
    return root, problems


def main():
    gcsim, tests_dir = sys.argv[1], sys.argv[2]
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        root, problems = report(gcsim, os.path.join(tests_dir, "cli/data/classes.jsonl"),
                                os.path.join(tmp, "classes.html"), "--heap-size", "4096")
        check(not problems, f"html.parser: {problems}")
        check(local(root.tag) == "html", "the root is <html>")
        for chart in ("chart-events", "chart-bytes", "chart-events-narrow", "chart-bytes-narrow"):
            svg = find_id(root, chart)
            check(svg is not None and local(svg.tag) == "svg", f"svg#{chart} exists")
            if svg is None:
                continue
            for name, want in (("collection-tick", 4), ("cause-threshold", 1), ("cause-oom", 2),
                               ("cause-explicit", 1), ("failure-marker", 3), ("peak-marker", 1),
                               ("series-band", 3), ("series-line", 3)):
                got = count_class(svg, name)
                check(got == want, f"svg#{chart}: {got} .{name}, want {want}")
            frame = next((e for e in svg.iter() if "plot-frame" in classes(e)), None)
            check(frame is not None, f"svg#{chart}: a .plot-frame")
            if frame is not None:
                left, top = float(frame.get("x")), float(frame.get("y"))
                right, bottom = left + float(frame.get("width")), top + float(frame.get("height"))
                for t in (e for e in svg.iter() if local(e.tag) == "text"):
                    x, y = float(t.get("x")), float(t.get("y"))
                    check(not (left < x < right and top < y < bottom),
                          f"svg#{chart}: the label {t.text!r} at {x}, {y} is on the plot")
            if chart.startswith("chart-events"):  # 23 events: 0 to 22, ticks every 5
                ticks = [t.text for t in svg.iter() if local(t.tag) == "text"
                         and t.get("y") == f"{bottom + 31:.1f}"]
                check(ticks == ["0", "5", "10", "15", "20"], f"x axis labels {ticks}")
        ids = [e.get("id") for e in root.iter() if local(e.tag) == "section"]
        check(ids.index("failures") < ids.index("fragmentation") < ids.index("collections"),
              f"the MemoryErrors come first: {ids}")
        check(count_class(root, "chart-legend") == 2, "a legend per chart")
        for name, want in (("collection-row", 4), ("failure-row", 3), ("heap-tiles", 4),
                           ("free-run-histogram", 4), ("heap-map", 4), ("mem-info", 4)):
            got = count_class(root, name)
            check(got == want, f"{got} .{name}, want {want}")
        for panel in ("peak-map", "failure-1-map", "failure-2-map", "failure-3-map"):
            element = find_id(root, panel)
            check(element is not None, f"#{panel} exists")
            if element is not None:
                text = "".join(e.text or "" for e in element.iter() if local(e.tag) == "pre")
                check(text.startswith("GC: total: 3968, "), f"#{panel}: the mem_info(1) text")
                check("GC memory layout; from " in text, f"#{panel}: the layout header")
        for e in root.iter():
            tag = local(e.tag)
            check(tag not in ("script", "link", "iframe", "img"), f"no <{tag}>")
            check("src" not in e.attrib, f"<{tag} src=…>")
            href = e.get("href", "")
            check(href == "" or href.startswith("#"), f"<{tag} href={href}> is not in the page")

        marked = os.path.join(tmp, "marked.jsonl")
        with open(marked, "w", encoding="utf-8") as f:
            f.write('{"format":"gcsim-trace","version":1,"name":"a<b & \\"c\\"","geometry":"k210"}\n'
                    '{"op":"mark","label":"<script>&amp;\'"}\n'
                    '{"op":"alloc","id":1,"size":64,"type":"list"}\n')
        root, problems = report(gcsim, marked, os.path.join(tmp, "marked.html"))
        check(not problems, f"marked: html.parser: {problems}")
        labels = [e for e in root.iter() if "mark-label" in classes(e)]
        check(len(labels) == 4 and labels[0].text == "<script>&amp;'",
              "the mark label arrives as text")
        check(not any(local(e.tag) == "script" for e in root.iter()), "no <script> element")

    for f in failures:
        print("FAIL:", f)
    print(f"report_html_test: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
