/**
 * The legs of a fanned-out matrix as the aggregate sees them: which report.json files belong
 * together, which rows they bring, and which legs failed or are missing. Pure: parsed JSON in,
 * rows and problems out; reading files is read.ts's job.
 */
import {READABLE_SCHEMA_VERSIONS, type Gate, type Report, type VersionReport} from '../report/schema.js'
import {arrayOf, boolean, integer, nullable, number, object, oneOf, optional, conform, string} from '../util/shape.js'
import {versionOfModules} from '../report/module-rows.js'
import type {ModuleReport} from '../report/schema.js'
import {compareFolders} from '../modules/selection.js'

/** A report.json written by a `mode: collect` leg: a Report, with `error` when the leg's run itself failed. */
export interface LegReport extends Report {
  /** Why the leg produced no versions (installing or running failed before any report). */
  error?: string
}

/** What the aggregate keeps of a leg's report.json once checked: the fields LEG_SHAPE names. */
type CheckedLeg = Pick<LegReport, 'commit' | 'ref' | 'versions' | 'error'>

/** A report.json the aggregate found, with its file as the user should read it (relative to the workspace). */
export interface FoundLeg {
  file: string
  json: unknown
}

/** A leg that gives no rows: its file is missing, matched nothing, or its report records an error. */
export interface LegProblem {
  file: string
  kind: 'missing' | 'failed'
  reason: string
}

/** One row of the combined report, with the leg file it came from. */
export interface LegRow {
  file: string
  report: VersionReport
  /**
   * For a row over several modules: the leg file each module came from (legs may split a run by
   * module, by version, or both), by module folder. Its files are in `<leg>/<version>/<folder>/`.
   */
  moduleFiles?: Map<string, string>
}

export interface CombinedLegs {
  rows: LegRow[]
  problems: LegProblem[]
  /** The commit and ref every leg reported ('' when no leg could be read). */
  commit: string
  ref: string
}

/** Legs that cannot be combined (other schema, other commit, the same version and platform twice): bad input. */
export class AggregateError extends Error {
  override name = 'AggregateError'
}

/**
 * Checks that the legs belong together and lists their rows in leg order: every report of
 * a schemaVersion go-matrix reads (1 or 2), all of one commit, no version and platform reported by two legs. A leg
 * whose report records an error becomes a problem, as do the `missing` ones passed in.
 */
export function combineLegs(found: readonly FoundLeg[], missing: readonly LegProblem[] = []): CombinedLegs {
  const reports = found.map(leg => ({file: leg.file, report: checkedLeg(leg.json, leg.file)}))

  const commits = new Map<string, string[]>()
  for (const {file, report} of reports) commits.set(report.commit, [...(commits.get(report.commit) ?? []), file])
  if (commits.size > 1) {
    const listed = [...commits].map(([commit, files]) => `${JSON.stringify(commit)} (${files.join(', ')})`).join(' and ')
    throw new AggregateError(`the reports are of different commits: ${listed}; every leg must test the same commit`)
  }

  const problems: LegProblem[] = [...missing]
  const rows: LegRow[] = []
  const seen = new Map<string, LegRow>()
  for (const {file, report} of reports) {
    if (report.error !== undefined) problems.push({file, kind: 'failed', reason: report.error})
    for (const version of report.versions) {
      const key = `${version.version}\n${version.platform ?? ''}`
      const where = `Go ${version.version}${version.platform ? ` on ${version.platform}` : ''}`
      const row = seen.get(key)
      if (row === undefined) {
        const added: LegRow = version.modules
          ? {file, report: rowOfModules(version, version.modules, where, file), moduleFiles: new Map(version.modules.map(m => [m.dir, file]))}
          : {file, report: version}
        seen.set(key, added)
        rows.push(added)
        continue
      }
      // Legs split by module report the same version with other modules: their modules make one row.
      if (!row.moduleFiles || !version.modules) {
        throw new AggregateError(`${where} is reported twice, by ${row.file} and by ${file}; give each leg its own versions, platform or modules`)
      }
      for (const m of version.modules) {
        const other = row.moduleFiles.get(m.dir)
        if (other !== undefined) throw new AggregateError(`${where}, module ${m.dir}, is reported twice, by ${other} and by ${file}; give each leg its own modules or versions`)
        row.moduleFiles.set(m.dir, file)
      }
      row.report = rowOfModules(row.report, [...(row.report.modules ?? []), ...version.modules], where, file)
    }
  }
  if (rows.length > LEG_LIMITS.rows) {
    throw new AggregateError(`the legs report ${rows.length} versions in all; the aggregate takes at most ${LEG_LIMITS.rows}`)
  }
  const first = reports[0]?.report
  return {rows, problems, commit: first?.commit ?? '', ref: first?.ref ?? ''}
}

