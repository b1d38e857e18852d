#include "cli/merge_command.h"

#include <memory>

#include "cli/sweep_command.h"
#include "sweep/merge.h"
#include "sweep/sweep_json_read.h"

namespace gcsim::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> shards;
  GateOptions gate;
  SweepOutputOptions outputs;
};

int run(const MergeArgs& args) {
  const std::optional<sweep::GateInput> gate = gate_input(args.gate, {});
  SweepOutputs outputs(args.outputs);
  std::vector<sweep::ShardFile> shards;
  for (const std::string& file : args.shards) {
    shards.push_back({file, sweep::read_sweep_json(file)});
  }
  return report_sweep(sweep::merge_shards(std::move(shards)), gate, outputs);
}

}  // namespace

void add_merge_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand("merge", "join the shards of a sweep into one result");
  cmd->add_option("shards", args->shards, "shard results (gcsim sweep --shard I/N --json F)")
      ->required();
  args->gate.add_to(*cmd);
  args->outputs.add_to(*cmd);
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace gcsim::cli
