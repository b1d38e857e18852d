// RuleViolation: a trace event that breaks a rule only the program state can check (an id
// reused, an event on a dead or unknown id, an unref without its ref). The driver adds the
// file and the event's position and rethrows it as a TraceError.
#pragma once

#include <stdexcept>
#include <string>

namespace gcsim {

struct RuleViolation : std::runtime_error {
  RuleViolation(std::string rule_name, std::string what_found)
      : std::runtime_error(rule_name + ": " + what_found),
        rule(std::move(rule_name)),
        detail(std::move(what_found)) {}
  std::string rule;
  std::string detail;
};

}  // namespace gcsim
