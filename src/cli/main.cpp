// gcsim: parse the command line, run one subcommand, print an error once, pick the exit code.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/diagnostics.h"
#include "cli/exit_codes.h"
#include "cli/geometry_command.h"
#include "cli/heapmap_command.h"
#include "cli/help_formatter.h"
#include "cli/import_command.h"
#include "cli/merge_command.h"
#include "cli/output_file.h"
#include "cli/record_command.h"
#include "cli/replay_command.h"
#include "cli/report_command.h"
#include "cli/sweep_command.h"
#include "cli/synth_command.h"
#include "cli/terminal.h"
#include "text/quote.h"

namespace {

// "geometry, heapmap, …, synth": every command, for an error that found none.
std::string command_names(const CLI::App& app) {
  std::string names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
    names += (names.empty() ? "" : ", ") + command->get_name();
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gcsim::cli;
  // Named, so --help's usage line says "gcsim", not the path it was run by.
  CLI::App app{"gcsim: replay MicroPython heap traces through a block-exact model of py/gc.c",
               "gcsim"};
  app.formatter(std::make_shared<HelpFormatter>(stdout_width()));  // subcommands inherit it
  app.require_subcommand(1);
  app.set_version_flag("--version", "gcsim 0.1.0");
  int exit_code = kExitOk;
  add_geometry_command(app, exit_code);
  add_heapmap_command(app, exit_code);
  add_import_command(app, exit_code);
  add_merge_command(app, exit_code);
  add_record_command(app, exit_code);
  add_replay_command(app, exit_code);
  add_report_command(app, exit_code);
  add_sweep_command(app, exit_code);
  add_synth_command(app, exit_code);
  try {
    app.parse(argc, argv);
    check_stdout();
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    if (app.get_subcommands().empty()) {             // no command: say which there are
      const std::string what = argc == 1 ? std::string("a command is required")
                               : argv[1][0] != '-'
                                   ? fmt::format("{} is not a command", gcsim::quote(argv[1]))
                                   : std::string(e.what());
      print_error(ColorMode::automatic,
                  fmt::format("gcsim: {}; the commands: {} (gcsim COMMAND --help)", what,
                              command_names(app)));
      return kExitBadInput;
    }
    print_error(given_color(app), fmt::format("gcsim: {}", e.what()));
    return kExitBadInput;
  } catch (...) {  // bad input (exit 2), or gcsim's own fault (exit 3): exit_codes.h
    const Failure failure = failure_of(std::current_exception());
    print_error(given_color(app), failure.message);
    return failure.exit_code;
  }
  return exit_code;
}
