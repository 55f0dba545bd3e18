/**
 * The aggregate's file system side: finding the legs' report.json files, reading them, and
 * rebuilding each version's coverage from the files beside them.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {readProfile} from '../coverage/read.js'
import {countOwnTests} from '../coverage/own-tests.js'
import {summarizeStatements} from '../coverage/summary.js'
import {lineCoverage, summarizeLines} from '../coverage/lines.js'
import type {VersionCoverage} from '../pipeline.js'
import type {VersionReport} from '../report/schema.js'
import {AggregateError, type FoundLeg, type LegProblem} from './legs.js'
import {expandGlob, globToRegExp, isGlob} from './glob.js'
import {functionsFromLcov, matchSourceFiles, parseLcovFunctions} from './lcov-functions.js'

export interface LegFiles {
  /** Absolute paths of the report.json files found, in the order given, without duplicates. */
  files: string[]
  /** Listed paths that do not exist, and patterns that matched nothing. */
  missing: LegProblem[]
}

/**
 * Expands the `reports` input: each entry is a report.json path, a directory holding one (an
 * artifact downloaded as is), or a glob (`legs/*\/report.json`, `!` to exclude). Relative
 * entries resolve against the workspace.
 */
export async function findLegFiles(entries: readonly string[], workspace: string): Promise<LegFiles> {
  const files: string[] = []
  const missing: LegProblem[] = []
  const add = (file: string): void => {
    if (!files.includes(file)) files.push(file)
  }
  const absolute = (entry: string): string => path.resolve(workspace, entry)
  const exclusions = entries.filter(e => e.startsWith('!')).map(e => globToRegExp(absolute(e.slice(1)).split(path.sep).join('/')))
  for (const entry of entries) {
    if (entry.startsWith('!')) continue
    if (!isGlob(entry)) {
      const file = await reportFileAt(absolute(entry))
      if (file) add(file)
      else missing.push({file: entry, kind: 'missing', reason: 'no such file'})
      continue
    }
    const matched: string[] = []
    for (const found of await expandGlob(absolute(entry))) {
      if (exclusions.some(exclusion => exclusion.test(found.split(path.sep).join('/')))) continue
      const file = await reportFileAt(found)
      if (file) matched.push(file)
    }
    if (matched.length === 0) missing.push({file: entry, kind: 'missing', reason: 'the pattern matched no report.json'})
    matched.forEach(add)
  }
  return {files, missing}
}

/** The report.json a path names: the file itself, or report.json inside a directory; null when neither exists. */
async function reportFileAt(file: string): Promise<string | null> {
  const info = await stat(file).catch(() => null)
  if (info?.isFile()) return file
  if (info?.isDirectory()) {
    const inside = path.join(file, 'report.json')
    if ((await stat(inside).catch(() => null))?.isFile()) return inside
  }
  return null
}

/** Reads and parses a leg's report.json; `shown` is its name in messages. */
export async function readLeg(file: string, shown: string): Promise<FoundLeg> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new AggregateError(`${shown}: cannot be read: ${(err as Error).message}`, {cause: err})
  }
  try {
    return {file: shown, json: JSON.parse(text)}
  } catch (err) {
    throw new AggregateError(`${shown}: not valid JSON: ${(err as Error).message}`, {cause: err})
  }
}

export interface RebuiltCoverage {
  coverage: VersionCoverage
  /** Profile file (import path) → the SF path the leg wrote for it, for the aggregate's merged.lcov. */
  sourcePaths: Map<string, string>
}

/**
 * One version's coverage from the folder the leg wrote beside its report.json: the profile
 * from coverage.out, its functions from coverage.lcov. The profile must give the statement
 * counts the report recorded, so files from another run are never mixed in.
 */
export async function rebuildCoverage(legFile: string, shown: string, version: VersionReport): Promise<RebuiltCoverage> {
  const dir = path.join(path.dirname(legFile), version.version)
  const where = `${shown}: Go ${version.version}`
  const profileFile = path.join(dir, 'coverage.out')
  let written
  try {
    written = await readProfile(profileFile)
  } catch (err) {
    throw new AggregateError(`${where} has coverage, but ${profileFile} cannot be read (upload the whole report directory): ${(err as Error).message}`, {cause: err})
  }
  // The leg counted each package by its own tests: the same packages' other counters are set aside again.
  const setAside: unknown = version.coverage?.otherTestBinaries?.packages
  const withoutTests = Array.isArray(setAside) ? setAside.flatMap((p: {name?: unknown} | null) => (typeof p?.name === 'string' ? [p.name] : [])) : []
  const {profile, otherTestBinaries} = countOwnTests(written, withoutTests)
  const statements = summarizeStatements(profile)
  const recorded = version.coverage?.statements
  if (recorded && (recorded.covered !== statements.total.covered || recorded.total !== statements.total.total)) {
    throw new AggregateError(
      `${where}: ${profileFile} covers ${statements.total.covered} of ${statements.total.total} statements, but the report says ${recorded.covered} of ${recorded.total}; the files are not of the same run`
    )
  }
  const lines = lineCoverage(profile)
  const lcovFile = path.join(dir, 'coverage.lcov')
  const lcov = await readFile(lcovFile, 'utf8').catch(() => null)
  if (lcov === null) throw new AggregateError(`${where} has coverage, but ${lcovFile} is missing (upload the whole report directory)`)
  const lcovFunctions = parseLcovFunctions(lcov, lcovFile)
  const sources = [...new Set(lcov.split('\n').filter(l => l.startsWith('SF:')).map(l => l.slice(3).replace(/\r$/, '')))]
  const sourceToFile = matchSourceFiles(sources, profile.files.map(f => f.file), lcovFile)
  const functions = functionsFromLcov(lcovFunctions, sourceToFile, profile)
  const sourcePaths = new Map([...sourceToFile].map(([source, file]) => [file, source]))
  return {coverage: {profile, statements, lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries}, sourcePaths}
}
