/**
 * The conclusion of a run, pure: the analysed versions in (from this job's runs, or from the legs
 * an aggregate combined), everything the report folder holds out: report.json's model, the
 * verdict, summary.md, merged.lcov and merged.out as text. The reference, the comparisons across
 * versions, with the baseline and with the pull request's changed lines, and the gates are
 * decided here, so each can be tested without a folder; conclusion/run.ts reads the baseline
 * and writes the files.
 */
import type {Baseline} from '../coverage/baseline.js'
import {mergeFunctionCoverage} from '../coverage/functions.js'
import {formatProfile} from '../coverage/go-profile.js'
import {formatLcov} from '../coverage/lcov.js'
import {mergeLineCoverage, summarizeLines} from '../coverage/lines.js'
import {mergeProfiles} from '../coverage/merge.js'
import {formatPercent} from '../coverage/percent.js'
import {compareBaseline, type BaselineComparison} from '../compare/baseline.js'
import {diffCoverage, type ChangedFile, type DiffCoverage} from '../compare/diff.js'
import {evaluateGates, type RunFacts} from '../compare/gates.js'
import {compareVersions} from '../compare/versions.js'
import {compareGoVersions} from '../go/gover.js'
import type {Options} from '../inputs/options.js'
import {versionLabels} from '../report/labels.js'
import {SCHEMA_VERSION, type Gate, type Report, type VersionReport} from '../report/schema.js'
import {renderSummary} from '../report/summary.js'
import {compareModules, withComparisons} from './modules.js'
import type {AnalysedCoverage, AnalysedVersion} from './analysed.js'
import {decideVerdict, type Verdict} from '../report/verdict.js'

export type {AnalysedCoverage, AnalysedVersion} from './analysed.js'

export type ConclusionOptions = Pick<Options, 'mode' | 'referenceVersion' | 'failOnTestFailure' | 'maxVersionDelta' | 'minCoverage' | 'maxCoverageDrop' | 'minDiffCoverage'>

export interface ConclusionInput {
  versions: readonly AnalysedVersion[]
  /** LCOV's name for a profile's file (its path in the repository). */
  sourcePath: (file: string) => string
  /** Checks decided before this point that gate the job too (the aggregate's "every leg reported"). */
  checks?: readonly Gate[]
  /** Whether a baseline was asked for and found (a file named, or restored for `baseline: auto`). */
  baselineFound: boolean
  /** That baseline's contents; the caller reads it when the reference has coverage (referenceOf). */
  baseline: Baseline | null
  /** The pull request's changed lines, when read; null or absent: no diff coverage. */
  changedLines?: readonly ChangedFile[] | null
  /** Why the pull request's changed lines could not be read, when they could not. */
  changedLinesUnreadable?: string | undefined
  /** Sentences that explain what could not be done, for the report and summary. */
  notes?: readonly string[] | undefined
  commit: string
  ref: string
  toolVersion: string
  runUrl?: string | undefined
}

export interface Conclusion {
  report: Report
  verdict: Verdict
  summary: string
  /** merged.lcov. */
  lcov: string
  /** merged.out: the versions' profiles merged as Go merges them ('' when there is none, or they cannot be merged). */
  mergedProfile: string
  /** The reference version's statement coverage, one decimal ("87.6"), or '' when it has none. */
  referenceCoverage: string
  /** What went wrong on the way without stopping the conclusion, for the logger's warning. */
  warnings: string[]
}

/**
 * Rows are keyed by their label: the version, or `<version> (<platform>)` when an aggregated
 * matrix ran one version on several platforms. Comparisons and gates name rows by it.
 */
function labelled(versions: readonly AnalysedVersion[]): {labels: string[]; coverage: Map<string, AnalysedCoverage>} {
  const labels = versionLabels(versions.map(v => v.report))
  const coverage = new Map<string, AnalysedCoverage>()
  versions.forEach((v, i) => {
    if (v.coverage) coverage.set(labels[i] as string, v.coverage)
  })
  return {labels, coverage}
}

/** The label of the row the others are compared with (pickReference over these rows), or null when no row has coverage. */
export function referenceOf(referenceVersion: string, versions: readonly AnalysedVersion[]): string | null {
  const {labels, coverage} = labelled(versions)
  return pickReference(
    referenceVersion,
    versions.map((v, i) => ({spec: v.report.spec, version: v.report.version, label: labels[i] as string})),
    coverage
  )
}

