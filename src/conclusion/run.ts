/**
 * Concluding a run, for `mode: run`/`collect` (pipeline.ts) and `mode: aggregate`
 * (aggregate/aggregate.ts) alike: the baseline is read, the pure conclusion made
 * (conclude.ts), its warnings logged and its files written (write.ts).
 */
import path from 'node:path'
import {readBaselineFile} from '../files/baseline-file.js'
import type {ChangedFile} from '../compare/diff.js'
import type {Toolchain} from '../go/toolchain.js'
import type {Options} from '../inputs/options.js'
import type {Report} from '../report/schema.js'
import type {Verdict} from '../report/verdict.js'
import type {Logger} from '../util/log.js'
import {conclude, referenceOf, type AnalysedVersion, type ConclusionOptions} from './conclude.js'
import {writeConclusion, type ReportFiles} from './write.js'
import type {Gate} from '../report/schema.js'

/** What concluding needs of the job it concludes. */
export interface ConclusionContext {
  /** The repository root (GITHUB_WORKSPACE, or the current directory): relative inputs resolve here. */
  workspace: string
  commit: string
  ref: string
  logger: Logger
  toolVersion: string
  /**
   * The baseline found by the caller for `baseline: auto` (restored from the Actions cache): a
   * report.json path, or null when there is none. Paths given in the input are read here.
   */
  autoBaselineFile?: string | null
  /** The pull request's changed lines, when the caller could read them; null or absent: no diff coverage. */
  changedLines?: readonly ChangedFile[] | null
  /** Why the pull request's changed lines could not be read, when the run is of a pull request and they could not: min-diff-coverage then fails. */
  changedLinesUnreadable?: string
  /** Sentences for the report and summary that explain what could not be done (no baseline, no diff, …). */
  notes?: readonly string[]
  /** The workflow run's page, linked from the summary. */
  runUrl?: string
}

/** What a run or an aggregate leaves: the report, its verdict and summary, and where the files are. */
export interface PipelineResult {
  report: Report
  verdict: Verdict
  summary: string
  toolchains: Toolchain[]
  /** The reference version's statement coverage, one decimal ("87.6"), or '' when it has none. */
  referenceCoverage: string
  reportDir: string
  files: ReportFiles
}

/** The baseline file this job compares with: none when collecting; the input's path; or the one restored for `auto`. */
function baselineFileOf(options: Pick<Options, 'mode' | 'baseline'>, ctx: Pick<ConclusionContext, 'workspace' | 'autoBaselineFile'>): string | null {
  if (options.mode === 'collect') return null
  if (options.baseline.kind === 'path') return path.resolve(ctx.workspace, options.baseline.path)
  if (options.baseline.kind === 'auto') return ctx.autoBaselineFile ?? null
  return null
}

/**
 * Everything after the runs: reads the baseline (when the reference has coverage to compare it
 * with), concludes, and writes merged.lcov, merged.out, report.json and summary.md.
 */
export async function concludeRun(
  options: ConclusionOptions & Pick<Options, 'baseline'>,
  ctx: ConclusionContext,
  input: {
    reportDir: string
    versions: readonly AnalysedVersion[]
    sourcePath: (file: string) => string
    /** Checks decided before this point that gate the job too (the aggregate's "every leg reported"). */
    checks?: readonly Gate[]
  }
): Promise<Omit<PipelineResult, 'toolchains'>> {
  const baselineFile = baselineFileOf(options, ctx)
  const baseline = baselineFile !== null && referenceOf(options.referenceVersion, input.versions) !== null ? await readBaselineFile(baselineFile) : null
  const conclusion = conclude(options, {
    versions: input.versions,
    sourcePath: input.sourcePath,
    ...(input.checks ? {checks: input.checks} : {}),
    baselineFound: baselineFile !== null,
    baseline,
    changedLines: ctx.changedLines,
    changedLinesUnreadable: ctx.changedLinesUnreadable,
    notes: ctx.notes,
    commit: ctx.commit,
    ref: ctx.ref,
    toolVersion: ctx.toolVersion,
    runUrl: ctx.runUrl
  })
  for (const warning of conclusion.warnings) ctx.logger.warning(warning)
  const files = await writeConclusion(input.reportDir, conclusion)
  return {
    report: conclusion.report,
    verdict: conclusion.verdict,
    summary: conclusion.summary,
    referenceCoverage: conclusion.referenceCoverage,
    reportDir: input.reportDir,
    files
  }
}