/**
 * A version's row from its modules, recomputed here (never taken from the leg): each module once,
 * in folder order, the row's figures their sums.
 */
function rowOfModules(version: VersionReport, modules: readonly ModuleReport[], where: string, file: string): VersionReport {
  const dirs = modules.map(m => m.dir)
  const twice = dirs.find((d, i) => dirs.indexOf(d) !== i)
  if (twice !== undefined) throw new AggregateError(`${file}: ${where} lists module ${twice} twice`)
  const ordered = [...modules].sort((a, b) => compareFolders(a.dir, b.dir))
  return versionOfModules({spec: version.spec, version: version.version, toolchain: version.toolchain, ...(version.platform !== undefined ? {platform: version.platform} : {})}, ordered)
}

/**
 * The aggregate's own check, a gate like the others: it fails when a leg is missing or failed,
 * so a matrix that lost a leg never passes as if it had not existed.
 */
export function legsGate(legCount: number, problems: readonly LegProblem[]): Gate {
  if (problems.length === 0) {
    return {name: 'legs', threshold: 0, actual: 0, passed: true, message: `All ${legCount} leg${legCount === 1 ? '' : 's'} reported.`}
  }
  const described = problems.map(p => (p.kind === 'missing' ? `${p.file} is missing (${p.reason})` : `${p.file} failed: ${p.reason}`))
  return {
    name: 'legs',
    threshold: 0,
    actual: problems.length,
    passed: false,
    message: `${problems.length} of ${legCount} leg${legCount === 1 ? '' : 's'} gave no report: ${described.join('; ')}.`
  }
}

const MIB = 1024 * 1024

/**
 * Limits on what a leg may bring, far above what go-matrix writes (a leg tests a handful of
 * versions; a failure's output is cut to 8,000 characters), so that a hostile or broken leg can
 * cost neither unbounded memory nor unbounded time. README.md ("Fan out") states them.
 */
export const LEG_LIMITS = {
  /** report.json files one aggregate reads. */
  legs: 1000,
  /** Bytes of one leg's report.json, and of all of them together. */
  reportBytes: 128 * MIB,
  allReportsBytes: 512 * MIB,
  /** Bytes of a version's coverage.out (read as a stream) and coverage.lcov (read whole). */
  profileBytes: 1024 * MIB,
  lcovBytes: 256 * MIB,
  /** Rows (versions × platforms) one leg may report. */
  versionsPerLeg: 1000,
  /** Rows all legs together may report. */
  rows: 2000,
  failuresPerVersion: 100_000,
  packagesPerVersion: 100_000,
  /** Modules one version row may list (schema 2). */
  modulesPerVersion: 10_000,
  stepsPerVersion: 1000,
  /** Notes on one version's run, and the slowest tests it lists (go-matrix writes a few of each). */
  notesPerVersion: 1000,
  slowestTestsPerVersion: 1000,
  /** Characters of a name (package, test, step, spec, commit, ref). */
  name: 4096,
  /** Characters of a free text (a reason, a failure's output, a leg's error). */
  text: 65_536
} as const

/** Go's version form, as go-matrix records it (`1.22.12`, `1.24rc1`): also a safe folder name. */
const GO_VERSION = /^\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?:(?:rc|beta)\d{1,4})?$/

const count = integer(0, Number.MAX_SAFE_INTEGER)
const counts = object({covered: count, total: count, percent: number(0, 100)}, c =>
  (c.covered as number) > (c.total as number) ? `covered (${c.covered as number}) is more than total (${c.total as number})` : null
)
const seconds = number(0, 1e9)
const name = string(LEG_LIMITS.name)
const text = string(LEG_LIMITS.text)
const packages = arrayOf(object({name, statements: counts}), LEG_LIMITS.packagesPerVersion)

/** A module's folder as the runner names it (`.`, `api`, `services/a`): it names folders of the leg, so nothing that leaves them. */
const MODULE_DIR = /^(?:\.|(?!\.\.?(?:\/|$))[^/\\\0:]+(?:\/(?!\.\.?(?:\/|$))[^/\\\0:]+)*)$/

