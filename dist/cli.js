#!/usr/bin/env node
import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  CoverageError,
  INPUTS,
  InputError,
  TOOL_VERSION,
  aggregateReports,
  cancelOnSignals,
  consoleLogger,
  formatLcov,
  formatPercent,
  formatProfile,
  lineCoverage,
  mergeLineCoverage,
  mergeProfiles,
  modulePathOf,
  moduleRelativePath,
  parseOptions,
  percent,
  readProfile,
  runPipeline,
  seconds,
  signed,
  summarizeLines,
  summarizeStatements,
  versionLabels
} from "./chunks/chunk-IQWW76MK.js";
import "./chunks/chunk-SIJ6ZGQW.js";
import "./chunks/chunk-DVPRPKHA.js";

// src/cli.ts
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import os2, { availableParallelism } from "node:os";
import path3 from "node:path";

// src/cli/flags.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var isBoolean = (input) => input.default === "true" || input.default === "false";
function parseFlags(argv, inputs) {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const values = {};
  const positionals = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value = eq === -1 ? void 0 : arg.slice(eq + 1);
    let input = byName.get(name);
    if (!input && name.startsWith("no-") && value === void 0) {
      const positive = byName.get(name.slice(3));
      if (positive && isBoolean(positive)) {
        input = positive;
        name = positive.name;
        value = "false";
      }
    }
    if (!input) throw new UsageError(`unknown flag --${name}`);
    if (value === void 0) {
      const next = argv[i + 1];
      if (isBoolean(input) && (next === void 0 || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
        value = "true";
      } else if (next === void 0) {
        throw new UsageError(`flag --${name} needs a value`);
      } else {
        value = next;
        i++;
      }
    }
    values[name] = input.list && values[name] !== void 0 ? `${values[name]},${value}` : value;
  }
  return { values, positionals, help };
}
function wrap(text, width, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}
function flagLines(input) {
  const kind = isBoolean(input) ? `[=${input.default === "true" ? "false" : "true"}]` : " VALUE";
  const def = input.default === "" ? "" : ` (default ${input.default})`;
  return [`  --${input.name}${kind}${def}`, wrap(input.description, 74, "      ")];
}
function renderHelp(usage, summary, inputs, commandLineOnly = []) {
  const out = [`usage: ${usage}`, "", wrap(summary, 78, ""), "", "flags (each is the action input of the same name):"];
  for (const input of inputs) out.push(...flagLines(input));
  out.push("", "command-line flags:");
  for (const flag of commandLineOnly) out.push(...flagLines(flag));
  out.push("  -h, --help", "      Show this help.");
  return out.join("\n") + "\n";
}

