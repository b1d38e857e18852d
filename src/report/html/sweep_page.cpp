#include "report/html/sweep_page.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "report/html/page.h"
#include "report/svg/small_chart.h"
#include "text/number_format.h"
#include "text/xml_escape.h"

namespace gcsim {
namespace {

const HtmlSweepCell* find_cell(const HtmlSweepTrace& trace, std::optional<std::size_t> index) {
  if (!index) return nullptr;
  for (const HtmlSweepCell& c : trace.cells) {
    if (c.index == *index) return &c;
  }
  return nullptr;
}

std::string cell_link(const HtmlSweepCell& c) {
  return fmt::format("<a href=\"#cell-{}\">{}</a>", c.index, xml_escape(c.setting));
}

void write_recommendation(std::ostream& out, const HtmlSweepTrace& trace) {
  const HtmlSweepCell* best = find_cell(trace, trace.best);
  if (!best) {
    out << "<p class=\"recommendation\">No recommendation: a shard ranks nothing; merge the "
           "shards first.</p>\n";
    return;
  }
  fmt::print(out, "<p class=\"recommendation\"><strong>Recommended</strong> ★ {}: {}.",
             cell_link(*best), xml_escape(trace.reason));
  if (const HtmlSweepCell* runner_up = find_cell(trace, trace.runner_up)) {
    fmt::print(out, " <strong>Runner-up</strong> ☆ {}: {}.", cell_link(*runner_up),
               xml_escape(trace.runner_up_cost));
  }
  out << "</p>\n";
}

void write_gate(std::ostream& out, const HtmlSweepGate& gate) {
  fmt::print(out, "<section class=\"gate {}\">\n<h2>Gate: {}</h2>\n<p>{}</p>\n",
             gate.passed ? "gate-passed" : "gate-failed", gate.passed ? "passed" : "FAILED",
             xml_escape(gate.summary));
  for (const std::string& e : gate.errors) {
    fmt::print(out, "<p class=\"gate-error\"><strong>Failed:</strong> {}</p>\n", xml_escape(e));
  }
  if (!gate.failed.empty()) {
    out << "<table class=\"gate-failures\">\n<tr><th class=\"text\">trace</th>"
           "<th class=\"text\">setting</th><th class=\"text\">check</th>"
           "<th class=\"text\">what</th></tr>\n";
    for (const HtmlSweepGate::Row& row : gate.failed) {
      fmt::print(out,
                 "<tr><td class=\"text\">{}</td><td class=\"text\">{}</td><td "
                 "class=\"text\">{}</td><td class=\"text\">{}</td></tr>\n",
                 xml_escape(row.trace), xml_escape(row.setting), xml_escape(row.check),
                 xml_escape(row.message));
    }
    out << "</table>\n";
  }
  out << "</section>\n";
}

void write_min_heaps(std::ostream& out, const HtmlSweepTrace& trace, const std::string& note) {
  if (trace.min_heaps.empty()) return;
  fmt::print(out,
             "<h3>Minimum heap</h3>\n<p class=\"note\">The smallest heap from which every larger "
             "heap, up to the bound, replays with no MemoryError ({}). Islands: heaps below it "
             "that pass, larger ones that fail.</p>\n"
             "<table class=\"min-heaps\">\n<tr><th class=\"text\">threshold</th><th>min heap "
             "(bytes)</th><th>smallest passing (bytes)</th><th>KPU left at min (bytes)</th>"
             "<th class=\"text\">searched</th><th class=\"text\">islands</th></tr>\n",
             xml_escape(note));
  for (const HtmlSweepMinHeap& m : trace.min_heaps) {
    fmt::print(out,
               "<tr><td class=\"text\">{}</td><td>{}</td><td>{}</td><td>{}</td><td "
               "class=\"text\">{}</td><td class=\"text\">",
               xml_escape(m.threshold), xml_escape(m.min_heap), xml_escape(m.smallest_passing),
               xml_escape(m.kpu_left), xml_escape(m.searched));
    if (m.islands.empty()) {
      out << "none";
    } else {
      out << "<ul class=\"islands\">";
      for (const HtmlSweepMinHeap::Island& i : m.islands) {
        fmt::print(out, "<li class=\"{}\">{}: {}</li>", i.passes ? "island-pass" : "island-fail",
                   xml_escape(i.heaps), xml_escape(i.verdict));
      }
      out << "</ul>";
    }
    out << "</td></tr>\n";
  }
  out << "</table>\n";
}

std::string_view mark_class(const HtmlSweepTrace& trace, const HtmlSweepCell& c) {
  if (trace.best == c.index) return " recommended-best";
  if (trace.runner_up == c.index) return " recommended-runner-up";
  return "";
}

std::string_view mark_symbol(const HtmlSweepTrace& trace, const HtmlSweepCell& c) {
  if (trace.best == c.index) return "★ ";
  if (trace.runner_up == c.index) return "☆ ";
  return "";
}

// A row of charts per heap size (cells come heap by heap).
void write_small_multiples(std::ostream& out, const HtmlSweepTrace& trace) {
  for (std::size_t i = 0; i < trace.cells.size(); ++i) {
    const HtmlSweepCell& c = trace.cells[i];
    if (i == 0 || c.heap != trace.cells[i - 1].heap) {
      if (i != 0) out << "</div>\n";
      fmt::print(out, "<h3>heap {}</h3>\n<div class=\"small-multiples\">\n", xml_escape(c.heap));
    }
    const ReplaySummary& s = *c.summary;
    fmt::print(out,
               "<div class=\"small-multiple{}\">\n<p>{}<a href=\"#row-{}\">threshold {}</a></p>\n"
               "<p class=\"counts\">{} · {}</p>\n",
               mark_class(trace, c), mark_symbol(trace, c), c.index, xml_escape(c.threshold),
               plural(s.collections_total, "collection", "collections"),
               plural(s.failures_total, "MemoryError", "MemoryErrors"));
    write_small_chart(out, {c.summary, c.pool_bytes, c.curve, c.columns},
                      fmt::format("cell-{}", c.index));
    out << "</div>\n";
  }
  if (!trace.cells.empty()) out << "</div>\n";
}

void write_results_table(std::ostream& out, const HtmlSweepTrace& trace) {
  out << "<table class=\"sweep-results\">\n<tr><th>#</th><th></th><th class=\"text\">threshold"
         "</th><th class=\"text\">heap</th><th>collections</th>"
         "<th>threshold / oom / explicit</th><th>MemoryErrors</th>"
         "<th>capacity / fragmentation / disabled</th><th>peak mem_alloc (bytes)</th>"
         "<th>lowest largest free run (bytes)</th><th>worst fragmentation</th>"
         "<th>GC work (blocks)</th><th>est. GC ms</th></tr>\n";
  for (const HtmlSweepCell& c : trace.cells) {
    const ReplaySummary& s = *c.summary;
    fmt::print(
        out,
        "<tr class=\"sweep-row\" id=\"row-{0}\"><td><a href=\"#cell-{0}\">{0}</a></td>"
        "<td>{1}</td><td class=\"text\">{2}</td><td class=\"text\">{3}</td><td>{4}</td>"
        "<td>{5} / {6} / {7}</td><td>{8}</td><td>{9} / {10} / {11}</td><td>{12}</td>"
        "<td>{13}</td><td>{14}</td><td>{15}</td><td>{16:.3f}</td></tr>\n",
        c.index, mark_symbol(trace, c), xml_escape(c.threshold), xml_escape(c.heap),
        grouped(s.collections_total), grouped(s.collections_threshold), grouped(s.collections_oom),
        grouped(s.collections_explicit), grouped(s.failures_total), grouped(s.failures_capacity),
        grouped(s.failures_fragmentation), grouped(s.failures_disabled), grouped(s.peak_mem_alloc),
        grouped(s.events ? s.lowest_max_free : c.pool_bytes), percent(s.worst_fragmentation),
        grouped(s.gc_work_blocks_marked + s.gc_work_blocks_swept), c.est_gc_ms);
  }
  out << "</table>\n";
}

}  // namespace

void write_html_sweep(std::ostream& out, const HtmlSweepPage& page) {
  write_html_page_start(out, page.title);
  fmt::print(out, "<h1>{}</h1>\n", xml_escape(page.title));
  for (const std::string& note : page.notes) {
    fmt::print(out, "<p class=\"meta\">{}</p>\n", xml_escape(note));
  }
  if (page.gate) write_gate(out, *page.gate);
  if (page.traces.size() > 1) {
    out << "<p class=\"trace-index\">traces:";
    for (std::size_t k = 0; k < page.traces.size(); ++k) {
      fmt::print(out, " <a href=\"#trace-{}\">{}</a>", k, xml_escape(page.traces[k].name));
    }
    out << "</p>\n";
  }
  out << "<p class=\"note\">Each chart: mem_alloc, mem_free and the largest free run over the "
         "run's events, its y axis the pool (one pool per heap size); ticks under the axis are "
         "collections, ▼ MemoryErrors (where several fall on one pixel column, one mark stands "
         "for them all: hover it for how many).</p>\n";
  for (std::size_t k = 0; k < page.traces.size(); ++k) {
    const HtmlSweepTrace& trace = page.traces[k];
    fmt::print(out,
               "<section class=\"sweep-trace\" id=\"trace-{}\">\n<h2>trace {}</h2>\n"
               "<p class=\"meta\">{}</p>\n",
               k, xml_escape(trace.name), xml_escape(trace.about));
    for (const std::string& w : trace.warnings) {
      fmt::print(out, "<p class=\"warning\"><strong>Warning:</strong> {}</p>\n", xml_escape(w));
    }
    write_recommendation(out, trace);
    write_min_heaps(out, trace, page.min_heap_note);
    write_small_multiples(out, trace);
    out << "<h3>Results</h3>\n";
    write_results_table(out, trace);
    out << "</section>\n";
  }
  write_html_page_end(out);
}

}  // namespace gcsim
