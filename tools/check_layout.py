"""Does a page fit the window, with no text drawn over other text? Called by check-report.sh.

For each width, opens a copy of the page in headless Chromium with a script appended that
measures the layout the browser made and writes what it found into <pre id="layout-check">,
then reads that from the dumped DOM. Found wrong:
- overflow: the page scrolls sideways (document.scrollingElement.scrollWidth > innerWidth), or
  an element's box reaches past the window's right edge (or starts left of 0). An element
  inside a box that scrolls sideways (overflow-x: auto) is that box's business, not the page's;
- overlap: two text boxes that intersect by more than 1 px each way (two SVG labels: closer
  than 2 px side by side). A text box is an SVG
  <text> (its bounding box, rotation included) or a line of an HTML text node;
- on the plot: an SVG <text> inside a chart's .plot-frame, where it would cover the curves;
- too small: an SVG <text> drawn under 9 px (its font size times the scale its SVG is drawn at:
  a chart drawn 720 units wide and shown at 400 px halves its text).
Nothing hidden counts (display: none, a closed <details>).
The page is drawn in an iframe of each width (headless Chromium's window is at least 500 px
wide). Also takes a screenshot of each width, NAME-WIDTH.png in OUT_DIR.

Usage: check_layout.py PAGE OUT_DIR WIDTH... (prints a line per problem; exit 1 when any)
"""
import collections
import html
import os
import re
import subprocess
import sys
import tempfile

MEASURE = r"""
<script>
(function () {
  const W = window.innerWidth, problems = [], MIN_TEXT_PX = 9;
  const scrolls = (e) => { const o = getComputedStyle(e).overflowX; return o === "auto" || o === "scroll" || o === "hidden"; };
  const inScroller = (e) => { for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return true; return false; };
  // Not drawn: display none, visibility hidden, or inside a closed <details>.
  const shown = (e) => e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true});
  const name = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += "#" + e.id;
    const c = e.getAttribute("class"); if (c) s += "." + c.trim().split(/\s+/).join(".");
    const t = (e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return t ? s + " '" + t + "'" : s;
  };
  const sw = document.scrollingElement.scrollWidth;
  if (sw > W) problems.push("overflow: the page is " + sw + " px wide in a " + W + " px window");
  const wide = new Set();
  for (const e of document.body.querySelectorAll("*")) {
    if (e.id === "layout-check" || e.closest("title, script, style, #layout-check") || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > W + 0.5 || r.left < -0.5) && !inScroller(e)) {
      wide.add(e);
      if (wide.has(e.parentElement)) continue;  // its parent is named already
      problems.push("overflow: " + name(e) + " spans x " + r.left.toFixed(0) + " to " + r.right.toFixed(0) + " of " + W);
    }
  }
  const boxes = [];
  const texts = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const p = n.parentElement;
    if (!p || p.closest("title, script, style, #layout-check") || !shown(p)) continue;
    if (p.closest("svg")) {
      const t = p.closest("text");
      if (t && !texts.has(t)) { texts.add(t); const r = t.getBoundingClientRect(); if (r.width && r.height) boxes.push([r, t]); }
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width && r.height) boxes.push([r, p]);
  }
  boxes.sort((a, b) => a[0].top - b[0].top);
  for (let i = 0; i < boxes.length; ++i) {
    const [a, ea] = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j][0].top < a.bottom - 1; ++j) {
      const [b, eb] = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Two SVG labels closer than 2 px read as one ("1,025–2,0482,049–4,096"); HTML text
      // nodes side by side in a line touch by design.
      const gap = ea.closest("svg") && eb.closest("svg") ? -2 : 1;
      if (w > gap && h > 1) problems.push("overlap: " + name(ea) + " and " + name(eb) + " (" + w.toFixed(0) + " x " + h.toFixed(0) + " px)");
    }
  }
  // A chart's labels stay off its data: no text inside a plot frame.
  for (const frame of document.querySelectorAll("svg .plot-frame")) {
    const f = frame.getBoundingClientRect();
    for (const t of frame.ownerSVGElement.querySelectorAll("text")) {
      const r = t.getBoundingClientRect();
      const w = Math.min(r.right, f.right) - Math.max(r.left, f.left);
      const h = Math.min(r.bottom, f.bottom) - Math.max(r.top, f.top);
      if (r.width && w > 1 && h > 1) problems.push("on the plot: " + name(t) + " in " + name(frame.ownerSVGElement).split(" ")[0]);
    }
  }
  // Readable text at every width: an SVG label drawn smaller than MIN_TEXT_PX (its font size
  // times the scale the SVG is drawn at) is too small to read, however well it fits.
  for (const t of document.querySelectorAll("svg text")) {
    if (!shown(t) || !t.getBoundingClientRect().width) continue;
    const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
    const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < MIN_TEXT_PX) problems.push("too small: " + name(t) + " in " + name(svg).split(" ")[0] + " is " + px.toFixed(1) + " px");
  }
  const out = document.createElement("pre");
  out.id = "layout-check";
  out.textContent = "checked " + boxes.length + " text boxes\n" + problems.join("\n");
  window.parent.document.body.appendChild(out);
})();
</script>
"""

HEIGHT = 2400  # px: the window's, and the screenshots'
SHOWN = 20  # problems printed per page and width
BROWSER = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars"]


def browser(tmp, *args):
    profile = tempfile.mkdtemp(dir=tmp)
    return subprocess.run(BROWSER + [f"--user-data-dir={profile}", *args], check=True,
                          capture_output=True, text=True).stdout


def framed(page_text, width):
    """The page in an iframe `width` px wide: headless Chromium's window is at least 500."""
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"/></head><body style="margin:0">'
            f'<iframe width="{width}" height="{HEIGHT}" style="border:0; display:block" '
            f'srcdoc="{html.escape(page_text, quote=True)}"></iframe></body></html>\n')


def main():
    page, out_dir, widths = sys.argv[1], sys.argv[2], [int(w) for w in sys.argv[3:]]
    name = os.path.splitext(os.path.basename(page))[0]
    text = open(page, encoding="utf-8").read()
    measured = text.replace("</body>", MEASURE + "</body>", 1)
    found = 0
    for width in widths:
        size = f"--window-size={max(width, 500)},{HEIGHT}"
        probe = os.path.join(out_dir, f"{name}-{width}.layout.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(framed(measured, width))
        dom = browser(out_dir, "--dump-dom", size, f"file://{probe}")
        match = re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.S)
        lines = html.unescape(match.group(1)).splitlines() if match else ["no layout-check result"]
        found_lines = [line for line in lines[1:] if line] if match else lines
        problems = [f"{line} (×{n})" if n > 1 else line
                    for line, n in collections.Counter(found_lines).items()]
        for line in problems[:SHOWN]:
            print(f"{name} at {width} px: {line}")
        if len(problems) > SHOWN:
            print(f"{name} at {width} px: … and {len(problems) - SHOWN} more")
        found += len(found_lines)
        shown = os.path.join(out_dir, f"{name}-{width}.shown.html")
        with open(shown, "w", encoding="utf-8") as f:
            f.write(framed(text, width))
        browser(out_dir, f"--screenshot={os.path.join(out_dir, f'{name}-{width}.png')}", size,
                f"file://{shown}")
        print(f"{name} at {width} px: {lines[0]}, {len(found_lines)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
