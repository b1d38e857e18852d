#include "trace/json_builder.h"

#include <istream>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace gcsim {

bool JsonBuilder::null() {
  put(nullptr);
  return true;
}

bool JsonBuilder::boolean(bool value) {
  put(value);
  return true;
}

bool JsonBuilder::number_integer(json::number_integer_t value) {
  put(value);
  return true;
}

bool JsonBuilder::number_unsigned(json::number_unsigned_t value) {
  put(value);
  return true;
}

bool JsonBuilder::number_float(json::number_float_t value, const std::string& /*text*/) {
  put(value);
  return true;
}

bool JsonBuilder::string(std::string& value) {
  put(std::move(value));
  return true;
}

bool JsonBuilder::binary(json::binary_t& value) {
  put(json::binary(std::move(value)));
  return true;
}

bool JsonBuilder::start_object(std::size_t /*elements*/) {
  if (!room_to_open()) return false;
  open_.push_back(put(json::object()));
  return true;
}

bool JsonBuilder::key(std::string& key) {
  json& object = *open_.back();
  if (object.contains(key)) {
    duplicate_key_ = key;
    return false;
  }
  slot_ = &object[key];
  return true;
}

bool JsonBuilder::end_object() {
  open_.pop_back();
  return true;
}

bool JsonBuilder::start_array(std::size_t /*elements*/) {
  if (!room_to_open()) return false;
  open_.push_back(put(json::array()));
  return true;
}

bool JsonBuilder::end_array() {
  open_.pop_back();
  return true;
}

bool JsonBuilder::parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                              const nlohmann::json::exception& error) {
  syntax_error_ = json_syntax_error(error, whole_document_);
  return false;
}

bool JsonBuilder::room_to_open() {
  if (open_.size() < kMaxJsonDepth) return true;
  syntax_error_ = JsonSyntaxError{"too-deep", too_deep_reason()};
  return false;
}

std::string too_deep_reason() {
  return fmt::format("nested deeper than {} arrays and objects", kMaxJsonDepth);
}

JsonBuilder::json JsonBuilder::take() {
  json value = std::move(root_);
  root_ = json();
  open_.clear();
  slot_ = nullptr;
  started_ = false;
  return value;
}

JsonBuilder::json* JsonBuilder::put(json value) {
  if (open_.empty()) {
    started_ = true;
    root_ = std::move(value);
    return &root_;
  }
  json& container = *open_.back();
  if (container.is_array()) {
    container.push_back(std::move(value));
    return &container.back();
  }
  *slot_ = std::move(value);
  return slot_;
}

JsonSyntaxError json_syntax_error(const nlohmann::json::exception& error, bool with_line) {
  // nlohmann's out_of_range.406: "number overflow parsing '1e400'".
  constexpr int kNumberOverflow = 406;
  const std::string_view what = error.what();
  std::string_view reason = what;
  if (const std::size_t line = what.find("line "); with_line && line != std::string_view::npos) {
    reason = what.substr(line);
  } else if (const std::size_t column = what.find("column "); column != std::string_view::npos) {
    reason = what.substr(column);
  } else if (const std::size_t id_end = what.find("] "); id_end != std::string_view::npos) {
    reason = what.substr(id_end + 2);
  }
  // "…; last read: 'TOKEN'" and "number overflow parsing 'TOKEN'": the token may be a whole
  // 60 MB string or a million digits.
  constexpr std::size_t kMaxTokenBytes = 100;
  std::string text(reason);
  for (const std::string_view quote : {"last read: '", "parsing '"}) {
    const std::size_t token = text.find(quote);
    if (token == std::string::npos) continue;
    const std::size_t start = token + quote.size();
    if (text.size() - start > kMaxTokenBytes + 1) {
      std::size_t cut = start + kMaxTokenBytes;
      while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.replace(cut, std::string::npos, "...'");
    }
    break;
  }
  return {error.id == kNumberOverflow ? "out-of-range" : "not-json", std::move(text)};
}

nlohmann::json parse_json_document(std::istream& in, const std::string& file) {
  JsonBuilder builder(true);
  if (!nlohmann::json::sax_parse(in, &builder)) {
    if (builder.duplicate_key()) {
      throw std::runtime_error(
          fmt::format("{}: \"{:.100}\" twice in one object", file, *builder.duplicate_key()));
    }
    const JsonSyntaxError& error = *builder.syntax_error();
    throw std::runtime_error(fmt::format(
        "{}: {}: {}", file, error.rule == "too-deep" ? "too deep" : "not JSON", error.reason));
  }
  return builder.take();
}

}  // namespace gcsim
