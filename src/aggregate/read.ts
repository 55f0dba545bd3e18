/**
 * The aggregate's file system side: finding the legs' report.json files, reading them, and
 * rebuilding each version's coverage from the files beside them.
 */
import {readFile, realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {readProfile} from '../files/read-profile.js'
import {countOwnTests} from '../coverage/own-tests.js'
import {summarizeStatements} from '../coverage/summary.js'
import {lineCoverage, summarizeLines} from '../coverage/lines.js'
import type {AnalysedCoverage} from '../conclusion/conclude.js'
import type {VersionReport} from '../report/schema.js'
import type {ModuleReport} from '../report/schema.js'
import {AggregateError, LEG_LIMITS, type FoundLeg, type LegProblem} from './legs.js'
import {isInside} from '../util/paths.js'
import {expandGlob, globToRegExp, isGlob} from './glob.js'
import {functionsFromLcov, matchSourceFiles} from './lcov-functions.js'
import {parseLcov} from '../coverage/lcov.js'

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

/**
 * Reads and parses the legs' report.json files, after checking that there are not too many and
 * that none (and not all of them together) is larger than the aggregate reads (LEG_LIMITS).
 * `shown` names a file in messages.
 */
export async function readLegs(files: readonly string[], shown: (file: string) => string): Promise<FoundLeg[]> {
  if (files.length > LEG_LIMITS.legs) throw new AggregateError(`${files.length} report.json files were found; the aggregate reads at most ${LEG_LIMITS.legs}`)
  let total = 0
  for (const file of files) {
    const info = await stat(file).catch((err: Error) => {
      throw new AggregateError(`${shown(file)}: cannot be read: ${err.message}`, {cause: err})
    })
    if (!info.isFile()) throw new AggregateError(`${shown(file)}: not a regular file`)
    if (info.size > LEG_LIMITS.reportBytes) throw new AggregateError(`${shown(file)}: ${tooLarge(info.size, LEG_LIMITS.reportBytes)}`)
    total += info.size
  }
  if (total > LEG_LIMITS.allReportsBytes) throw new AggregateError(`the legs' report.json files hold ${tooLarge(total, LEG_LIMITS.allReportsBytes)} in all`)
  const found: FoundLeg[] = []
  for (const file of files) found.push(await readLeg(file, shown(file)))
  return found
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

function tooLarge(size: number, limit: number): string {
  const mib = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`
  return `${mib(size)}, more than the ${mib(limit)} the aggregate reads`
}

/**
 * The real path of a file in a leg's folder, or null when it does not exist. Refused: a path
 * that leads outside the leg's folder (through `..` or a symbolic link), anything but a regular
 * file, and a file larger than `maxBytes`.
 */
async function fileInLeg(legDir: string, name: string, maxBytes: number, where: string): Promise<string | null> {
  const file = path.join(legDir, name)
  const [root, real] = await Promise.all([realpath(legDir), realpath(file).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? null : Promise.reject(err)))])
  if (real === null) return null
  if (!isInside(real, root)) throw new AggregateError(`${where}: ${file} leads outside the leg's folder (to ${real}); a leg's files must be inside its folder`)
  const info = await stat(real)
  if (!info.isFile()) throw new AggregateError(`${where}: ${file} is not a regular file`)
  if (info.size > maxBytes) throw new AggregateError(`${where}: ${file} is ${tooLarge(info.size, maxBytes)}`)
  return real
}

export interface RebuiltCoverage {
  coverage: AnalysedCoverage
  /** Profile file (import path) → the SF path the leg wrote for it, for the aggregate's merged.lcov. */
  sourcePaths: Map<string, string>
}

/**
 * One version's coverage (or one module's under it) from the folder the leg wrote beside its
 * report.json, `<version>/` (or `<version>/<module folder>/`): the profile from coverage.out, its
 * functions from coverage.lcov. The profile must give the statement counts the report recorded,
 * so files from another run are never mixed in.
 */
export async function rebuildCoverage(legFile: string, shown: string, version: VersionReport, module?: ModuleReport): Promise<RebuiltCoverage> {
  const legDir = path.dirname(legFile)
  // version.version was checked to be a Go version, and module.dir a folder without `..` (legs.ts),
  // so they name a folder of the leg's own; fileInLeg still refuses links out of it.
  const folder = module === undefined || module.dir === '.' ? version.version : path.join(version.version, ...module.dir.split('/'))
  const dir = path.join(legDir, folder)
  const where = `${shown}: Go ${version.version}${module ? `, module ${module.dir}` : ''}`
  const recordedRun = module ?? version
  const profileFile = path.join(dir, 'coverage.out')
  let written
  try {
    const real = await fileInLeg(legDir, path.join(folder, 'coverage.out'), LEG_LIMITS.profileBytes, where)
    if (real === null) throw new Error('no such file')
    written = await readProfile(real)
  } catch (err) {
    if (err instanceof AggregateError) throw err
    throw new AggregateError(`${where} has coverage, but ${profileFile} cannot be read (upload the whole report directory): ${(err as Error).message}`, {cause: err})
  }
  // The leg counted each package by its own tests: the same packages' other counters are set aside again.
  const setAside: unknown = recordedRun.coverage?.otherTestBinaries?.packages
  const withoutTests = Array.isArray(setAside) ? setAside.flatMap((p: {name?: unknown} | null) => (typeof p?.name === 'string' ? [p.name] : [])) : []
  const {profile, otherTestBinaries} = countOwnTests(written, withoutTests)
  const statements = summarizeStatements(profile)
  const recorded = recordedRun.coverage?.statements
  if (recorded && (recorded.covered !== statements.total.covered || recorded.total !== statements.total.total)) {
    throw new AggregateError(
      `${where}: ${profileFile} covers ${statements.total.covered} of ${statements.total.total} statements, but the report says ${recorded.covered} of ${recorded.total}; the files are not of the same run`
    )
  }
  const lines = lineCoverage(profile)
  const lcovFile = path.join(dir, 'coverage.lcov')
  const realLcov = await fileInLeg(legDir, path.join(folder, 'coverage.lcov'), LEG_LIMITS.lcovBytes, where)
  const lcov = realLcov === null ? null : await readFile(realLcov, 'utf8')
  if (lcov === null) throw new AggregateError(`${where} has coverage, but ${lcovFile} is missing (upload the whole report directory)`)
  const records = parseLcov(lcov, lcovFile, {functions: true})
  const lcovFunctions = records.flatMap(r => r.functions)
  const sources = [...new Set(records.map(r => r.source))]
  const sourceToFile = matchSourceFiles(sources, profile.files.map(f => f.file), lcovFile)
  const functions = functionsFromLcov(lcovFunctions, sourceToFile, profile)
  const sourcePaths = new Map([...sourceToFile].map(([source, file]) => [file, source]))
  return {coverage: {profile, statements, lines, lineSummary: summarizeLines(lines), functions, otherTestBinaries}, sourcePaths}
}
