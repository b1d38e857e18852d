#include "record/child_process.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/personality.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace gcsim {
namespace {

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// In the child, between fork and exec: no allocation, only system calls. On failure the errno
// goes to the parent through `report` (closed by a successful exec).
[[noreturn]] void fail_child(int report) {
  const int e = errno;
  (void)!::write(report, &e, sizeof e);
  ::_exit(127);
}

[[noreturn]] void become_child(const ChildSpec& spec, char* const* argv, char* const* envp,
                               int report) {
  auto fail = [report] { fail_child(report); };
  if (spec.fd3 >= 0 && spec.fd3 != 3) {
    if (::dup2(spec.fd3, 3) < 0) fail();
  } else if (spec.fd3 == 3) {
    ::fcntl(3, F_SETFD, 0);
  }
  if (spec.stdout_fd >= 0 && ::dup2(spec.stdout_fd, 1) < 0) fail();
  if (spec.stderr_fd >= 0 && ::dup2(spec.stderr_fd, 2) < 0) fail();
  if (!spec.cwd.empty() && ::chdir(spec.cwd.c_str()) != 0) fail();
  if (spec.no_aslr) ::personality(ADDR_NO_RANDOMIZE);
  if (envp != nullptr) {
    ::execvpe(argv[0], argv, envp);
  } else {
    ::execvp(argv[0], argv);
  }
  fail_child(report);
}

}  // namespace

pid_t start_child(const ChildSpec& spec) {
  std::vector<std::string> argv_strings = spec.argv;
  std::vector<std::string> env_strings = spec.env.value_or(std::vector<std::string>{});
  const std::vector<char*> argv = pointers(argv_strings);
  const std::vector<char*> envp = pointers(env_strings);
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) {
    throw std::runtime_error(
        fmt::format("cannot start {}: {}", spec.argv[0], std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(report[0]);
    ::close(report[1]);
    throw std::runtime_error(
        fmt::format("cannot start {}: {}", spec.argv[0], std::strerror(errno)));
  }
  if (pid == 0) become_child(spec, argv.data(), spec.env ? envp.data() : nullptr, report[1]);
  ::close(report[1]);
  int child_errno = 0;
  ssize_t n;
  do {
    n = ::read(report[0], &child_errno, sizeof child_errno);
  } while (n < 0 && errno == EINTR);
  ::close(report[0]);
  if (n == sizeof child_errno) {
    wait_child(pid);
    throw std::runtime_error(
        fmt::format("cannot run {}: {}", spec.argv[0], std::strerror(child_errno)));
  }
  return pid;
}

ChildExit wait_child(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  ChildExit exit;
  if (WIFSIGNALED(status)) {
    exit.signal = WTERMSIG(status);
  } else {
    exit.status = WEXITSTATUS(status);
  }
  return exit;
}

ChildExit run_child(const ChildSpec& spec) { return wait_child(start_child(spec)); }

bool program_exists(const std::string& name) {
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace gcsim
