/**
 * `go-matrix aggregate [flags] REPORT…`: `mode: aggregate` on the command line. Combines the
 * report.json files of collect legs (paths, directories holding one, or globs), gates, prints
 * the terminal report and writes the same files as `go-matrix run`.
 */
import {INPUTS} from '../inputs/definitions.js'
import {InputError, parseOptions} from '../inputs/options.js'
import {aggregateReports} from '../aggregate/aggregate.js'
import {renderTerminalReport} from '../report/terminal.js'
import {consoleLogger} from '../util/log.js'
import {commandLineRevision, commandLineTempDir} from './ci-env.js'
import {commandError} from '../inputs/error-message.js'
import {wantsColor} from './progress.js'
import {TOOL_VERSION} from '../version.js'
import {parseFlags, renderHelp, UsageError} from './flags.js'
import type {CliIo} from './io.js'


export const AGGREGATE_INPUTS = INPUTS.filter(i => i.commands.includes('aggregate'))

const DESCRIPTION =
  'Combines the report.json files written by `go-matrix run` or `mode: collect` legs (each REPORT is a report.json, a directory holding one, or a quoted glob), checks they are of one commit and schema, compares versions across legs and platforms, gates, prints a report and writes report.json, merged.lcov, merged.out and summary.md to --report-directory. A missing or failed leg fails the run.'

/** Returns the exit status: 0 all passed, 1 a gate, leg, build or test failed, 2 bad usage or input. */
export async function aggregateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let options
  try {
    const flags = parseFlags(argv, AGGREGATE_INPUTS)
    if (flags.help) {
      io.stdout.write(renderHelp('go-matrix aggregate [flags] REPORT…', DESCRIPTION, AGGREGATE_INPUTS))
      return 0
    }
    if (flags.positionals.length === 0) throw new UsageError('give the report.json files to combine (REPORT…)')
    const given: Record<string, string> = {...flags.values, mode: 'aggregate', reports: flags.positionals.join('\n')}
    // The command line has no GitHub event: no comment, and a baseline only when a path is given.
    options = parseOptions(name => given[name] ?? (name === 'comment' ? 'false' : name === 'baseline' ? 'none' : ''))
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`${commandError('aggregate', err)}\n`)
      return 2
    }
    throw err
  }
  try {
    const result = await aggregateReports(options, {
      workspace: io.cwd,
      tempDir: commandLineTempDir(io.env),
      ...(await commandLineRevision(io.env, io.cwd)),
      logger: consoleLogger(io.stderr),
      toolVersion: TOOL_VERSION
    })
    io.stdout.write(renderTerminalReport(result.report, result.verdict, wantsColor(io.stdout, io.env)))
    io.stdout.write(`\nreport: ${result.files.report}\n`)
    return result.verdict.failJob ? 1 : 0
  } catch (err) {
    io.stderr.write(`${commandError('aggregate', err)}\n`)
    // Legs that cannot be combined (AggregateError) or unreadable profiles are bad input: exit 2, as `run` does for any error.
    return 2
  }
}
