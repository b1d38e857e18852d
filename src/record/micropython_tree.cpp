#include "record/micropython_tree.h"

#include <fmt/format.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace gcsim {
namespace {

namespace fs = std::filesystem;

int version_field(const std::string& header, const char* name) {
  const std::regex line(std::string("#define ") + name + R"(\s+(\d+))");
  std::smatch m;
  if (!std::regex_search(header, m, line)) return -1;
  return std::stoi(m[1].str());
}

}  // namespace

MicroPythonTree find_micropython_tree(const std::optional<std::string>& flag) {
  std::string where;
  std::string dir;
  if (flag) {
    dir = *flag;
    where = "--micropython " + dir;
  } else if (const char* env = std::getenv("GCSIM_MICROPYTHON"); env && *env) {
    dir = env;
    where = fmt::format("GCSIM_MICROPYTHON={}", dir);
  } else {
    throw std::runtime_error(
        fmt::format("record: name the MicroPython v1.11 source tree with --micropython DIR or "
                    "GCSIM_MICROPYTHON (get one with: {})",
                    kMicroPythonCloneHint));
  }
  std::error_code ec;
  const fs::path root = fs::absolute(dir, ec);
  for (const char* needed : {"py/gc.c", "py/mpconfig.h", "ports/unix/Makefile", "mpy-cross"}) {
    if (!fs::exists(root / needed, ec)) {
      throw std::runtime_error(
          fmt::format("record: {}: not a MicroPython source tree ({} is missing; get one with: {})",
                      where, needed, kMicroPythonCloneHint));
    }
  }
  std::ifstream in(root / "py/mpconfig.h");
  std::stringstream header;
  header << in.rdbuf();
  MicroPythonTree tree{root.lexically_normal().string(),
                       version_field(header.str(), "MICROPY_VERSION_MAJOR"),
                       version_field(header.str(), "MICROPY_VERSION_MINOR"),
                       version_field(header.str(), "MICROPY_VERSION_MICRO")};
  if (tree.major != 1 || tree.minor != 11) {
    throw std::runtime_error(fmt::format(
        "record: {}: MicroPython {}.{}.{}; the recorder needs v1.11, the K210's core (get it "
        "with: {})",
        where, tree.major, tree.minor, tree.micro, kMicroPythonCloneHint));
  }
  return tree;
}

}  // namespace gcsim
