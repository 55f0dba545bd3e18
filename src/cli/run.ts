/**
 * `go-matrix run [flags]`: `mode: run` on the command line. Installs each version, runs the
 * matrix, prints progress and the terminal report, and writes the same files as the action.
 */
import {closeSync, mkdirSync, openSync, writeSync} from 'node:fs'
import os, {availableParallelism} from 'node:os'
import path from 'node:path'
import {INPUTS, type InputDefinition} from '../inputs/definitions.js'
import {parseOptions, InputError, type Options} from '../inputs/options.js'
import {parseFlags, renderHelp, UsageError} from './flags.js'
import {progressLogger, wantsColor} from './progress.js'
import {commandLineRevision, commandLineTempDir, CI_VARIABLES} from './ci-env.js'
import {cancelOnSignals} from '../util/signals.js'
import {commandError} from '../inputs/error-message.js'
import {TOOL_VERSION} from '../version.js'
import type {CliIo} from './io.js'

const RUN_INPUTS = INPUTS.filter(i => i.commands.includes('run'))

/** Flags with no action input: how the command line shows the run, not what it runs. */
const RUN_DISPLAY_FLAGS: readonly InputDefinition[] = [
  {
    name: 'verbose',
    default: 'false',
    commands: [],
    description:
      "Print each version's full log (build, vet and go test output) after its progress line, instead of the progress line alone."
  },
  {
    name: 'log-file',
    default: '',
    commands: [],
    description: "Write everything, every version's full log included, to this file (relative to the current directory)."
  }
]

const RUN_SUMMARY =
  'Installs each Go version, builds and runs `go test -coverprofile` under each one in its own isolated workspace, compares coverage across versions, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory. Progress goes to stderr (a line as each version starts and finishes), the report to stdout. No CI variables are required; the commit and ref in report.json come from the first set of: ' +
  CI_VARIABLES.join('; ') +
  "; else from the git checkout --working-directory is in (its HEAD and branch)."

interface RunArgs {
  options: Options
  verbose: boolean
  logFile: string
}

/** Reads `go-matrix run`'s flags into validated options; throws UsageError or InputError. */
function parseRunArgs(argv: readonly string[]): RunArgs | 'help' {
  const flags = parseFlags(argv, [...RUN_INPUTS, ...RUN_DISPLAY_FLAGS])
  if (flags.help) return 'help'
  if (flags.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(flags.positionals[0])}`)
  const verbose = flags.values.verbose ?? 'false'
  if (!/^(true|false|yes|no|on|off|1|0)$/i.test(verbose)) throw new UsageError(`--verbose: ${JSON.stringify(verbose)} is not true or false`)
  // The command line has no GitHub event: no comment, and a baseline only when a path is given.
  const options = parseOptions(name => flags.values[name] ?? (name === 'comment' ? 'false' : name === 'baseline' ? 'none' : ''))
  return {options, verbose: /^(true|yes|on|1)$/i.test(verbose), logFile: flags.values['log-file'] ?? ''}
}

export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args
  try {
    args = parseRunArgs(argv)
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`${commandError('run', err)}\n`)
      return 2
    }
    throw err
  }
  if (args === 'help') {
    io.stdout.write(renderHelp('go-matrix run [flags]', RUN_SUMMARY, RUN_INPUTS, RUN_DISPLAY_FLAGS))
    return 0
  }
  const {options} = args
  let logFile: LogFile | undefined
  try {
    logFile = args.logFile ? openLogFile(path.resolve(io.cwd, args.logFile)) : undefined
  } catch (err) {
    io.stderr.write(`${commandError('run', new UsageError(`--log-file: ${(err as Error).message}`))}\n`)
    return 2
  }
  const logger = progressLogger(io.stderr, {verbose: args.verbose, color: wantsColor(io.stderr, io.env), ...(logFile ? {logFile} : {})})
  const signals = cancelOnSignals()
  try {
    const [{runPipeline}, {renderTerminalReport}] = await Promise.all([import('../pipeline.js'), import('../report/terminal.js')])
    logger.info(installingLine(options.goVersions, options.goVersionFile))
    const installStarted = Date.now()
    const result = await runPipeline(options, {
      workspace: io.cwd,
      tempDir: commandLineTempDir(io.env),
      toolCacheDir: io.env.RUNNER_TOOL_CACHE || path.join(os.homedir(), '.cache', 'go-matrix', 'tool-cache'),
      ...(await commandLineRevision(io.env, path.resolve(io.cwd, options.workingDirectory))),
      env: io.env,
      logger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      // The whole go test output is shown with --verbose, and always kept in the log file.
      fullLogs: args.verbose || logFile !== undefined,
      onInstalled: toolchains => logger.info(installedLine(toolchains.length, (Date.now() - installStarted) / 1000, options.maxParallel))
    })
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)))
    io.stdout.write(`\nreport: ${result.files.report}\n`)
    if (logFile) io.stdout.write(`log: ${logFile.path}\n`)
    return signals.received ? cancelledStatus(signals.received) : result.verdict.failJob ? 1 : 0
  } catch (err) {
    const line = `${commandError('run', err)}\n`
    io.stderr.write(line)
    logFile?.write(line)
    return signals.received ? cancelledStatus(signals.received) : 2
  } finally {
    signals.dispose()
    logFile?.close()
  }
}

/** A run cancelled by a signal exits as shells report one: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function cancelledStatus(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 15)
}

/** The line that opens the install step: the versions as given, before they are resolved. */
export function installingLine(specs: readonly string[], versionFile: string): string {
  const file = versionFile ? `the version ${versionFile} names` : ''
  return `installing Go ${[...specs, file].filter(Boolean).join(', ')}`
}

/** The line that closes the install step and says how the versions will run. */
export function installedLine(count: number, seconds: number, maxParallel: number, cpus = availableParallelism()): string {
  const atOnce = Math.min(maxParallel > 0 ? maxParallel : cpus, count)
  const versions = count === 1 ? '1 version' : `${count} versions`
  return `installed ${versions} in ${seconds.toFixed(1)} s; running ${atOnce} at a time`
}

interface LogFile {
  path: string
  write(text: string): void
  close(): void
}

/** Appends synchronously so the file keeps the order the lines were logged in, even if the run throws. */
function openLogFile(file: string): LogFile {
  mkdirSync(path.dirname(file), {recursive: true})
  const fd = openSync(file, 'w')
  return {path: file, write: text => void writeSync(fd, text), close: () => closeSync(fd)}
}
