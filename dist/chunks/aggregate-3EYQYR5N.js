import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import {
  commandLineRevision,
  commandLineTempDir,
  wantsColor
} from "./chunk-CI6XBGPG.js";
import {
  UsageError,
  parseFlags,
  renderHelp
} from "./chunk-FARIO7UA.js";
import {
  aggregateReports
} from "./chunk-GL3K4IQJ.js";
import "./chunk-DNGZ5PR3.js";
import {
  commandError
} from "./chunk-62AH5CLN.js";
import "./chunk-36Z2D6VQ.js";
import {
  consoleLogger
} from "./chunk-NFFW3GOK.js";
import {
  InputError,
  parseOptions
} from "./chunk-GCRRJQIJ.js";
import "./chunk-FFUFBHAD.js";
import "./chunk-MBZDNYRM.js";
import {
  INPUTS
} from "./chunk-DH4SDH7Q.js";
import {
  TOOL_VERSION
} from "./chunk-QCJRL7H3.js";
import {
  renderTerminalReport
} from "./chunk-AEZUXN6U.js";
import "./chunk-SJKBGCPK.js";
import "./chunk-L35V7ZA7.js";

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
      io.stderr.write(`${commandError("aggregate", err)}
`);
      return 2;
    }
    throw err;
  }
  try {
    const result = await aggregateReports(options, {
      workspace: io.cwd,
      tempDir: commandLineTempDir(io.env),
      ...await commandLineRevision(io.env, io.cwd),
      logger: consoleLogger(io.stderr),
      toolVersion: TOOL_VERSION
    });
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)));
    io.stdout.write(`
report: ${result.files.report}
`);
    return result.verdict.failJob ? 1 : 0;
  } catch (err) {
    io.stderr.write(`${commandError("aggregate", err)}
`);
    return 2;
  }
}
export {
  AGGREGATE_INPUTS,
  aggregateCommand
};
