import {packagesOf} from '../coverage/baseline.js'
import type {Baseline, BaselineVersion} from '../coverage/baseline.js'
import type {Breakdown, NamedSummary, Summary} from '../coverage/model.js'
import {compareStrings} from '../coverage/order.js'
import {addSummaries} from '../coverage/percent.js'
import {pointsDelta} from './delta.js'
import {suffixMatcher} from './paths.js'

/** One name (the total, a package, a file) now and in the baseline. */
export interface CoverageDelta {
  name: string
  current: Summary | null
  baseline: Summary | null
  /** current minus baseline, in points; null when one side is missing. */
  delta: number | null
}

/** report.json `comparisons.baseline`. */
export interface BaselineComparison {
  source: string
  kind: Baseline['kind']
  metric: Baseline['metric']
  /** report.json baselines: the Go version whose numbers were used. */
  version?: string
  total: CoverageDelta
  packages: CoverageDelta[]
  files: CoverageDelta[]
  /** LCOV files whose paths matched no current file (by trailing path segments). */
  unmatchedFiles: string[]
  /**
   * report.json baselines: each row of this run against the same Go version in the baseline
   * (statements), named by the row's label; rows whose version the baseline lacks are absent.
   */
  versions: CoverageDelta[]
}

/** A row of this run, as the per-version comparison needs it. */
export interface CurrentVersion {
  /** The row's name in comparisons (its version, or `<version> (<platform>)`). */
  label: string
  version: string
  platform?: string | undefined
  statements: Summary | null
}

/**
 * Compares current coverage with a baseline, on the baseline's metric: statements for a
 * report.json (the caller passes the reference version's statements), lines for LCOV (the
 * caller passes the same version's lines). LCOV paths are matched to Go's import paths by their
 * trailing segments (see suffixMatcher), then grouped into packages by the matched import path.
 */
export function compareBaseline(
  current: {statements: Breakdown; lines: Breakdown},
  baseline: Baseline,
  rows: readonly CurrentVersion[] = []
): BaselineComparison {
  const now = baseline.metric === 'statements' ? current.statements : current.lines
  let baselineFiles = baseline.files
  let baselinePackages = baseline.packages
  const unmatchedFiles: string[] = []
  if (baseline.kind === 'lcov') {
    const match = suffixMatcher(now.files.map(f => f.name))
    const renamed = new Map<string, Summary[]>()
    for (const file of baseline.files) {
      const name = match(file.name)
      if (name === undefined) unmatchedFiles.push(file.name)
      const key = name ?? file.name
      renamed.set(key, [...(renamed.get(key) ?? []), file.summary])
    }
    baselineFiles = [...renamed].map(([name, list]) => ({name, summary: addSummaries(list)}))
    baselinePackages = packagesOf(baselineFiles)
  }
  return {
    source: baseline.source,
    kind: baseline.kind,
    metric: baseline.metric,
    ...(baseline.version === undefined ? {} : {version: baseline.version}),
    total: delta('total', now.total, baseline.total),
    packages: pair(now.packages, baselinePackages),
    files: baseline.kind === 'lcov' ? pair(now.files, baselineFiles) : [],
    unmatchedFiles,
    versions: versionDeltas(rows, baseline.versions ?? [])
  }
}

/**
 * Each row against the same version in the baseline: on the same platform when the baseline
 * ran it there, else the first row of that version (a baseline from a single-platform run).
 */
function versionDeltas(rows: readonly CurrentVersion[], previous: readonly BaselineVersion[]): CoverageDelta[] {
  const deltas: CoverageDelta[] = []
  for (const row of rows) {
    const sameVersion = previous.filter(p => p.version === row.version)
    const match = sameVersion.find(p => p.platform !== undefined && p.platform === row.platform) ?? sameVersion[0]
    if (match && row.statements) deltas.push(delta(row.label, row.statements, match.statements))
  }
  return deltas
}

function pair(current: readonly NamedSummary[], previous: readonly NamedSummary[]): CoverageDelta[] {
  const before = new Map(previous.map(p => [p.name, p.summary]))
  const after = new Map(current.map(c => [c.name, c.summary]))
  const names = [...new Set([...after.keys(), ...before.keys()])].sort(compareStrings)
  return names.map(name => delta(name, after.get(name) ?? null, before.get(name) ?? null))
}

function delta(name: string, current: Summary | null, baseline: Summary | null): CoverageDelta {
  return {name, current, baseline, delta: current === null || baseline === null ? null : pointsDelta(current, baseline)}
}
