import os from 'node:os'
import path from 'node:path'
import {INPUTS} from './definitions.js'
import {parseOptions, InputError} from './options.js'
import {parseFlags, renderHelp, UsageError} from './cli/flags.js'
import {coverageCommand} from './cli/coverage.js'
import {runPipeline} from './pipeline.js'
import {renderTerminalReport} from './report/terminal.js'
import {consoleLogger} from './util/log.js'
import {cancelOnSignals} from './util/signals.js'
import {TOOL_VERSION} from './version.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream
  cwd: string
  env: NodeJS.ProcessEnv
}

const USAGE = `usage: go-matrix <command> [flags]

Test a Go module against many Go versions: install each, build, test with coverage,
compare versions like for like, and gate.

commands:
  run        the whole matrix on a module (one flag per action input)
  coverage   the coverage engine alone on existing Go profiles

Run 'go-matrix <command> --help' for a command's flags.
Exit status: 0 all passed; 1 a gate, build or test failed; 2 bad usage or bad input.
`

/** The go-matrix command line over the same modules as the action. Returns the exit status. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'run':
      return runCommand(rest, io)
    case 'coverage':
      return coverageCommand([...rest], {stdout: io.stdout, stderr: io.stderr, cwd: io.cwd})
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

const RUN_INPUTS = INPUTS.filter(i => i.commands.includes('run'))

async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let options
  try {
    const flags = parseFlags(argv, RUN_INPUTS)
    if (flags.help) {
      io.stdout.write(
        renderHelp(
          'go-matrix run [flags]',
          'Installs each Go version, builds and runs `go test -coverprofile` under each one in its own isolated workspace, compares coverage across versions, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory.',
          RUN_INPUTS
        )
      )
      return 0
    }
    if (flags.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(flags.positionals[0])}`)
    // The command line has no GitHub event: no comment, and a baseline only when a path is given.
    options = parseOptions(name => flags.values[name] ?? (name === 'comment' ? 'false' : name === 'baseline' ? 'none' : ''))
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`go-matrix run: ${err.message.replace(/^input /, '--')}\n`)
      return 2
    }
    throw err
  }
  const logger = consoleLogger(io.stderr)
  const signals = cancelOnSignals()
  try {
    const tempDir = io.env.RUNNER_TEMP || path.join(os.tmpdir(), 'go-matrix')
    const result = await runPipeline(options, {
      workspace: io.cwd,
      tempDir,
      toolCacheDir: io.env.RUNNER_TOOL_CACHE || path.join(os.homedir(), '.cache', 'go-matrix', 'tool-cache'),
      commit: io.env.GITHUB_SHA ?? io.env.CI_COMMIT_SHA ?? '',
      ref: io.env.GITHUB_REF ?? io.env.CI_COMMIT_REF_NAME ?? '',
      env: io.env,
      logger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION
    })
    io.stdout.write(renderTerminalReport(result.report, result.verdict, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR))
    io.stdout.write(`\nreport: ${result.files.report}\n`)
    return result.verdict.failJob ? 1 : 0
  } catch (err) {
    io.stderr.write(`go-matrix run: ${(err as Error).message}\n`)
    return 2
  } finally {
    signals.dispose()
  }
}

function defaultIo(): CliIo {
  return {stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env}
}
