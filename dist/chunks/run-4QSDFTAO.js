import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  CI_VARIABLES,
  commandLineRevision,
  commandLineTempDir,
  progressLogger,
  wantsColor
} from "./chunk-CI6XBGPG.js";
import {
  UsageError,
  parseFlags,
  renderHelp
} from "./chunk-FARIO7UA.js";
import {
  cancelOnSignals
} from "./chunk-ICLWKFK2.js";
import "./chunk-DNGZ5PR3.js";
import {
  commandError
} from "./chunk-62AH5CLN.js";
import "./chunk-36Z2D6VQ.js";
import {
  InputError,
  parseOptions
} from "./chunk-GCRRJQIJ.js";
import {
  INPUTS
} from "./chunk-DH4SDH7Q.js";
import {
  TOOL_VERSION
} from "./chunk-QCJRL7H3.js";
import "./chunk-L35V7ZA7.js";

// src/cli/run.ts
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import os, { availableParallelism } from "node:os";
import path from "node:path";
var RUN_INPUTS = INPUTS.filter((i) => i.commands.includes("run"));
var RUN_DISPLAY_FLAGS = [
  {
    name: "verbose",
    default: "false",
    commands: [],
    description: "Print each version's full log (build, vet and go test output) after its progress line, instead of the progress line alone."
  },
  {
    name: "log-file",
    default: "",
    commands: [],
    description: "Write everything, every version's full log included, to this file (relative to the current directory)."
  }
];
var RUN_SUMMARY = "Installs each Go version, builds and runs `go test -coverprofile` under each one in its own isolated workspace, compares coverage across versions, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory. Progress goes to stderr (a line as each version starts and finishes), the report to stdout. No CI variables are required; the commit and ref in report.json come from the first set of: " + CI_VARIABLES.join("; ") + "; else from the git checkout --working-directory is in (its HEAD and branch).";
function parseRunArgs(argv) {
  const flags = parseFlags(argv, [...RUN_INPUTS, ...RUN_DISPLAY_FLAGS]);
  if (flags.help) return "help";
  if (flags.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(flags.positionals[0])}`);
  const verbose = flags.values.verbose ?? "false";
  if (!/^(true|false|yes|no|on|off|1|0)$/i.test(verbose)) throw new UsageError(`--verbose: ${JSON.stringify(verbose)} is not true or false`);
  const options = parseOptions((name) => flags.values[name] ?? (name === "comment" ? "false" : name === "baseline" ? "none" : ""));
  return { options, verbose: /^(true|yes|on|1)$/i.test(verbose), logFile: flags.values["log-file"] ?? "" };
}
async function runCommand(argv, io) {
  let args;
  try {
    args = parseRunArgs(argv);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`${commandError("run", err)}
`);
      return 2;
    }
    throw err;
  }
  if (args === "help") {
    io.stdout.write(renderHelp("go-matrix run [flags]", RUN_SUMMARY, RUN_INPUTS, RUN_DISPLAY_FLAGS));
    return 0;
  }
  const { options } = args;
  let logFile;
  try {
    logFile = args.logFile ? openLogFile(path.resolve(io.cwd, args.logFile)) : void 0;
  } catch (err) {
    io.stderr.write(`${commandError("run", new UsageError(`--log-file: ${err.message}`))}
`);
    return 2;
  }
  const logger = progressLogger(io.stderr, { verbose: args.verbose, color: wantsColor(io.stderr, io.env), ...logFile ? { logFile } : {} });
  const signals = cancelOnSignals();
  try {
    const [{ runPipeline }, { renderTerminalReport }] = await Promise.all([import("./pipeline-K5HVFWKX.js"), import("./terminal-JJOUDSHW.js")]);
    logger.info(installingLine(options.goVersions, options.goVersionFile));
    const installStarted = Date.now();
    const result = await runPipeline(options, {
      workspace: io.cwd,
      tempDir: commandLineTempDir(io.env),
      toolCacheDir: io.env.RUNNER_TOOL_CACHE || path.join(os.homedir(), ".cache", "go-matrix", "tool-cache"),
      ...await commandLineRevision(io.env, path.resolve(io.cwd, options.workingDirectory)),
      env: io.env,
      logger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      // The whole go test output is shown with --verbose, and always kept in the log file.
      fullLogs: args.verbose || logFile !== void 0,
      onInstalled: (toolchains) => logger.info(installedLine(toolchains.length, (Date.now() - installStarted) / 1e3, options.maxParallel))
    });
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)));
    io.stdout.write(`
report: ${result.files.report}
`);
    if (logFile) io.stdout.write(`log: ${logFile.path}
`);
    return signals.received ? cancelledStatus(signals.received) : result.verdict.failJob ? 1 : 0;
  } catch (err) {
    const line = `${commandError("run", err)}
`;
    io.stderr.write(line);
    logFile?.write(line);
    return signals.received ? cancelledStatus(signals.received) : 2;
  } finally {
    signals.dispose();
    logFile?.close();
  }
}
function cancelledStatus(signal) {
  return 128 + (os.constants.signals[signal] ?? 15);
}
function installingLine(specs, versionFile) {
  const file = versionFile ? `the version ${versionFile} names` : "";
  return `installing Go ${[...specs, file].filter(Boolean).join(", ")}`;
}
function installedLine(count, seconds, maxParallel, cpus = availableParallelism()) {
  const atOnce = Math.min(maxParallel > 0 ? maxParallel : cpus, count);
  const versions = count === 1 ? "1 version" : `${count} versions`;
  return `installed ${versions} in ${seconds.toFixed(1)} s; running ${atOnce} at a time`;
}
function openLogFile(file) {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  return { path: file, write: (text) => void writeSync(fd, text), close: () => closeSync(fd) };
}
export {
  cancelledStatus,
  installedLine,
  installingLine,
  runCommand
};
