import {compareGoVersions} from '../go/gover.js'
import {CoverageError, packageOf} from './model.js'
import type {NamedSummary, Summary} from './model.js'
import {parseLcov} from './lcov.js'
import {compareStrings} from './order.js'
import {addSummaries, summary} from './percent.js'

/**
 * Coverage to compare against: a previous report.json, or an LCOV file. report.json gives
 * statement coverage of its reference version (in total and per package); LCOV gives line
 * coverage per file (packages are derived from the files once their paths are matched to Go's
 * import paths, see compareBaseline).
 */
export interface Baseline {
  /** The file it was read from. */
  source: string
  kind: 'report' | 'lcov'
  metric: 'statements' | 'lines'
  /** report.json: the Go version whose numbers these are. */
  version?: string
  total: Summary
  packages: NamedSummary[]
  /** LCOV: per file, by the path the LCOV file names (SF). report.json: empty. */
  files: NamedSummary[]
  /** report.json: the statement coverage of every version it reports, so each row can be compared with its own version. */
  versions?: BaselineVersion[]
}

/** One version of a report.json baseline. */
export interface BaselineVersion {
  version: string
  /** Where it ran (`linux/amd64`), when the report says. */
  platform?: string
  statements: Summary
}

interface ReportVersion {
  version?: unknown
  platform?: unknown
  coverage?: {statements?: unknown; packages?: unknown} | null
}

/**
 * The report.json schema versions go-matrix reads (baselines here, aggregate legs): every one it
 * ever wrote. report/schema.ts says what changed in each; it lives here because the baseline
 * reader is the lowest layer that reads a report.json.
 */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2]

/**
 * Reads report.json (schemaVersion 1 or 2: a version's figures are its modules' together). The numbers are those of its reference version (named by
 * comparisons.versions[].reference, else the newest version with coverage), so a baseline
 * compares like with like against the reference version of the current run. A report without
 * any version's statements falls back to `merged.lines` (metric "lines").
 */
export function readReportBaseline(json: unknown, source: string): Baseline {
  const report = json as {schemaVersion?: unknown; versions?: unknown; merged?: {lines?: unknown; packages?: unknown}; comparisons?: {versions?: unknown}}
  if (typeof report !== 'object' || report === null || !READABLE_SCHEMA_VERSIONS.includes(report.schemaVersion as number)) {
    throw new CoverageError(`${source}: not a go-matrix report.json (expected "schemaVersion": ${READABLE_SCHEMA_VERSIONS.join(' or ')})`)
  }
  const versions = (Array.isArray(report.versions) ? report.versions : []) as ReportVersion[]
  const withCoverage = versions.filter(v => isSummary(v.coverage?.statements) && typeof v.version === 'string')
  const comparisons = Array.isArray(report.comparisons?.versions) ? (report.comparisons.versions as {reference?: unknown}[]) : []
  const named = comparisons.find(c => typeof c.reference === 'string')?.reference
  const chosen =
    withCoverage.find(v => v.version === named) ??
    [...withCoverage].sort((a, b) => compareGoVersions(String(b.version), String(a.version)))[0]
  if (chosen !== undefined) {
    const coverage = chosen.coverage as {statements: Summary; packages?: unknown}
    return {
      source,
      kind: 'report',
      metric: 'statements',
      version: String(chosen.version),
      total: coverage.statements,
      packages: readPackages(coverage.packages, 'statements', source),
      files: [],
      versions: withCoverage.map(v => {
        const {covered, total} = (v.coverage as {statements: Summary}).statements
        return {version: String(v.version), ...(typeof v.platform === 'string' ? {platform: v.platform} : {}), statements: summary(covered, total)}
      })
    }
  }
  if (isSummary(report.merged?.lines)) {
    return {source, kind: 'report', metric: 'lines', total: report.merged.lines, packages: readPackages(report.merged.packages, 'lines', source), files: []}
  }
  throw new CoverageError(`${source}: the report has no coverage to compare with (no version with statements, no merged lines)`)
}

function readPackages(value: unknown, metric: 'statements' | 'lines', source: string): NamedSummary[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry, i) => {
      const counts = entry[metric]
      if (typeof entry.name !== 'string' || !isSummary(counts)) {
        throw new CoverageError(`${source}: packages[${i}] needs a "name" and "${metric}": {covered, total}`)
      }
      return {name: entry.name, summary: summary(counts.covered, counts.total)}
    })
    .sort((a, b) => compareStrings(a.name, b.name))
}

function isSummary(value: unknown): value is Summary {
  const s = value as Summary | undefined
  return typeof s === 'object' && s !== null && Number.isFinite(s.covered) && Number.isFinite(s.total)
}

/**
 * Reads an LCOV tracefile (lcov.ts parseLcov). Line counts come from the DA records (LF/LH when a
 * record has none); records for the same SF add up. Async for its callers of old; it reads no file.
 */
export async function readLcovBaseline(text: string, source: string): Promise<Baseline> {
  const records = parseLcov(text, source)
  if (records.length === 0) {
    throw new CoverageError(
      /end_of_record/.test(text) ? `${source}: the LCOV file names no source files (no SF records)` : `${source}: not an LCOV file (no SF or end_of_record line)`
    )
  }
  const byFile = new Map<string, Map<number, number>>()
  const counted = new Map<string, Summary>()
  for (const record of records) {
    if (record.source === '') continue
    if (record.lines.size === 0) {
      counted.set(record.source, summary(record.hit ?? 0, record.found ?? 0))
      continue
    }
    const lines = byFile.get(record.source) ?? new Map<number, number>()
    for (const [line, hit] of record.lines) lines.set(line, Math.max(lines.get(line) ?? 0, hit))
    byFile.set(record.source, lines)
  }
  for (const [file, lines] of byFile) {
    counted.set(file, summary([...lines.values()].filter(hit => hit > 0).length, lines.size))
  }
  const files = [...counted].map(([name, s]) => ({name, summary: s})).sort((a, b) => compareStrings(a.name, b.name))
  return {source, kind: 'lcov', metric: 'lines', total: addSummaries(files.map(f => f.summary)), packages: packagesOf(files), files}
}

/** Per-package sums of per-file summaries. */
export function packagesOf(files: readonly NamedSummary[]): NamedSummary[] {
  const groups = new Map<string, Summary[]>()
  for (const file of files) {
    const name = packageOf(file.name)
    groups.set(name, [...(groups.get(name) ?? []), file.summary])
  }
  return [...groups].map(([name, list]) => ({name, summary: addSummaries(list)})).sort((a, b) => compareStrings(a.name, b.name))
}

/** A baseline file's text, read: report.json when it is JSON, LCOV otherwise. `source` names the file. */
export async function parseBaseline(text: string, source: string): Promise<Baseline> {
  if (text.trimStart().startsWith('{')) {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (err) {
      throw new CoverageError(`${source}: not valid JSON: ${(err as Error).message}`, {cause: err})
    }
    return readReportBaseline(json, source)
  }
  return readLcovBaseline(text, source)
}
