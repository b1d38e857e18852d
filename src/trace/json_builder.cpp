#include "trace/json_builder.h"

#include <utility>

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
  open_.push_back(put(json::array()));
  return true;
}

bool JsonBuilder::end_array() {
  open_.pop_back();
  return true;
}

bool JsonBuilder::parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                              const nlohmann::json::exception& error) {
  syntax_error_ = json_syntax_error(error);
  return false;
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

JsonSyntaxError json_syntax_error(const nlohmann::json::exception& error) {
  // nlohmann's out_of_range.406: "number overflow parsing '1e400'".
  constexpr int kNumberOverflow = 406;
  const std::string_view what = error.what();
  std::string_view reason = what;
  if (const std::size_t column = what.find("column "); column != std::string_view::npos) {
    reason = what.substr(column);
  } else if (const std::size_t id_end = what.find("] "); id_end != std::string_view::npos) {
    reason = what.substr(id_end + 2);
  }
  return {error.id == kNumberOverflow ? "out-of-range" : "not-json", std::string(reason)};
}

}  // namespace gcsim
