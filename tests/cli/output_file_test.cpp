// How outputs are written, in process: what a path names, staging, modes, all or nothing, run_cli's own stream.
// The same end to end with devices, other users and signals: tests/scripts/test_output_safety.py.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "orgchart/cli/app.hpp"
#include "orgchart/cli/output_file.hpp"
#include "orgchart/cli/output_target.hpp"
#include "orgchart/error.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

bool has_temporaries(const std::string& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos ||
        e.path().filename().string().find(".old-") != std::string::npos)
      return true;
  return false;
}

TEST(OutputTarget, WhatAPathNames) {
  const std::string dir = test::temp_dir();
  EXPECT_EQ(resolve_output("-").kind, TargetKind::kStdout);
  EXPECT_EQ(resolve_output("/dev/stdout").kind, TargetKind::kStdout);
  EXPECT_EQ(resolve_output("/dev/fd/1").kind, TargetKind::kStdout);
  EXPECT_EQ(resolve_output("/proc/self/fd/1").kind, TargetKind::kStdout);
  const OutputTarget err = resolve_output("/dev/stderr");
  EXPECT_EQ(err.kind, TargetKind::kDescriptor);
  EXPECT_EQ(err.fd, 2);
  EXPECT_EQ(resolve_output("/dev/null").kind, TargetKind::kStream);
  const OutputTarget fresh = resolve_output(dir + "/new.svg");
  EXPECT_EQ(fresh.kind, TargetKind::kFile);
  EXPECT_FALSE(fresh.exists);
  // A link is followed to its file, which is what gets replaced.
  test::write_file(dir + "/real.svg", "x");
  fs::create_symlink("real.svg", dir + "/link.svg");
  const OutputTarget linked = resolve_output(dir + "/link.svg");
  EXPECT_EQ(linked.kind, TargetKind::kFile);
  EXPECT_TRUE(linked.exists);
  EXPECT_EQ(linked.path, dir + "/real.svg");
}

TEST(OutputTarget, FoldersAndInputsAreRefused) {
  const std::string dir = test::temp_dir();
  EXPECT_THROW(resolve_output(dir), UsageError);
  EXPECT_THROW(resolve_output(dir + "/"), UsageError);
  EXPECT_THROW(resolve_output(dir + "/missing/"), UsageError);
  EXPECT_THROW(resolve_output(dir + "/missing/x.svg"), IoError);
  test::write_file(dir + "/data.yaml", "units: []\n");
  fs::create_hard_link(dir + "/data.yaml", dir + "/same.dot");
  try {
    resolve_outputs({dir + "/same.dot"}, {dir + "/data.yaml"});
    ADD_FAILURE() << "an output that is the input was accepted";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("is the input file"), std::string::npos) << e.what();
  }
  EXPECT_THROW(resolve_outputs({dir + "/a.svg", dir + "/./a.svg"}, {}), UsageError);
  EXPECT_NO_THROW(resolve_outputs({"-", "-", "/dev/null", "/dev/null"}, {}));
}

