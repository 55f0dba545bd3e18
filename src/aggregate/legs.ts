/**
 * The legs of a fanned-out matrix as the aggregate sees them: which report.json files belong
 * together, which rows they bring, and which legs failed or are missing. Pure: parsed JSON in,
 * rows and problems out; reading files is read.ts's job.
 */
import {SCHEMA_VERSION, type Gate, type Report, type VersionReport} from '../report/schema.js'

/** A report.json written by a `mode: collect` leg: a Report, with `error` when the leg's run itself failed. */
export interface LegReport extends Report {
  /** Why the leg produced no versions (installing or running failed before any report). */
  error?: string
}

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
 * schemaVersion 1, all of one commit, no version and platform reported by two legs. A leg
 * whose report records an error becomes a problem, as do the `missing` ones passed in.
 */
export function combineLegs(found: readonly FoundLeg[], missing: readonly LegProblem[] = []): CombinedLegs {
  const reports = found.map(leg => ({file: leg.file, report: asLegReport(leg.json, leg.file)}))

  const commits = new Map<string, string[]>()
  for (const {file, report} of reports) commits.set(report.commit, [...(commits.get(report.commit) ?? []), file])
  if (commits.size > 1) {
    const listed = [...commits].map(([commit, files]) => `${JSON.stringify(commit)} (${files.join(', ')})`).join(' and ')
    throw new AggregateError(`the reports are of different commits: ${listed}; every leg must test the same commit`)
  }

  const problems: LegProblem[] = [...missing]
  const rows: LegRow[] = []
  const seen = new Map<string, string>()
  for (const {file, report} of reports) {
    if (report.error !== undefined) problems.push({file, kind: 'failed', reason: report.error})
    for (const version of report.versions) {
      const key = `${version.version}\n${version.platform ?? ''}`
      const other = seen.get(key)
      const where = `Go ${version.version}${version.platform ? ` on ${version.platform}` : ''}`
      if (other !== undefined) throw new AggregateError(`${where} is reported twice, by ${other} and by ${file}; give each leg its own versions or platform`)
      seen.set(key, file)
      rows.push({file, report: version})
    }
  }
  const first = reports[0]?.report
  return {rows, problems, commit: first?.commit ?? '', ref: first?.ref ?? ''}
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

/** Checks the parts of report.json the aggregate relies on, naming the file and what is wrong. */
function asLegReport(json: unknown, file: string): LegReport {
  if (!isObject(json)) throw new AggregateError(`${file}: not a go-matrix report.json (expected a JSON object)`)
  if (json.schemaVersion !== SCHEMA_VERSION) {
    throw new AggregateError(`${file}: schemaVersion ${JSON.stringify(json.schemaVersion)} is not ${SCHEMA_VERSION}; every leg must run a go-matrix that writes schema ${SCHEMA_VERSION}`)
  }
  if (typeof json.commit !== 'string' || typeof json.ref !== 'string') throw new AggregateError(`${file}: "commit" and "ref" must be strings`)
  if (!Array.isArray(json.versions)) throw new AggregateError(`${file}: "versions" must be an array`)
  json.versions.forEach((v: unknown, i: number) => {
    const ok = isObject(v) && typeof v.version === 'string' && typeof v.spec === 'string' && typeof v.status === 'string' && isObject(v.tests)
    if (!ok) throw new AggregateError(`${file}: versions[${i}] lacks its version, spec, status or tests`)
    if (v.platform !== undefined && typeof v.platform !== 'string') throw new AggregateError(`${file}: versions[${i}].platform must be a string`)
  })
  if (json.error !== undefined && typeof json.error !== 'string') throw new AggregateError(`${file}: "error" must be a string`)
  return json as unknown as LegReport
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
