import {existsSync, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {formatProfile} from '../coverage/go-profile.js'
import {formatLcov, moduleRelativePath} from '../coverage/lcov.js'
import {GoFileError, modulePathOf} from '../go/go-mod.js'
import {lineCoverage, mergeLineCoverage, summarizeLines} from '../coverage/lines.js'
import {mergeProfiles} from '../coverage/merge.js'
import {CoverageError} from '../coverage/model.js'
import type {Profile, Summary} from '../coverage/model.js'
import {formatPercent} from '../coverage/percent.js'
import {readProfile} from '../files/read-profile.js'
import {summarizeStatements} from '../coverage/summary.js'
import {commandError} from '../inputs/error-message.js'

export interface CommandIO {
  stdout: {write(text: string): unknown}
  stderr: {write(text: string): unknown}
  /** Relative paths (profiles, --lcov, --merged) resolve against it. */
  cwd: string
}

export const COVERAGE_HELP = `usage: go-matrix coverage [--json] [--lcov FILE] [--merged FILE] PROFILE...

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
`

interface CoverageArgs {
  json: boolean
  lcov?: string
  merged?: string
  profiles: string[]
}

class UsageError extends Error {}

/** `go-matrix coverage`: the coverage engine on existing profiles. Returns the exit status. */
export async function coverageCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  let args: CoverageArgs | 'help'
  try {
    args = parseArgs(argv)
  } catch (err) {
    io.stderr.write(`${commandError('coverage', err)}\n${COVERAGE_HELP}`)
    return 2
  }
  if (args === 'help') {
    io.stdout.write(COVERAGE_HELP)
    return 0
  }
  try {
    await run(args, io)
    return 0
  } catch (err) {
    if (err instanceof CoverageError || err instanceof GoFileError) {
      io.stderr.write(`${commandError('coverage', err)}\n`)
      return 2
    }
    throw err
  }
}

function parseArgs(argv: readonly string[]): CoverageArgs | 'help' {
  const args: CoverageArgs = {json: false, profiles: []}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a file name`)
      return v
    }
    if (flag === '-h' || flag === '--help') return 'help'
    else if (flag === '--json' && inline === undefined) args.json = true
    else if (flag === '--lcov') args.lcov = value()
    else if (flag === '--merged') args.merged = value()
    else if (flag === '--') {
      args.profiles.push(...argv.slice(i + 1))
      break
    }    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown flag ${flag}`)
    else args.profiles.push(arg)
  }
  if (args.profiles.length === 0) throw new UsageError('give at least one profile')
  return args
}

async function run(args: CoverageArgs, io: CommandIO): Promise<void> {
  const resolve = (file: string): string => path.resolve(io.cwd, file)
  const profiles: {path: string; profile: Profile}[] = []
  for (const file of args.profiles) profiles.push({path: file, profile: await readProfile(resolve(file))})
  const perProfile = profiles.map(({path: file, profile}) => {
    const lines = lineCoverage(profile)
    return {path: file, mode: profile.mode, statements: summarizeStatements(profile).total, lines, lineSummary: summarizeLines(lines).total}
  })
  const mergedLines = mergeLineCoverage(perProfile.map(p => p.lines))
  const merged = summarizeLines(mergedLines).total

  if (args.merged !== undefined) {
    const profile = mergeProfiles(profiles.map(p => ({name: p.path, profile: p.profile})))
    await write(resolve(args.merged), formatProfile(profile))
  }
  if (args.lcov !== undefined) {
    await write(resolve(args.lcov), formatLcov(mergedLines, {sourcePath: sourcePathFor(io.cwd)}))
  }

  if (args.json) {
    const json = {
      profiles: perProfile.map(p => ({path: p.path, mode: p.mode, statements: p.statements, lines: p.lineSummary})),
      merged: {lines: merged}
    }
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
    return
  }
  const rows = [
    ['profile', 'mode', 'statements', 'lines'],
    ...perProfile.map(p => [p.path, p.mode, cell(p.statements), cell(p.lineSummary)]),
    ['merged', '', '', cell(merged)]
  ]
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map(row => (row[col] as string).length)))
  io.stdout.write(rows.map(row => row.map((c, col) => c.padEnd(widths[col] as number)).join('  ').trimEnd()).join('\n') + '\n')
}

function cell(s: Summary): string {
  return `${formatPercent(s.covered, s.total)}% (${s.covered}/${s.total})`
}

/** SF paths relative to the module when the working directory holds its go.mod. */
function sourcePathFor(cwd: string): ((file: string) => string) | undefined {
  const goMod = path.join(cwd, 'go.mod')
  if (!existsSync(goMod)) return undefined
  return moduleRelativePath(modulePathOf(readFileSync(goMod, 'utf8'), goMod))
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text)
  } catch (err) {
    throw new CoverageError(`${file}: cannot write: ${(err as Error).message}`, {cause: err})
  }
}
