#pragma once
// Runs the real jointbuy binary (or another program) as a child process in tests.

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace jointbuy::test {

/// What a finished command printed and how it ended.
struct command_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `args` (args[0] is the program) to completion, with extra environment variables.
command_result run_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

/// Runs `jointbuy ARGS…` to completion.
command_result run_jointbuy(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

/// A program running in the background; killed with SIGKILL if still running at destruction.
class background_process {
 public:
  background_process(const std::vector<std::string>& args, const std::filesystem::path& log_directory);
  ~background_process();
  background_process(const background_process&) = delete;
  background_process& operator=(const background_process&) = delete;

  /// Sends `signal` to the process.
  void signal(int signal);
  /// Waits for the process to end; its exit code, or -1 when `timeout` passed first.
  int wait(std::chrono::milliseconds timeout);
  /// What it has written to standard output and standard error so far.
  std::string output() const;
  /// Its process id.
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::filesystem::path out_;
};

/// A loopback port that was free a moment ago (for child servers that need a port on the command line).
unsigned short free_port();

/// Waits until 127.0.0.1:`port` accepts connections, at most `timeout`; false when it never did.
bool wait_for_port(unsigned short port, std::chrono::milliseconds timeout);

}  // namespace jointbuy::test
