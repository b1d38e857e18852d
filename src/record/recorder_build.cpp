#include "record/recorder_build.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "record/child_process.h"
#include "record/module_files.h"

namespace gcsim {
namespace {

namespace fs = std::filesystem;

// make's variables for the unix port (recorder_build.h says why).
const std::vector<std::string> kPortSettings = {"MICROPY_PY_FFI=0", "MICROPY_PY_BTREE=0",
                                                "MICROPY_PY_USSL=0", "MICROPY_SSL_AXTLS=0",
                                                "MICROPY_PY_THREAD=0"};

// What of a tree the unix port's build reads; the rest (other ports, docs, tests, git's
// objects, build output a user left in the tree) is left behind. docs/conf.py stays: outside
// a git work tree py/makeversionhdr.py takes the version from it.
bool copied(const fs::path& relative, bool is_dir) {
  const std::string first = relative.begin()->string();
  if (first == "docs") return relative == "docs" || relative == "docs/conf.py";
  if (first == ".git" || first == "tests" || first == "examples") return false;
  if (first == "ports") {
    auto it = std::next(relative.begin());
    // mpy-cross builds ports/windows/fmode.c on every host.
    if (it != relative.end() && it->string() != "unix" && it->string() != "windows") return false;
  }
  const std::string name = relative.filename().string();
  if (is_dir) return name != "build" && !name.starts_with("build-");
  return relative != "mpy-cross/mpy-cross";
}

// The files whose contents make the key: sources and build scripts, not build output.
bool hashed(const fs::path& relative) {
  const std::string ext = relative.extension().string();
  return ext == ".c" || ext == ".h" || ext == ".py" || ext == ".mk" ||
         relative.filename() == "Makefile";
}

// FNV-1a, 64 bits: a stable key across machines and compilers.
class Fnv1a {
 public:
  void add(std::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ull;
    }
    hash_ ^= 0xff;  // a separator, so ("ab","c") and ("a","bc") differ
    hash_ *= 0x100000001b3ull;
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string build_key(const MicroPythonTree& tree) {
  Fnv1a h;
  h.add("gcsim recorder build 1");
  for (const std::string& s : kPortSettings) h.add(s);
  for (const EmbeddedFile& f : recorder_module_files()) {
    h.add(f.path);
    h.add(f.content);
  }
  std::vector<fs::path> files;
  const fs::path root(tree.root);
  for (const char* dir : {"py", "extmod", "ports/unix", "mpy-cross", "lib/utils"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root / dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path relative = it->path().lexically_relative(root);
      if (it->is_directory()) {
        if (!copied(relative, true)) it.disable_recursion_pending();
      } else if (it->is_regular_file() && copied(relative, false) && hashed(relative)) {
        files.push_back(relative);
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    h.add(f.string());
    h.add(read_file(root / f));
  }
  return fmt::format("{:016x}", h.value());
}

void copy_tree(const fs::path& from, const fs::path& to) {
  for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::path relative = it->path().lexically_relative(from);
    const bool is_dir = it->is_directory() && !it->is_symlink();
    if (!copied(relative, is_dir)) {
      if (is_dir) it.disable_recursion_pending();
      continue;
    }
    const fs::path target = to / relative;
    if (it->is_symlink()) {
      fs::copy_symlink(it->path(), target);
    } else if (is_dir) {
      fs::create_directories(target);
    } else if (it->is_regular_file()) {
      fs::copy_file(it->path(), target);
    }
  }
}

void write_modules(const fs::path& dir) {
  for (const EmbeddedFile& f : recorder_module_files()) {
    const fs::path target = dir / f.path;
    fs::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary);
    out << f.content;
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", target.string()));
  }
}

void make(const std::vector<std::string>& args, int log_fd, const fs::path& log_path) {
  ChildSpec spec;
  spec.argv = {"make"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.stdout_fd = log_fd;
  spec.stderr_fd = log_fd;
  const ChildExit exit = run_child(spec);
  if (!exit.ok()) {
    throw std::runtime_error(
        fmt::format("record: building MicroPython failed ({} {}); the build's output is in {}",
                    exit.signal ? "signal" : "exit status", exit.signal ? exit.signal : exit.status,
                    log_path.string()));
  }
}

}  // namespace

std::string gcsim_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return (fs::path(xdg) / "gcsim").string();
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return (fs::path(home) / ".cache" / "gcsim").string();
  }
  throw std::runtime_error("record: no cache folder: set XDG_CACHE_HOME or HOME");
}

RecorderBuild ensure_recorder_build(const MicroPythonTree& tree, std::ostream& status) {
  const fs::path cache(gcsim_cache_dir());
  const fs::path binary =
      cache / fmt::format("micropython-{}.{}-{}", tree.major, tree.minor, build_key(tree));
  if (fs::exists(binary)) return {binary.string(), false, 0};

  for (const char* tool : {"make", "cc", "python3"}) {
    if (!program_exists(tool)) {
      throw std::runtime_error(fmt::format(
          "record: building MicroPython needs make, a C compiler (cc) and python3; {} is not "
          "installed (Debian: apt-get install make gcc python3)",
          tool));
    }
  }
  std::error_code ec;
  fs::create_directories(cache, ec);
  std::string stage_template = (cache / "build.XXXXXX").string();
  if (::mkdtemp(stage_template.data()) == nullptr) {
    throw std::runtime_error(
        fmt::format("record: cannot write the cache folder {}", cache.string()));
  }
  const fs::path stage(stage_template);
  const fs::path log_path = cache / "last-build.log";
  const auto start = std::chrono::steady_clock::now();
  status << fmt::format(
      "gcsim record: building the MicroPython {}.{} unix port with the recorder, once (about a "
      "minute; output in {})\n",
      tree.major, tree.minor, log_path.string());
  status.flush();
  const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    fs::remove_all(stage, ec);
    throw std::runtime_error(fmt::format("record: cannot write {}", log_path.string()));
  }
  try {
    const fs::path src = stage / "micropython";
    copy_tree(tree.root, src);
    write_modules(stage / "modules");
    const std::string jobs = fmt::format("-j{}", std::max(1u, std::thread::hardware_concurrency()));
    make({"-C", (src / "mpy-cross").string(), jobs}, log_fd, log_path);
    std::vector<std::string> args = {"-C", (src / "ports/unix").string(), jobs,
                                     "USER_C_MODULES=" + (stage / "modules").string()};
    args.insert(args.end(), kPortSettings.begin(), kPortSettings.end());
    make(args, log_fd, log_path);
    fs::rename(src / "ports/unix/micropython", binary);
  } catch (...) {
    ::close(log_fd);
    fs::remove_all(stage, ec);
    throw;
  }
  ::close(log_fd);
  fs::remove_all(stage, ec);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  status << fmt::format("gcsim record: built in {:.0f} s: {}\n", seconds, binary.string());
  return {binary.string(), true, seconds};
}

}  // namespace gcsim
