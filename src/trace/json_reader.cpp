#include "trace/json_reader.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "trace/json_builder.h"
#include "trace/validator.h"

namespace gcsim {
namespace {

using nlohmann::json;

// The header keys validate_header reads (TraceHeader's fields); any other key is skipped.
constexpr std::array<std::string_view, 6> kHeaderKeys = {"format",      "version",  "name",
                                                         "description", "geometry", "recorded"};

// Bytes read since the reader was last between two values (an event, a header value): an event
// or header value — a string in it included, which nlohmann builds whole — is at most
// kMaxLineBytes, as a .jsonl line is.
struct ValueBytes {
  const std::string& file;
  std::uint64_t n_bytes = 0;
};

// nlohmann's iterator input adapter reads `*it`, then `++it`, until `it == end`: this walks the
// source a byte at a time without copying the file.
class SourceIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  SourceIterator() = default;
  SourceIterator(GzSource& source, ValueBytes& value) : source_(&source), value_(&value) {}

  char operator*() const { return static_cast<char>(source_->peek()); }
  SourceIterator& operator++() {
    source_->advance();
    if (++value_->n_bytes > kMaxLineBytes) {
      throw_trace_error(
          {value_->file, std::nullopt, source_->line()}, "value-too-long",
          fmt::format("an event or header value holds at most {} bytes", kMaxLineBytes));
    }
    return *this;
  }
  bool operator==(const SourceIterator& other) const { return at_end() == other.at_end(); }

 private:
  bool at_end() const { return source_ == nullptr || source_->peek() < 0; }

  GzSource* source_ = nullptr;
  ValueBytes* value_ = nullptr;
};

// Follows the document through nlohmann's SAX callbacks:
//
//   { "format": ..., "version": ..., "name": ..., "x-extra": {...}, "events": [ {...}, {...} ] }
//   ^ before_root    header_value ...                 skip_value      ^ before_events   ^ event
//     then top between keys                                             events between them
//
// Header values and events go through a JsonBuilder; on_header fires when `events` opens.
class DocumentHandler {
 public:
  DocumentHandler(GzSource& source, ValueBytes& value_bytes, TraceSink& sink)
      : source_(source), file_(value_bytes.file), value_bytes_(value_bytes), sink_(sink) {}

  bool null() {
    return between(value([](JsonBuilder& b) { return b.null(); }));
  }
  bool boolean(bool v) {
    return between(value([v](JsonBuilder& b) { return b.boolean(v); }));
  }
  bool number_integer(json::number_integer_t v) {
    return between(value([v](JsonBuilder& b) { return b.number_integer(v); }));
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return between(value([v](JsonBuilder& b) { return b.number_unsigned(v); }));
  }
  bool number_float(json::number_float_t v, const std::string& text) {
    return between(value([&](JsonBuilder& b) { return b.number_float(v, text); }));
  }
  bool string(std::string& v) {
    return between(value([&](JsonBuilder& b) { return b.string(v); }));
  }
  bool binary(json::binary_t& v) {
    return between(value([&](JsonBuilder& b) { return b.binary(v); }));
  }
  bool start_object(std::size_t n) {
    deeper();
    return between(open(true, [n](JsonBuilder& b) { return b.start_object(n); }));
  }
  bool start_array(std::size_t n) {
    deeper();
    return between(open(false, [n](JsonBuilder& b) { return b.start_array(n); }));
  }
  bool end_object() {
    --depth_;
    return between(close([](JsonBuilder& b) { return b.end_object(); }));
  }
  bool end_array() {
    --depth_;
    return between(close([](JsonBuilder& b) { return b.end_array(); }));
  }
  bool key(std::string& k) { return between(route_key(k)); }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::json::exception& error);

  ReadResult finish();

 private:
  enum class State { before_root, top, header_value, skip_value, before_events, events, event };

  // Between two values the byte count starts again.
  bool between(bool ok) {
    if (state_ == State::top || state_ == State::events) value_bytes_.n_bytes = 0;
    return ok;
  }
  // Counted in every state, a skipped value's too: deeper is refused before anything walks it.
  void deeper() {
    if (++depth_ > kMaxJsonDepth) {
      const bool in_events = state_ == State::events || state_ == State::event;
      throw_trace_error(
          {file_, in_events ? std::optional(result_.events) : std::nullopt, source_.line()},
          "too-deep", too_deep_reason());
    }
  }
  bool route_key(std::string& k);

  // Route one callback by state; `forward` replays it on the builder.
  template <typename Forward>
  bool value(Forward forward);
  template <typename Forward>
  bool open(bool is_object, Forward forward);
  template <typename Forward>
  bool close(Forward forward);
  // After a value went to the builder: store or deliver it once it is whole.
  void take_if_complete();
  void start_events();

  TracePlace header_place() const { return {file_, std::nullopt, source_.line()}; }
  TracePlace event_place() const { return {file_, result_.events, event_line_}; }

