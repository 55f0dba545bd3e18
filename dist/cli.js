#!/usr/bin/env node
import {createRequire as __goMatrixCreateRequire} from 'node:module';
const require = __goMatrixCreateRequire(import.meta.url);
import "./chunks/chunk-36Z2D6VQ.js";
import {
  TOOL_VERSION
} from "./chunks/chunk-QCJRL7H3.js";
import "./chunks/chunk-L35V7ZA7.js";

// src/cli/main.ts
var USAGE = `usage: go-matrix <command> [flags]

Test a Go module against many Go versions: install each, build, test with coverage,
compare versions like for like, and gate.

commands:
  run        the whole matrix on a module (one flag per action input)
  aggregate  combine the report.json files of several runs (collect legs), then gate and report
  coverage   the coverage engine alone on existing Go profiles
  toolchains list, verify and prune the Go toolchains of the tool cache

Run 'go-matrix <command> --help' for a command's flags.
Exit status: 0 all passed; 1 a gate, build or test failed; 2 bad usage or bad input;
130 or 143 cancelled by SIGINT or SIGTERM.
`;
async function main(argv, io = defaultIo()) {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
      return (await import("./chunks/run-4QSDFTAO.js")).runCommand(rest, io);
    case "aggregate":
      return (await import("./chunks/aggregate-3EYQYR5N.js")).aggregateCommand(rest, io);
    case "coverage":
      return (await import("./chunks/coverage-XGPIZRWP.js")).coverageCommand([...rest], { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
    case "toolchains":
      return (await import("./chunks/toolchains-NYAEXKJU.js")).toolchainsCommand(rest, io);
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
function defaultIo() {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

// src/bin/cli.ts
var status = await main(process.argv.slice(2));
if (status >= 128) process.exit(status);
process.exitCode = status;
