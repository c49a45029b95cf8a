#include "tests/support/child_process.hpp"

#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <boost/asio.hpp>

namespace jointbuy::test {

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in{path};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::filesystem::path& out, const std::filesystem::path& err) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::filesystem::path scratch_file(const char* suffix) {
  static int counter = 0;
  return std::filesystem::temp_directory_path() /
         ("jointbuy-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + suffix);
}

}  // namespace

command_result run_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  const auto out = scratch_file(".out");
  const auto err = scratch_file(".err");
  const pid_t pid = spawn(args, env, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  command_result result{exit_code_of(status), slurp(out), slurp(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

command_result run_jointbuy(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  std::vector<std::string> full{JOINTBUY_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run_command(full, env);
}

background_process::background_process(const std::vector<std::string>& args, const std::filesystem::path& log_directory)
    : out_(log_directory / ("process-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".log")) {
  pid_ = spawn(args, {}, out_, out_.string() + ".err");
}

background_process::~background_process() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

void background_process::signal(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

int background_process::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return exit_code_of(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return -1;
}

std::string background_process::output() const { return slurp(out_) + slurp(out_.string() + ".err"); }

unsigned short free_port() {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor acceptor{ioc, {boost::asio::ip::make_address("127.0.0.1"), 0}};
  return acceptor.local_endpoint().port();
}

bool wait_for_port(unsigned short port, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket{ioc};
    boost::system::error_code ec;
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (!ec) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{25});
  }
  return false;
}

}  // namespace jointbuy::test