// src/cli/coverage.ts
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
var COVERAGE_HELP = `usage: go-matrix coverage [--json] [--lcov FILE] [--merged FILE] PROFILE...

Reads Go coverage profiles (go test -coverprofile) and prints, per profile, its mode,
statement coverage (as go tool cover -func computes it) and line coverage, then the line
coverage of all profiles merged.

  --json          print {"profiles":[{"path","mode","statements","lines"}],"merged":{"lines"}}
  --lcov FILE     write the merged line coverage as LCOV (SF paths relative to the module
                  when the current directory holds its go.mod, else Go import paths)
  --merged FILE   write all profiles merged into one Go profile (identical blocks merged;
                  the profiles must share one mode)
  -h, --help      show this help

Exit status: 0 on success, 2 on bad usage or unreadable input.
`;
var UsageError2 = class extends Error {
};
async function coverageCommand(argv, io) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.stderr.write(`go-matrix coverage: ${err.message}
${COVERAGE_HELP}`);
    return 2;
  }
  if (args === "help") {
    io.stdout.write(COVERAGE_HELP);
    return 0;
  }
  try {
    await run(args, io);
    return 0;
  } catch (err) {
    if (err instanceof CoverageError) {
      io.stderr.write(`go-matrix coverage: ${err.message}
`);
      return 2;
    }
    throw err;
  }
}
function parseArgs(argv) {
  const args = { json: false, profiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === void 0 || v === "") throw new UsageError2(`${flag} needs a file name`);
      return v;
    };
    if (flag === "-h" || flag === "--help") return "help";
    else if (flag === "--json" && inline === void 0) args.json = true;
    else if (flag === "--lcov") args.lcov = value();
    else if (flag === "--merged") args.merged = value();
    else if (flag === "--") {
      args.profiles.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith("-") && flag !== "-") throw new UsageError2(`unknown flag ${flag}`);
    else args.profiles.push(arg);
  }
  if (args.profiles.length === 0) throw new UsageError2("give at least one profile");
  return args;
}
async function run(args, io) {
  const resolve = (file) => path.resolve(io.cwd, file);
  const profiles = [];
  for (const file of args.profiles) profiles.push({ path: file, profile: await readProfile(resolve(file)) });
  const perProfile = profiles.map(({ path: file, profile }) => {
    const lines = lineCoverage(profile);
    return { path: file, mode: profile.mode, statements: summarizeStatements(profile).total, lines, lineSummary: summarizeLines(lines).total };
  });
  const mergedLines = mergeLineCoverage(perProfile.map((p) => p.lines));
  const merged = summarizeLines(mergedLines).total;
  if (args.merged !== void 0) {
    const profile = mergeProfiles(profiles.map((p) => ({ name: p.path, profile: p.profile })));
    await write(resolve(args.merged), formatProfile(profile));
  }
  if (args.lcov !== void 0) {
    await write(resolve(args.lcov), formatLcov(mergedLines, { sourcePath: sourcePathFor(io.cwd) }));
  }
  if (args.json) {
    const json = {
      profiles: perProfile.map((p) => ({ path: p.path, mode: p.mode, statements: p.statements, lines: p.lineSummary })),
      merged: { lines: merged }
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}
`);
    return;
  }
  const rows = [
    ["profile", "mode", "statements", "lines"],
    ...perProfile.map((p) => [p.path, p.mode, cell(p.statements), cell(p.lineSummary)]),
    ["merged", "", "", cell(merged)]
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  io.stdout.write(rows.map((row) => row.map((c, col) => c.padEnd(widths[col])).join("  ").trimEnd()).join("\n") + "\n");
}
function cell(s) {
  return `${formatPercent(s.covered, s.total)}% (${s.covered}/${s.total})`;
}
function sourcePathFor(cwd) {
  const goMod = path.join(cwd, "go.mod");
  if (!existsSync(goMod)) return void 0;
  return moduleRelativePath(modulePathOf(readFileSync(goMod, "utf8"), goMod));
}
async function write(file, text) {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new CoverageError(`${file}: cannot write: ${err.message}`, { cause: err });
  }
}

// src/cli/aggregate.ts
import os from "node:os";
import path2 from "node:path";

// src/report/terminal.ts
var COLORS = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderTerminalReport(report, verdict, color) {
  const paint = (c, text) => color ? `\x1B[${COLORS[c]}m${text}\x1B[0m` : text;
  const statusColor = (s) => s === "passed" ? "green" : s === "skipped" ? "dim" : s === "failed" ? "red" : "yellow";
  const cmp = new Map(report.comparisons.versions.map((c) => [c.version, c]));
  const header = ["go", "status", "tests (pass/fail/skip)", "coverage", "\u0394 like-for-like", "time", "toolchain"];
  const labels = versionLabels(report.versions);
  const rows = report.versions.map((v, i) => [
    labels[i],
    v.status,
    v.status === "skipped" ? v.reason ?? "" : `${v.tests.passed}/${v.tests.failed}/${v.tests.skipped}`,
    percent(v.coverage?.statements.percent),
    cmp.has(labels[i]) ? signed(cmp.get(labels[i])?.likeForLikeDelta) : v.coverage ? "ref" : "\u2014",
    seconds(v.seconds),
    v.toolchain.source
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const out = [paint("bold", verdict.sentence), "", paint("dim", line(header))];
  report.versions.forEach((v, i) => {
    const cells = rows[i];
    const text = line(cells);
    const at2 = text.indexOf(v.status, cells[0].length);
    out.push(text.slice(0, at2) + paint(statusColor(v.status), v.status) + text.slice(at2 + v.status.length));
  });
  if (report.merged) out.push("", `merged line coverage: ${percent(report.merged.lines.percent)}`);
  for (const v of report.versions) {
    for (const f of v.tests.failures) {
      out.push("", paint("red", `--- FAIL ${f.test || "(build)"} [${f.package}] on Go ${v.version}`), f.output.replace(/\n$/, ""));
    }
    if (v.status === "error" && v.reason) out.push("", paint("yellow", `Go ${v.version}: ${v.reason}`));
  }
  for (const g of report.gates.filter((g2) => !g2.passed)) out.push("", paint("red", `gate ${g.name}: ${g.message}`));
  return out.join("\n") + "\n";
}

// src/cli/ci-env.ts
var SYSTEMS = [
  { name: "GitHub Actions", commit: "GITHUB_SHA", ref: "GITHUB_REF" },
  { name: "GitLab CI", commit: "CI_COMMIT_SHA", ref: "CI_COMMIT_REF_NAME" },
  { name: "Jenkins (git plugin)", commit: "GIT_COMMIT", ref: "GIT_BRANCH" },
  { name: "CircleCI", commit: "CIRCLE_SHA1", ref: "CIRCLE_BRANCH" },
  { name: "Buildkite", commit: "BUILDKITE_COMMIT", ref: "BUILDKITE_BRANCH" }
];
var CI_VARIABLES = SYSTEMS.map((s) => `${s.name}: ${s.commit}, ${s.ref}`);
function ciRevision(env) {
  for (const system of SYSTEMS) {
    const commit = env[system.commit];
    if (commit) return { commit, ref: env[system.ref] ?? "" };
  }
  return { commit: "", ref: "" };
}

// src/cli/progress.ts
var at = (where) => where?.file ? `${where.file}${where.line ? `:${where.line}` : ""}: ` : "";
var STATUS_COLOR = { passed: 32, failed: 31, error: 33, skipped: 2 };
function progressLine(title, color) {
  const match = /^(Go \S+: )(passed|failed|error|skipped)\b/.exec(title);
  if (!color || !match) return title;
  const [, head = "", status = ""] = match;
  return `${head}\x1B[${STATUS_COLOR[status]}m${status}\x1B[0m${title.slice(head.length + status.length)}`;
}
function groupBlock(title, body) {
  return `\u2500\u2500 ${title}
${body === "" || body.endsWith("\n") ? body : `${body}
`}`;
}
function progressLogger(stream, options) {
  const toFile = (text) => void options.logFile?.write(text);
  const both = (text) => {
    stream.write(text);
    toFile(text);
  };
  const paint = (code, text) => options.color ? `\x1B[${code}m${text}\x1B[0m` : text;
  return {
    info: (message) => both(`${message}
`),
    warning: (message, where) => {
      stream.write(`${paint(33, "warning:")} ${at(where)}${message}
`);
      toFile(`warning: ${at(where)}${message}
`);
    },
    error: (message, where) => {
      stream.write(`${paint(31, "error:")} ${at(where)}${message}
`);
      toFile(`error: ${at(where)}${message}
`);
    },
    debug: (message) => {
      if (options.verbose) stream.write(`${message}
`);
      toFile(`${message}
`);
    },
    group: (title, body) => {
      stream.write(options.verbose ? groupBlock(progressLine(title, options.color), body) : `${progressLine(title, options.color)}
`);
      toFile(groupBlock(title, body));
    }
  };
}
function wantsColor(stream, env) {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

// src/cli/aggregate.ts
var AGGREGATE_INPUTS = INPUTS.filter((i) => i.commands.includes("aggregate"));
var DESCRIPTION = "Combines the report.json files written by `go-matrix run` or `mode: collect` legs (each REPORT is a report.json, a directory holding one, or a quoted glob), checks they are of one commit and schema, compares versions across legs and platforms, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory. A missing or failed leg fails the run.";
async function aggregateCommand(argv, io) {
  let options;
  try {
    const flags = parseFlags(argv, AGGREGATE_INPUTS);
    if (flags.help) {
      io.stdout.write(renderHelp("go-matrix aggregate [flags] REPORT\u2026", DESCRIPTION, AGGREGATE_INPUTS));
      return 0;
    }
    if (flags.positionals.length === 0) throw new UsageError("give the report.json files to combine (REPORT\u2026)");
    const given = { ...flags.values, mode: "aggregate", reports: flags.positionals.join("\n") };
    options = parseOptions((name) => given[name] ?? (name === "comment" ? "false" : name === "baseline" ? "none" : ""));
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`go-matrix aggregate: ${err.message.replace(/^input /, "--")}
`);
      return 2;
    }
    throw err;
  }
  try {
    const result = await aggregateReports(options, {
      workspace: io.cwd,
      tempDir: io.env.RUNNER_TEMP || path2.join(os.tmpdir(), "go-matrix"),
      ...ciRevision(io.env),
      logger: consoleLogger(io.stderr),
      toolVersion: TOOL_VERSION
    });
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)));
    io.stdout.write(`
report: ${result.files.report}
`);
    return result.verdict.failJob ? 1 : 0;
  } catch (err) {
    io.stderr.write(`go-matrix aggregate: ${messageOf(err)}
`);
    return 2;
  }
}
function messageOf(err) {
  const parts = [];
  for (let e = err; e instanceof Error && parts.length < 3; e = e.cause) {
    if (!parts.some((p) => p.includes(e.message))) parts.push(e.message);
  }
  return parts.join(": ") || String(err);
}

// src/cli.ts
var USAGE = `usage: go-matrix <command> [flags]

Test a Go module against many Go versions: install each, build, test with coverage,
compare versions like for like, and gate.

commands:
  run        the whole matrix on a module (one flag per action input)
  aggregate  combine the report.json files of several runs (collect legs), then gate and report
  coverage   the coverage engine alone on existing Go profiles

Run 'go-matrix <command> --help' for a command's flags.
Exit status: 0 all passed; 1 a gate, build or test failed; 2 bad usage or bad input.
`;
async function main(argv, io = defaultIo()) {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
      return runCommand(rest, io);
    case "aggregate":
      return aggregateCommand(rest, io);
    case "coverage":
      return coverageCommand([...rest], { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    case "--version":
      io.stdout.write(`go-matrix ${TOOL_VERSION}
`);
      return 0;
    case "-h":
    case "--help":
    case "help":
      io.stdout.write(USAGE);
      return 0;
    case void 0:
      io.stderr.write(USAGE);
      return 2;
    default:
      io.stderr.write(`go-matrix: unknown command ${JSON.stringify(command)}

${USAGE}`);
      return 2;
  }
}
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
var RUN_SUMMARY = "Installs each Go version, builds and runs `go test -coverprofile` under each one in its own isolated workspace, compares coverage across versions, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory. Progress goes to stderr (a line as each version starts and finishes), the report to stdout. No CI variables are required; the commit and ref in report.json come from the first set of: " + CI_VARIABLES.join("; ") + ".";
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
      io.stderr.write(`go-matrix run: ${err.message.replace(/^input /, "--")}
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
    logFile = args.logFile ? openLogFile(path3.resolve(io.cwd, args.logFile)) : void 0;
  } catch (err) {
    io.stderr.write(`go-matrix run: --log-file: ${err.message}
`);
    return 2;
  }
  const logger = progressLogger(io.stderr, { verbose: args.verbose, color: wantsColor(io.stderr, io.env), ...logFile ? { logFile } : {} });
  const signals = cancelOnSignals();
  try {
    const tempDir = io.env.RUNNER_TEMP || path3.join(os2.tmpdir(), "go-matrix");
    logger.info(installingLine(options.goVersions, options.goVersionFile));
    const installStarted = Date.now();
    const result = await runPipeline(options, {
      workspace: io.cwd,
      tempDir,
      toolCacheDir: io.env.RUNNER_TOOL_CACHE || path3.join(os2.homedir(), ".cache", "go-matrix", "tool-cache"),
      ...ciRevision(io.env),
      env: io.env,
      logger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      onInstalled: (toolchains) => logger.info(installedLine(toolchains.length, (Date.now() - installStarted) / 1e3, options.maxParallel))
    });
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)));
    io.stdout.write(`
report: ${result.files.report}
`);
    if (logFile) io.stdout.write(`log: ${logFile.path}
`);
    return result.verdict.failJob ? 1 : 0;
  } catch (err) {
    logger.error(`go-matrix run: ${err.message}`);
    return 2;
  } finally {
    signals.dispose();
    logFile?.close();
  }
}
function installingLine(specs, versionFile) {
  const file = versionFile ? `the version ${versionFile} names` : "";
  return `installing Go ${[...specs, file].filter(Boolean).join(", ")}`;
}
function installedLine(count, seconds2, maxParallel, cpus = availableParallelism()) {
  const atOnce = Math.min(maxParallel > 0 ? maxParallel : cpus, count);
  const versions = count === 1 ? "1 version" : `${count} versions`;
  return `installed ${versions} in ${seconds2.toFixed(1)} s; running ${atOnce} at a time`;
}
function openLogFile(file) {
  mkdirSync(path3.dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  return { path: file, write: (text) => void writeSync(fd, text), close: () => closeSync(fd) };
}
function defaultIo() {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

// src/bin/cli.ts
process.exitCode = await main(process.argv.slice(2));
