#!/usr/bin/env bash
# Fuzzes the request reader and the advisor (AssessmentRequestJson.Parse, then Advisor.Assess) with AFL++
# and SharpFuzz in AFL mode (Fuzzer.Run, input on stdin), on one CPU core. Any exception other than
# InvalidRequestException is a crash; an input running past the time limit is a hang.
#
#   tests/AsMassageAdvisor.Fuzz/run-fuzz.sh [SECONDS] [CORE]
#
#   SECONDS  how long afl-fuzz runs (default 1500, i.e. 25 minutes)
#   CORE     the one CPU core it may use (default 1)
#   FUZZ_WORK=DIR  where the build, the tools and the findings go (default /tmp/asm-fuzz); nothing is
#                  written into the repository (the build uses its own artifacts path).
#
# Downloads nothing but packages: afl++ from Debian (apt-get) and SharpFuzz.CommandLine from NuGet
# (dotnet tool install); SharpFuzz itself comes through the project's NuGet restore.
# libFuzzer mode (the default of the harness) needs SharpFuzz's libfuzzer-dotnet driver, which is not
# packaged, so this script drives the harness with afl-fuzz instead.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-${FUZZ_SECONDS:-1500}}"
core="${2:-${FUZZ_CORE:-1}}"
work="${FUZZ_WORK:-/tmp/asm-fuzz}"
tools="$work/tools"
app="$work/app"
findings="$work/findings"
sharpfuzz_version="2.3.0"

say() { printf '== %s\n' "$*"; }

# 1. Tools: AFL++ from Debian, the SharpFuzz instrumenter from NuGet.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  say "installing afl++ (Debian)"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y afl++
fi
if [ ! -x "$tools/sharpfuzz" ]; then
  say "installing SharpFuzz.CommandLine $sharpfuzz_version (NuGet)"
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version "$sharpfuzz_version"
fi

# 2. Build: a self-contained publish, with bin/obj under $work so that no build in the repository is touched.
say "publishing the harness to $app"
rm -rf "$app" "$work/artifacts"
dotnet publish "$here/AsMassageAdvisor.Fuzz.csproj" -c Release -r linux-x64 --self-contained \
  -o "$app" --artifacts-path "$work/artifacts" -nologo -v quiet

# 3. The seed corpus must go through the target cleanly before fuzzing starts.
say "replaying the seed corpus (uninstrumented)"
"$app/AsMassageAdvisor.Fuzz" --replay "$here/corpus"

# 4. Instrument the library under test and its validation dependency in place (System.Text.Json is a
#    ReadyToRun, mixed-mode assembly, which SharpFuzz cannot instrument).
for dll in AsMassageAdvisor.dll FluentValidation.dll; do
  say "instrumenting $dll"
  "$tools/sharpfuzz" "$app/$dll"
done
say "replaying the seed corpus (instrumented)"
"$app/AsMassageAdvisor.Fuzz" --replay "$here/corpus"

# 5. Fuzz, on one core, for $seconds seconds.
say "fuzzing for $seconds s on core $core; findings in $findings, afl-fuzz's log in $work/afl-fuzz.log"
rm -rf "$findings"
export AFL_SKIP_BIN_CHECK=1                    # the target is dotnet code; SharpFuzz speaks the fork-server protocol
export AFL_NO_AFFINITY=1                       # taskset below pins the whole process tree instead
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1                             # plain status lines, fit for a log
export DOTNET_gcServer=0
export DOTNET_GCHeapHardLimit=0x40000000       # 1 GiB: a runaway allocation is a crash, not a swap storm
status=0
taskset -c "$core" afl-fuzz -i "$here/corpus" -o "$findings" -t 5000+ -m none -V "$seconds" \
  -- "$app/AsMassageAdvisor.Fuzz" --afl >"$work/afl-fuzz.log" 2>&1 || status=$?
tail -n 5 "$work/afl-fuzz.log"

# 6. Summary, from afl-fuzz's own statistics, and a replay of every crash and hang found.
stats="$findings/default/fuzzer_stats"
if [ -f "$stats" ]; then
  say "fuzzer_stats"
  grep -E '^(start_time|last_update|run_time|fuzzer_pid|execs_done|execs_per_sec|corpus_count|corpus_found|bitmap_cvg|saved_crashes|saved_hangs|unique_crashes|unique_hangs|afl_version|command_line)\b' "$stats" || true
fi
for kind in crashes hangs; do
  dir="$findings/default/$kind"
  if [ -d "$dir" ] && [ -n "$(find "$dir" -type f -name 'id:*' -print -quit)" ]; then
    say "replaying $kind"
    "$app/AsMassageAdvisor.Fuzz" --replay "$dir" || true
  else
    say "no $kind"
  fi
done
exit "$status"