TEST(OutputFile, ModesKeptOrFromUmask) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/private.dot", "old");
  ASSERT_EQ(::chmod((dir + "/private.dot").c_str(), 0600), 0);
  const mode_t old_umask = ::umask(027);
  std::ostringstream out;
  write_outputs({{dir + "/private.dot", "new"}, {dir + "/fresh.dot", "new"}}, out);
  ::umask(old_umask);
  EXPECT_EQ(test::read_file(dir + "/private.dot"), "new");
  EXPECT_EQ(mode_of(dir + "/private.dot"), 0600u);
  EXPECT_EQ(mode_of(dir + "/fresh.dot"), 0640u);
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, AllOrNothing) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/ok.svg", "old");
  std::ostringstream out;
  EXPECT_THROW(write_outputs({{dir + "/ok.svg", "new"}, {"-", "report"}, {dir + "/missing/x.svg", "new"}}, out),
               IoError);
  EXPECT_EQ(test::read_file(dir + "/ok.svg"), "old");
  EXPECT_EQ(out.str(), "") << "no stream is written before every file is staged";
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, WriteFunctionsStreamIntoTheirFiles) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/big.svg", "old");
  // More than the 1 MB stream buffer, in small pieces and one large block: every byte arrives, in order.
  const auto writer = [](std::ostream& os) {
    for (int i = 0; i < 200000; ++i) os << i << '\n';
    os << std::string(3u << 20, 'z') << "end\n";
  };
  std::ostringstream expected;
  writer(expected);
  std::ostringstream out;
  write_outputs({Output(dir + "/big.svg", writer), Output("-", writer), Output(dir + "/plain.dot", "bytes")}, out);
  EXPECT_EQ(test::read_file(dir + "/big.svg"), expected.str());
  EXPECT_EQ(out.str(), expected.str()) << "a stream target gets the function's bytes too";
  EXPECT_EQ(test::read_file(dir + "/plain.dot"), "bytes");
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, AWriteFunctionThatThrowsWritesNothing) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/a.svg", "old");
  const auto failing = [](std::ostream& os) {
    os << std::string(2u << 20, 'x');  // already partly in the temporary when it fails
    throw LayoutError("cannot draw");
  };
  std::ostringstream out;
  EXPECT_THROW(write_outputs({Output(dir + "/a.svg", "new"), Output("-", "report"), Output(dir + "/b.svg", failing)},
                             out),
               LayoutError);
  EXPECT_EQ(test::read_file(dir + "/a.svg"), "old");
  EXPECT_FALSE(fs::exists(dir + "/b.svg"));
  EXPECT_EQ(out.str(), "");
  EXPECT_FALSE(has_temporaries(dir));
  // On a stream target the function runs before any file is staged.
  EXPECT_THROW(write_outputs({Output(dir + "/c.svg", "new"), Output("-", failing)}, out), LayoutError);
  EXPECT_FALSE(fs::exists(dir + "/c.svg"));
  EXPECT_EQ(out.str(), "");
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, AStreamedWriteThatFailsNamesThePathAndLeavesNothing) {
  // A file size limit makes write(2) fail with EFBIG part way through the stream (SIGXFSZ ignored meanwhile).
  const std::string dir = test::temp_dir();
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  struct rlimit small = old;
  small.rlim_cur = 1u << 20;
  auto* old_handler = ::signal(SIGXFSZ, SIG_IGN);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::ostringstream out;
  std::string message;
  try {
    write_outputs({Output(dir + "/huge.svg", [](std::ostream& os) {
      for (int i = 0; i < 400000; ++i) os << "<g id=\"" << i << "\"/>\n";
    })}, out);
  } catch (const IoError& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  ::signal(SIGXFSZ, old_handler);
  EXPECT_NE(message.find("cannot write '" + dir + "/huge.svg'"), std::string::npos) << message;
  EXPECT_NE(message.find(std::strerror(EFBIG)), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir + "/huge.svg"));
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, LongNamesFit) {
  const std::string dir = test::temp_dir();
  const std::string name = std::string(246, 'n') + ".dot";  // 250 bytes: the temporary must be shortened
  std::ostringstream out;
  write_outputs({{dir + "/" + name, "x"}}, out);
  EXPECT_EQ(test::read_file(dir + "/" + name), "x");
  // A multi-byte name is cut at a character boundary.
  std::string utf8;
  while (utf8.size() < 240) utf8 += "\u4e2d";
  write_outputs({{dir + "/" + utf8 + ".dot", "y"}}, out);
  EXPECT_EQ(test::read_file(dir + "/" + utf8 + ".dot"), "y");
  EXPECT_FALSE(has_temporaries(dir));
}

TEST(OutputFile, StdoutIsTheStreamRunCliIsGiven) {
  const char* argv[] = {"orgchart", "export", "data/ild.yaml", "--format", "dot", "-o", "-"};
  std::ostringstream out, err;
  ASSERT_EQ(run_cli(7, argv, out, err), 0) << err.str();
  EXPECT_EQ(out.str().rfind("// Generated by orgchart", 0), 0u) << out.str().substr(0, 200);
}

TEST(OutputFile, OptionsOutOfRangeAreUsageErrors) {
  const std::string dir = test::temp_dir();
  const std::string o = dir + "/x.png";
  for (std::vector<std::string> extra : {std::vector<std::string>{"--dpi", "nan"}, {"--dpi", "inf"}, {"--dpi", "-1"},
                                         {"--page", "infxinf"}, {"--page", "0x0"}, {"--depth", "-1"},
                                         {"--depth", "1e400"}}) {
    std::vector<const char*> argv = {"orgchart", "export", "data/ild.yaml", "-o", o.c_str()};
    for (const auto& a : extra) argv.push_back(a.c_str());
    std::ostringstream out, err;
    EXPECT_EQ(run_cli(static_cast<int>(argv.size()), argv.data(), out, err), 2) << extra[0] << " " << extra[1];
    EXPECT_LT(err.str().size(), 300u) << err.str();
  }
  EXPECT_FALSE(fs::exists(o));
}

}  // namespace
}  // namespace orgchart
