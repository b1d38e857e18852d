// Builds one JSON value from nlohmann's SAX callbacks, refusing duplicate keys: the DOM parser
// keeps the last of two equal keys, which would hide {"size": 1, "size": 2}. The .jsonl reader
// parses each line with it; the .json reader feeds it one event (or header value) at a time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gcsim {

// Deeper JSON is refused: nothing gcsim reads nests beyond a few levels, and a deeper value
// would overflow the stack of whatever walks it recursively (nlohmann's dump, a destructor).
inline constexpr std::size_t kMaxJsonDepth = 64;

// Why nlohmann refused the text: rule "not-json", or "out-of-range" for a number too large even
// for a double (1e400); the reason is nlohmann's, shortened to "column C: what; last read: ..."
// (the caller knows the line better than nlohmann, which counts from where it started); the
// token quoted after "last read" is cut to 100 bytes. The builder's own refusal of a value
// nested deeper than kMaxJsonDepth is rule "too-deep".
struct JsonSyntaxError {
  std::string rule;
  std::string reason;
};

// With `with_line`, the reason starts at nlohmann's "line L, column C" (a whole document).
JsonSyntaxError json_syntax_error(const nlohmann::json::exception& error, bool with_line = false);
// The too-deep reason: "nested deeper than 64 arrays and objects".
std::string too_deep_reason();

// A whole JSON document (a sweep config, a baseline, a shard) read as the trace readers read
// values: duplicate keys and nesting deeper than kMaxJsonDepth refused. Throws
// std::runtime_error "FILE: not JSON: REASON" (or the duplicate key, or too deep).
nlohmann::json parse_json_document(std::istream& in, const std::string& file);

class JsonBuilder {
 public:
  using json = nlohmann::json;

  // `whole_document`: errors name nlohmann's line as well as its column.
  explicit JsonBuilder(bool whole_document = false) : whole_document_(whole_document) {}

  // SAX callbacks (nlohmann::json_sax<json>). key() returns false on a duplicate key,
  // start_object()/start_array() past kMaxJsonDepth and parse_error() always; any of these stops
  // the parse, and duplicate_key()/syntax_error() say why.
  bool null();
  bool boolean(bool value);
  bool number_integer(json::number_integer_t value);
  bool number_unsigned(json::number_unsigned_t value);
  bool number_float(json::number_float_t value, const std::string& text);
  bool string(std::string& value);
  bool binary(json::binary_t& value);  // the interface needs it; JSON text never has one
  bool start_object(std::size_t elements);
  bool key(std::string& key);
  bool end_object();
  bool start_array(std::size_t elements);
  bool end_array();
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::json::exception& error);

  // True once a whole value has been built.
  bool complete() const { return started_ && open_.empty(); }
  // The value built; the builder is empty again for the next one.
  json take();

  const std::optional<std::string>& duplicate_key() const { return duplicate_key_; }
  const std::optional<JsonSyntaxError>& syntax_error() const { return syntax_error_; }

 private:
  // False, with the too-deep error, when kMaxJsonDepth containers are open.
  bool room_to_open();
  // Places `value` in the open container (or as the root) and returns where it went.
  json* put(json value);

  json root_;
  std::vector<json*> open_;  // the open objects and arrays, innermost last
  json* slot_ = nullptr;     // where the value after key() goes
  bool started_ = false;
  bool whole_document_;
  std::optional<std::string> duplicate_key_;
  std::optional<JsonSyntaxError> syntax_error_;
};

}  // namespace gcsim
