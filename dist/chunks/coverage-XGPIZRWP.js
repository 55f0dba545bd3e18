import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  commandError
} from "./chunk-62AH5CLN.js";
import {
  GoFileError,
  modulePathOf
} from "./chunk-U7QWH5N3.js";
import {
  CoverageError,
  formatLcov,
  formatPercent,
  formatProfile,
  lineCoverage,
  mergeLineCoverage,
  mergeProfiles,
  moduleRelativePath,
  readProfile,
  summarizeLines,
  summarizeStatements
} from "./chunk-FFUFBHAD.js";
import "./chunk-MBZDNYRM.js";
import "./chunk-DH4SDH7Q.js";
import "./chunk-L35V7ZA7.js";

// src/cli/coverage.ts
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
var COVERAGE_HELP = `usage: go-matrix coverage [--json] [--lcov FILE] [--merged FILE] PROFILE...

Reads Go coverage profiles (go test -coverprofile) and prints, per profile, its mode,
statement coverage and line coverage, then the line coverage of all profiles merged.
Statements are counted as go test -cover counts them: every block, package-level closures
included (go tool cover -func lists functions, so its total leaves those out), each block as
the profile records it. A line counts when a block covers at least one character of it.

  --json          print {"profiles":[{"path","mode","statements","lines"}],"merged":{"lines"}}
  --lcov FILE     write the merged line coverage as LCOV (SF paths relative to the module
                  when the current directory holds its go.mod, else Go import paths)
  --merged FILE   write all profiles merged into one Go profile (identical blocks merged;
                  the profiles must share one mode)
  -h, --help      show this help

Exit status: 0 on success, 2 on bad usage or unreadable input.
`;
var UsageError = class extends Error {
};
async function coverageCommand(argv, io) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.stderr.write(`${commandError("coverage", err)}
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
    if (err instanceof CoverageError || err instanceof GoFileError) {
      io.stderr.write(`${commandError("coverage", err)}
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
      if (v === void 0 || v === "") throw new UsageError(`${flag} needs a file name`);
      return v;
    };
    if (flag === "-h" || flag === "--help") return "help";
    else if (flag === "--json" && inline === void 0) args.json = true;
    else if (flag === "--lcov") args.lcov = value();
    else if (flag === "--merged") args.merged = value();
    else if (flag === "--") {
      args.profiles.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown flag ${flag}`);
    else args.profiles.push(arg);
  }
  if (args.profiles.length === 0) throw new UsageError("give at least one profile");
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
export {
  COVERAGE_HELP,
  coverageCommand
};
