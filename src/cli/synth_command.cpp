#include "cli/synth_command.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <streambuf>
#include <string>

#include "cli/exit_codes.h"
#include "synth/workload.h"
#include "trace/writer.h"

namespace gcsim::cli {
namespace {

struct SynthArgs {
  std::string workload;
  std::string output;
  std::uint32_t frames = synth::SynthOptions{}.frames;
  std::uint64_t seed = synth::SynthOptions{}.seed;
  bool list = false;
};

// An ostream's buffer that deflates into a gzip file.
class GzipBuffer final : public std::streambuf {
 public:
  explicit GzipBuffer(gzFile file) : file_(file) { setp(buf_.data(), buf_.data() + buf_.size()); }

 protected:
  int overflow(int ch) override {
    if (sync() != 0) return traits_type::eof();
    if (ch != traits_type::eof()) {
      *pptr() = static_cast<char>(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const auto n = static_cast<unsigned>(pptr() - pbase());
    if (n > 0 && gzwrite(file_, pbase(), n) != static_cast<int>(n)) return -1;
    setp(buf_.data(), buf_.data() + buf_.size());
    return 0;
  }

 private:
  gzFile file_;
  std::array<char, 1 << 16> buf_{};
};

// A temporary file in the target's folder; removed unless renamed onto the target. It gets the
// mode a plain new file would (mkstemp makes it 0600).
class TempFile {
 public:
  explicit TempFile(const std::string& target) : path_(target + ".tmp.XXXXXX") {
    const int fd = ::mkstemp(path_.data());
    if (fd < 0) {
      throw std::runtime_error(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
  }
  ~TempFile() {
    if (!committed_) {
      std::error_code ignored;
      std::filesystem::remove(path_, ignored);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  void rename_to(const std::string& target) {
    if (std::rename(path_.c_str(), target.c_str()) != 0) {
      throw std::runtime_error(fmt::format("cannot write {}: {}", target, std::strerror(errno)));
    }
    committed_ = true;
  }

 private:
  std::string path_;
  bool committed_ = false;
};

// Writes `path` (gzipped if it ends in .gz) through a temporary file and a rename.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  TempFile temp(path);
  if (path.ends_with(".gz")) {
    gzFile file = gzopen(temp.path().c_str(), "wb9");
    if (!file) throw std::runtime_error(fmt::format("cannot write {}", path));
    bool ok = false;
    {
      GzipBuffer buffer(file);
      std::ostream out(&buffer);
      try {
        write(out);
        ok = static_cast<bool>(out.flush());
      } catch (...) {
        gzclose(file);
        throw;
      }
    }
    if (gzclose(file) != Z_OK || !ok) {
      throw std::runtime_error(fmt::format("cannot write {}", path));
    }
  } else {
    std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path));
  }
  temp.rename_to(path);
}

std::string workload_names() {
  std::string names;
  for (const synth::Workload& w : synth::workloads()) {
    if (!names.empty()) names += ", ";
    names += w.name;
  }
  return names;
}

void print_list() {
  for (const synth::Workload& w : synth::workloads()) {
    fmt::print("{:<18} {}\n", w.name, w.description);
  }
}

void run_synth(const SynthArgs& args) {
  if (args.workload.empty()) {
    throw std::invalid_argument("synth: name a workload (one of: " + workload_names() + ")");
  }
  const synth::Workload* workload = synth::find_workload(args.workload);
  if (!workload) {
    throw std::invalid_argument(
        fmt::format("synth: unknown workload '{}' (one of: {})", args.workload, workload_names()));
  }
  if (args.output.empty()) throw std::invalid_argument("synth: -o TRACE.jsonl is required");
  if (!args.output.ends_with(".jsonl") && !args.output.ends_with(".jsonl.gz")) {
    throw std::invalid_argument(
        fmt::format("synth: {}: the output must end in .jsonl or .jsonl.gz", args.output));
  }
  const synth::SynthOptions options{args.frames, args.seed};
  write_atomically(args.output, [&](std::ostream& out) {
    TraceWriter writer(out);
    writer.write_header(synth::synth_header(*workload, options));
    synth::synthesize(*workload, options, [&writer](const Event& e) { writer.write_event(e); });
  });
}

}  // namespace

void add_synth_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* cmd = app.add_subcommand("synth", "write the synthetic trace of a K210 workload");
  cmd->add_option("workload", args->workload, "the workload (see --list)");
  cmd->add_option("--frames", args->frames, "passes of the script's loop")
      ->check(CLI::Range(1u, 1'000'000u))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "random seed")->capture_default_str();
  cmd->add_option("-o,--output", args->output, "the trace to write (.jsonl or .jsonl.gz)");
  cmd->add_flag("--list", args->list, "list the workloads, one line each");
  cmd->callback([args, &exit_code] {
    if (args->list) {
      print_list();
    } else {
      run_synth(*args);
    }
    exit_code = kExitOk;
  });
}

}  // namespace gcsim::cli
