#include "cli/merge_command.h"

#include <memory>

#include "cli/sweep_command.h"

namespace gcsim::cli {
namespace {

struct MergeArgs {
  sweep::MergeRequest request;
  SweepOutputOptions outputs;
};

int run(const MergeArgs& args) {
  for (const std::string& shard : args.request.shards) protect_input(shard);
  protect_inputs(args.request.config, args.request.gate);
  SweepOutputs outputs(args.outputs);
  return finish(sweep::run_merge(args.request), outputs);
}

}  // namespace

void add_merge_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand("merge", "join the shards of a sweep into one result");
  cmd->add_option("shards", args->request.shards,
                  "shard results (gcsim sweep --shard I/N --json F)")
      ->required();
  cmd->add_option("--config", args->request.config,
                  "the sweep file the shards ran: its baseline, tolerance and budgets gate the "
                  "merge as they gate an unsharded run");
  add_gate_flags(*cmd, args->request.gate);
  args->outputs.add_to(*cmd);
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace gcsim::cli