/** Everything after the runs, for `mode: run`/`collect` and `mode: aggregate` alike. Pure. */
export function conclude(options: ConclusionOptions, input: ConclusionInput): Conclusion {
  const {labels, coverage} = labelled(input.versions)
  const reference = referenceOf(options.referenceVersion, input.versions)
  const referenceCoverage = reference ? coverage.get(reference) : undefined
  const comparisons = reference
    ? compareVersions(
        [...coverage].map(([version, c]) => ({version, profile: c.profile, lines: c.lines, otherTestBinaries: c.otherTestBinaries ?? null})),
        reference
      )
    : []

  // Each module against itself under the reference, when the rows have modules.
  const moduleComparisons = compareModules(
    input.versions.map((v, i) => ({label: labels[i] as string, modules: v.modules ?? []})),
    reference
  )

  const notes = [...(input.notes ?? [])]
  // A collect leg reports its own versions only: the baseline, the pull request's diff and the
  // gates are the concluding job's (run or aggregate), which sees every version.
  const concludes = options.mode !== 'collect'
  let baseline: BaselineComparison | null = null
  if (concludes && input.baseline && referenceCoverage) {
    const rows = input.versions.map((v, i) => ({label: labels[i] as string, version: v.report.version, platform: v.report.platform, statements: v.report.coverage?.statements ?? null}))
    baseline = compareBaseline({statements: referenceCoverage.statements, lines: referenceCoverage.lineSummary}, input.baseline, rows)
  } else if (concludes && input.baselineFound) {
    notes.push('The baseline was not compared: the reference version has no coverage.')
  }

  const all = [...coverage.values()]
  const mergedLines = all.length > 0 ? mergeLineCoverage(all.map(c => c.lines)) : null
  // Diff coverage is over the merged lines: a changed line counts as covered when a test ran it
  // under any version. Files are matched by their path in the repository, in any module.
  const diff: DiffCoverage | null = concludes && input.changedLines && mergedLines ? diffCoverage(mergedLines, input.changedLines, input.sourcePath) : null

  const evaluated = !concludes ? [] : evaluateGates(
    {
      maxVersionDelta: options.maxVersionDelta,
      minCoverage: options.minCoverage,
      maxCoverageDrop: options.maxCoverageDrop,
      minDiffCoverage: options.minDiffCoverage
    },
    {
      reference: reference && referenceCoverage ? {version: reference, statements: referenceCoverage.statements.total} : null,
      versions: comparisons,
      baseline,
      diff,
      runs: input.versions.map((v, i) => runFacts(v.report, labels[i] as string, coverage.has(labels[i] as string))),
      baselineFound: input.baselineFound,
      changedLines: input.changedLines
        ? {state: 'read'}
        : input.changedLinesUnreadable !== undefined
          ? {state: 'unreadable', reason: input.changedLinesUnreadable}
          : {state: 'none'}
    }
  )

  const warnings: string[] = []
  const lcov = mergedLines ? formatLcov(mergedLines, {functions: mergeFunctionCoverage(all.map(c => c.functions)), sourcePath: input.sourcePath}) : ''
  const mergedProfile = mergedProfileText(coverage, warnings)
  const mergedSummary = mergedLines ? summarizeLines(mergedLines) : null
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: {name: 'go-matrix', version: input.toolVersion},
    commit: input.commit,
    ref: input.ref,
    versions: input.versions.map((v, i) => (v.report.modules ? {...v.report, modules: withComparisons(v.report.modules, moduleComparisons.get(labels[i] as string))} : v.report)),
    merged: mergedSummary
      ? {lines: mergedSummary.total, packages: mergedSummary.packages.map(p => ({name: p.name, lines: p.summary}))}
      : null,
    comparisons: {versions: comparisons, baseline, diff},
    gates: [...(input.checks ?? []), ...evaluated],
    notes
  }
  const verdict = decideVerdict(report, options.failOnTestFailure)
  return {
    report,
    verdict,
    summary: renderSummary(report, verdict, {notes, ...(input.runUrl ? {runUrl: input.runUrl} : {})}),
    lcov,
    mergedProfile,
    referenceCoverage: referenceCoverage ? formatPercent(referenceCoverage.statements.total.covered, referenceCoverage.statements.total.total) : '',
    warnings
  }
}

/** merged.out: '' with a warning when Go would refuse to merge the profiles (different modes). */
function mergedProfileText(coverage: ReadonlyMap<string, AnalysedCoverage>, warnings: string[]): string {
  if (coverage.size === 0) return ''
  try {
    return formatProfile(mergeProfiles([...coverage].map(([version, c]) => ({name: `Go ${version}`, profile: c.profile}))))
  } catch (err) {
    warnings.push(`merged.out not written: ${(err as Error).message}`)
    return ''
  }
}

/** What the gates need to know of a row to say why it has no coverage. */
function runFacts(v: VersionReport, label: string, hasCoverage: boolean): RunFacts {
  return {
    version: label,
    status: v.status,
    ...(v.reason !== undefined ? {reason: v.reason} : {}),
    tests: v.tests.passed + v.tests.failed + v.tests.skipped,
    coverage: hasCoverage
  }
}

/**
 * The version the others are compared with: the one named by reference-version (an exact
 * version, or a spec as written), else the newest resolved version; of rows of one version on
 * several platforms, the first. Only a row with coverage can be a reference. Returns the row's
 * label (its key in `coverage`), which is its version unless a label is given.
 */
export function pickReference(
  wanted: string,
  versions: readonly {spec: string; version: string; label?: string}[],
  coverage: ReadonlyMap<string, unknown>
): string | null {
  const keyed = versions.map(t => ({...t, label: t.label ?? t.version}))
  const candidates = keyed.filter(t => coverage.has(t.label))
  if (wanted !== '') {
    const bare = wanted.replace(/^go/, '')
    const match =
      candidates.find(t => t.label === wanted) ??
      candidates.find(t => t.version === bare) ??
      candidates.find(t => t.spec === wanted) ??
      candidates.find(t => t.version.startsWith(`${bare}.`))
    return match?.label ?? null
  }
  // A stable sort: of one version on several platforms, the first row wins.
  const newest = [...candidates].sort((a, b) => compareGoVersions(b.version, a.version))[0]
  return newest?.label ?? null
}
