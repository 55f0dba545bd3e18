/**
 * The go-matrix command line: one command per mode, over the same modules as the action. Each
 * command loads its own modules when it runs, so `coverage` starts without the installer, the
 * runner and their HTTP client (bench/README.md, coverage).
 */
import {TOOL_VERSION} from '../version.js'
import type {CliIo} from './io.js'

export type {CliIo} from './io.js'

const USAGE = `usage: go-matrix <command> [flags]

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
`

/** The go-matrix command line over the same modules as the action. Returns the exit status. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'run':
      return (await import('./run.js')).runCommand(rest, io)
    case 'aggregate':
      return (await import('./aggregate.js')).aggregateCommand(rest, io)
    case 'coverage':
      return (await import('./coverage.js')).coverageCommand([...rest], {stdout: io.stdout, stderr: io.stderr, cwd: io.cwd})
    case 'toolchains':
      return (await import('./toolchains.js')).toolchainsCommand(rest, io)
    case '--version':
      io.stdout.write(`go-matrix ${TOOL_VERSION}\n`)
      return 0
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(USAGE)
      return 0
    case undefined:
      io.stderr.write(USAGE)
      return 2
    default:
      io.stderr.write(`go-matrix: unknown command ${JSON.stringify(command)}\n\n${USAGE}`)
      return 2
  }
}

function defaultIo(): CliIo {
  return {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env}
}