  GzSource& source_;
  const std::string& file_;
  ValueBytes& value_bytes_;
  TraceSink& sink_;
  ReadResult result_;
  State state_ = State::before_root;
  JsonBuilder builder_;
  json header_ = json::object();    // the known header keys seen so far
  std::set<std::string> top_keys_;  // for duplicate-key
  std::string header_key_;          // the header key whose value is being built
  std::size_t skip_depth_ = 0;      // open containers inside a skipped value
  std::size_t depth_ = 0;           // open containers in the document, its own `{` included
  bool events_done_ = false;
  std::uint64_t event_line_ = 0;
};

template <typename Forward>
bool DocumentHandler::value(Forward forward) {
  switch (state_) {
    case State::before_root:
      throw_trace_error(header_place(), "bad-header",
                        "a .json trace is one object with \"format\", \"version\" and \"events\"");
    case State::before_events:
      throw_trace_error(header_place(), "bad-header", "\"events\" must be an array");
    case State::skip_value:
      if (skip_depth_ == 0) state_ = State::top;
      return true;
    case State::events:
      state_ = State::event;
      event_line_ = source_.line();
      break;
    case State::top:
    case State::header_value:
    case State::event:
      break;
  }
  forward(builder_);
  take_if_complete();
  return true;
}

template <typename Forward>
bool DocumentHandler::open(bool is_object, Forward forward) {
  switch (state_) {
    case State::before_root:
      if (!is_object) return value(forward);
      state_ = State::top;
      return true;
    case State::before_events:
      if (is_object) return value(forward);
      start_events();
      return true;
    case State::skip_value:
      ++skip_depth_;
      return true;
    case State::events:
      state_ = State::event;
      event_line_ = source_.line();
      break;
    case State::top:
    case State::header_value:
    case State::event:
      break;
  }
  forward(builder_);
  return true;
}

template <typename Forward>
bool DocumentHandler::close(Forward forward) {
  switch (state_) {
    case State::skip_value:
      if (--skip_depth_ == 0) state_ = State::top;
      return true;
    case State::events:
      state_ = State::top;
      events_done_ = true;
      return true;
    case State::top:  // the document's own `}`
      return true;
    case State::before_root:
    case State::before_events:
    case State::header_value:
    case State::event:
      break;
  }
  forward(builder_);
  take_if_complete();
  return true;
}

bool DocumentHandler::route_key(std::string& k) {
  switch (state_) {
    case State::top:
      break;
    case State::header_value:
    case State::event:
      if (!builder_.key(k)) {
        throw_trace_error(state_ == State::event ? event_place() : header_place(), "duplicate-key",
                          fmt::format("\"{:.100}\" twice in one object", k));
      }
      return true;
    default:  // a key inside a skipped value
      return true;
  }
  if (!top_keys_.insert(k).second) {
    throw_trace_error(header_place(), "duplicate-key",
                      fmt::format("\"{:.100}\" twice in the header", k));
  }
  if (k == "events") {
    state_ = State::before_events;
  } else if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), k) == kHeaderKeys.end()) {
    state_ = State::skip_value;
    skip_depth_ = 0;
  } else if (events_done_) {
    throw_trace_error(
        header_place(), "bad-header",
        fmt::format("\"{:.100}\" comes after \"events\"; header keys must come first", k));
  } else {
    state_ = State::header_value;
    header_key_ = k;
  }
  return true;
}

bool DocumentHandler::parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                                  const nlohmann::json::exception& error) {
  if (state_ == State::before_root && source_.peek() < 0) {
    throw_trace_error({file_, std::nullopt, std::nullopt}, "empty-file", "nothing but whitespace");
  }
  const bool in_events = state_ == State::events || state_ == State::event;
  const JsonSyntaxError syntax = json_syntax_error(error);
  throw_trace_error(
      {file_, in_events ? std::optional(result_.events) : std::nullopt, source_.line()},
      syntax.rule, syntax.reason);
}

void DocumentHandler::take_if_complete() {
  if (!builder_.complete()) return;
  if (state_ == State::header_value) {
    header_[header_key_] = builder_.take();
    state_ = State::top;
    return;
  }
  const json event = builder_.take();
  const Event checked = validate_event(event, event_place());
  sink_.on_event(checked, {result_.events, event_line_, source_.file_offset()});
  ++result_.events;
  state_ = State::events;
}

void DocumentHandler::start_events() {
  if (!header_.contains("format") || !header_.contains("version")) {
    throw_trace_error(header_place(), "bad-header",
                      "\"format\" and \"version\" must come before \"events\"");
  }
  result_.header = validate_header(header_, header_place());
  sink_.on_header(result_.header);
  state_ = State::events;
}

ReadResult DocumentHandler::finish() {
  if (top_keys_.count("events") == 0) {
    validate_header(header_, {file_, std::nullopt, std::nullopt});
    throw_trace_error({file_, std::nullopt, std::nullopt}, "bad-header", "no \"events\" array");
  }
  return result_;
}

}  // namespace

ReadResult read_json_trace(GzSource& source, const std::string& file, TraceSink& sink) {
  ValueBytes value_bytes{file};
  DocumentHandler handler(source, value_bytes, sink);
  json::sax_parse(SourceIterator(source, value_bytes), SourceIterator(), &handler);
  return handler.finish();
}

}  // namespace gcsim