/** What one version (or one module of it) ran: the fields a version row and a module row share. */
const RUN_FIELDS = {
  status: oneOf('passed', 'failed', 'skipped', 'error'),
  reason: optional(text),
  steps: optional(
    arrayOf(object({name, ok: boolean, seconds, command: optional(text), exitCode: optional(nullable(integer(-(2 ** 31), 2 ** 32)))}), LEG_LIMITS.stepsPerVersion)
  ),
  tests: object({
    passed: count,
    failed: count,
    skipped: count,
    failures: arrayOf(object({package: name, test: name, output: text}), LEG_LIMITS.failuresPerVersion)
  }),
  coverage: nullable(
    object({
      statements: counts,
      lines: counts,
      functions: counts,
      packages,
      otherTestBinaries: optional(object({statements: counts, packages}))
    })
  ),
  cachedPackages: optional(count),
  slowestTests: optional(arrayOf(object({package: name, test: name, seconds}), LEG_LIMITS.slowestTestsPerVersion)),
  notes: optional(arrayOf(text, LEG_LIMITS.notesPerVersion)),
  seconds
}

/**
 * Every field of a VersionReport the aggregate, the comparisons and the renderers use; a leg's
 * row keeps only these (conform drops the rest), so nothing unchecked reaches a renderer. A row
 * over several modules (schema 2) has the same fields for each module, with its folder and path.
 */
const VERSION_SHAPE = object({
  spec: name,
  version: string(32, GO_VERSION, 'a Go version such as 1.22.12 or 1.24rc1'),
  status: RUN_FIELDS.status,
  reason: RUN_FIELDS.reason,
  platform: optional(string(64, /^[a-z0-9_]+\/[a-z0-9_]+$/, 'GOOS/GOARCH such as linux/amd64')),
  toolchain: object({
    source: oneOf('tool-cache', 'cache', 'download', 'local'),
    sha256: string(128, /^[0-9a-f]*$/, 'a hexadecimal digest'),
    seconds,
    verified: optional(oneOf('archive', 'fast', 'full', 'unverified')),
    recovered: optional(boolean)
  }),
  steps: RUN_FIELDS.steps,
  tests: RUN_FIELDS.tests,
  coverage: RUN_FIELDS.coverage,
  cachedPackages: RUN_FIELDS.cachedPackages,
  // The version's carried build cache, which all its modules share.
  buildCache: optional(
    object({
      where: oneOf('actions-cache', 'folder'),
      restored: boolean,
      key: nullable(name),
      restoredBytes: count,
      restoreSeconds: seconds,
      saved: boolean,
      savedKey: optional(name),
      savedBytes: optional(count),
      saveSeconds: seconds,
      addedEntries: optional(count),
      removedEntries: optional(count),
      why: optional(text)
    })
  ),
  slowestTests: RUN_FIELDS.slowestTests,
  notes: RUN_FIELDS.notes,
  seconds,
  modules: optional(
    arrayOf(object({dir: string(1024, MODULE_DIR, 'a module folder inside the repository (., api, services/a)'), path: name, ...RUN_FIELDS}), LEG_LIMITS.modulesPerVersion)
  )
})

/** The parts of a leg's report.json the aggregate uses; the rest (its own comparisons and gates) it recomputes. */
const LEG_SHAPE = object({
  commit: name,
  ref: name,
  versions: arrayOf(VERSION_SHAPE, LEG_LIMITS.versionsPerLeg),
  error: optional(text)
})

/**
 * Checks a leg's report.json against the schema before any of it is used: every field the
 * aggregate and the renderers read has its type, range and length checked (versions must be Go
 * versions, as they name the leg's folders), and the first problem is reported with the file
 * and the field. What it returns holds only the checked fields.
 */
function checkedLeg(json: unknown, file: string): CheckedLeg {
  if (!isObject(json)) throw new AggregateError(`${file}: not a go-matrix report.json (expected a JSON object)`)
  if (!READABLE_SCHEMA_VERSIONS.includes(json.schemaVersion as number)) {
    throw new AggregateError(
      `${file}: schemaVersion ${JSON.stringify(json.schemaVersion)} is not one this go-matrix reads (${READABLE_SCHEMA_VERSIONS.join(', ')}); every leg must run a go-matrix release no newer than the aggregate's`
    )
  }
  const checked = conform(json, LEG_SHAPE)
  if (!checked.ok) throw new AggregateError(`${file}: not a valid go-matrix report.json: ${checked.problem}`)
  return checked.value as CheckedLeg
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
