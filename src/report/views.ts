/**
 * Typed views of the parts of report.json whose schema is open (`comparisons.versions[]` details,
 * `comparisons.baseline`, a gate's `skipped`). A report may come from a file (aggregate mode, a
 * newer or older writer), so each view checks the shape it reads and leaves out what is missing
 * rather than trusting a cast.
 */
import type {Counts, Gate, Report, VersionComparisonReport} from './schema.js'

export interface OnlyInView {
  statements: Counts
  lines: Counts
  packages: {name: string; statements: Counts; lines: Counts}[]
}

export interface LineListView {
  count: number
  lines: {file: string; line: number}[]
  more: number
}

/** Counters of other test binaries for packages without test files, not counted (compare/versions.ts). */
export interface OtherTestBinariesView {
  statements: Counts
  packages: {name: string; summary: Counts}[]
}

export interface ComparisonView {
  version: string
  reference: string
  rawDelta: number | null
  likeForLikeDelta: number | null
  explanation: string
  commonLines: number | null
  onlyInVersion: OnlyInView | null
  onlyInReference: OnlyInView | null
  coveredOnlyInVersion: LineListView | null
  coveredOnlyInReference: LineListView | null
  otherTestBinariesInVersion: OtherTestBinariesView | null
  otherTestBinariesInReference: OtherTestBinariesView | null
}

export interface DeltaView {
  name: string
  current: Counts | null
  baseline: Counts | null
  delta: number | null
}

export interface BaselineView {
  source: string
  kind: string
  metric: string
  version: string | null
  total: DeltaView
  packages: DeltaView[]
  unmatchedFiles: string[]
  /** Rows against the same version in a report.json baseline, by label (absent in older reports). */
  versions: DeltaView[]
}

type Loose = Record<string, unknown>

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCounts(value: unknown): value is Counts {
  return isObject(value) && typeof value.covered === 'number' && typeof value.total === 'number' && typeof value.percent === 'number'
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function onlyIn(value: unknown): OnlyInView | null {
  if (!isObject(value) || !isCounts(value.statements) || !isCounts(value.lines) || !Array.isArray(value.packages)) return null
  const packages = value.packages.filter(
    (p): p is OnlyInView['packages'][number] => isObject(p) && typeof p.name === 'string' && isCounts(p.statements) && isCounts(p.lines)
  )
  return {statements: value.statements, lines: value.lines, packages}
}

function lineList(value: unknown): LineListView | null {
  if (!isObject(value) || !Array.isArray(value.lines)) return null
  const lines = value.lines.filter((l): l is {file: string; line: number} => isObject(l) && typeof l.file === 'string' && typeof l.line === 'number')
  return {count: numberOrNull(value.count) ?? lines.length, lines, more: numberOrNull(value.more) ?? 0}
}

function otherTestBinaries(value: unknown): OtherTestBinariesView | null {
  if (!isObject(value) || !isCounts(value.statements) || !Array.isArray(value.packages)) return null
  const packages = value.packages.filter((p): p is {name: string; summary: Counts} => isObject(p) && typeof p.name === 'string' && isCounts(p.summary))
  return {statements: value.statements, packages}
}

export function comparisonView(c: VersionComparisonReport): ComparisonView {
  const common = isObject(c.common) ? numberOrNull(c.common.lines) : null
  return {
    version: c.version,
    reference: c.reference,
    rawDelta: numberOrNull(c.rawDelta),
    likeForLikeDelta: numberOrNull(c.likeForLikeDelta),
    explanation: typeof c.explanation === 'string' ? c.explanation : '',
    commonLines: common,
    onlyInVersion: onlyIn(c.onlyInVersion),
    onlyInReference: onlyIn(c.onlyInReference),
    coveredOnlyInVersion: lineList(c.coveredOnlyInVersion),
    coveredOnlyInReference: lineList(c.coveredOnlyInReference),
    otherTestBinariesInVersion: otherTestBinaries(c.otherTestBinariesInVersion),
    otherTestBinariesInReference: otherTestBinaries(c.otherTestBinariesInReference)
  }
}

function deltaView(value: unknown): DeltaView | null {
  if (!isObject(value) || typeof value.name !== 'string') return null
  return {
    name: value.name,
    current: isCounts(value.current) ? value.current : null,
    baseline: isCounts(value.baseline) ? value.baseline : null,
    delta: numberOrNull(value.delta)
  }
}

export function baselineView(report: Report): BaselineView | null {
  const b: unknown = report.comparisons.baseline
  if (!isObject(b)) return null
  const total = deltaView(b.total)
  if (total === null) return null
  const deltas = (list: unknown): DeltaView[] => (Array.isArray(list) ? list.map(deltaView).filter((d): d is DeltaView => d !== null) : [])
  return {
    source: typeof b.source === 'string' ? b.source : '',
    kind: typeof b.kind === 'string' ? b.kind : '',
    metric: typeof b.metric === 'string' ? b.metric : 'statements',
    version: typeof b.version === 'string' ? b.version : null,
    total,
    packages: deltas(b.packages),
    unmatchedFiles: Array.isArray(b.unmatchedFiles) ? b.unmatchedFiles.filter((f): f is string => typeof f === 'string') : [],
    versions: deltas(b.versions)
  }
}

/**
 * The version the others were compared with (and the baseline compared): named by every
 * comparison; with a single version that has coverage, that one.
 */
export function referenceVersion(report: Report): string | null {
  const named = report.comparisons.versions[0]?.reference
  if (named !== undefined) return named
  const covered = report.versions.filter(v => v.coverage !== null)
  return covered.length === 1 ? (covered[0]?.version ?? null) : null
}

/** A gate that had nothing to judge (compare/gates.ts sets `skipped`). */
export function gateSkipped(gate: Gate): boolean {
  return gate.skipped === true
}

/** The failed gates of this name (a skipped gate passes). */
export function failedGates(report: Report, name: string): Gate[] {
  return report.gates.filter(g => g.name === name && !g.passed && !gateSkipped(g))
}

/**
 * Whether a version's comparison is one a failed max-version-delta gate judged: its like-for-like
 * delta is beyond the limit (gates.ts's rule; a gate names no version in schema 1).
 */
export function beyondVersionDelta(report: Report, view: ComparisonView): boolean {
  const delta = view.likeForLikeDelta
  return delta !== null && failedGates(report, 'max-version-delta').some(g => Math.abs(delta) > g.threshold)
}
