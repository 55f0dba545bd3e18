/**
 * `mode: aggregate`: no Go runs. The report.json files of the collect legs become one report
 * (versions × platforms, and with several modules, each version's modules from whichever legs
 * ran them), which then goes through the same conclusion as `mode: run`:
 * reference, comparisons, baseline, diff coverage, gates, merged files and summary.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {AnalysedCoverage, AnalysedVersion} from '../conclusion/conclude.js'
import {concludeRun, type ConclusionContext, type PipelineResult} from '../conclusion/run.js'
import {reportJson} from '../conclusion/write.js'
import type {Options} from '../inputs/options.js'
import {SCHEMA_VERSION} from '../report/schema.js'
import {renderStopped} from '../report/summary.js'
import {stoppedVerdict} from '../report/verdict.js'
import {errorMessage} from '../inputs/error-message.js'
import {AggregateError, combineLegs, legsGate, type LegProblem, type LegReport, type LegRow} from './legs.js'
import {combineModuleCoverage} from '../conclusion/modules.js'
import type {ModuleReport} from '../report/schema.js'
import {findLegFiles, readLegs, rebuildCoverage} from './read.js'
import {claimReportEntries, prepareReportFolder, reportDirectoryOf} from '../files/report-folder.js'
import {checkInputFiles} from '../files/preflight.js'

export interface AggregateContext extends ConclusionContext {
  /** RUNNER_TEMP or the system's temporary directory (the default report folder is in it). */
  tempDir: string
}

/**
 * Combines the legs named by `options.reports` and concludes as `mode: run` does. Throws
 * AggregateError when the legs cannot be combined (another schema or commit, a version and
 * platform reported twice, files that contradict their report), after writing a summary.md that
 * says so; a missing or failed leg is no error but a failed `legs` gate.
 */
export async function aggregateReports(options: Options, ctx: AggregateContext): Promise<PipelineResult> {
  const reportDir = reportDirectoryOf(options, ctx.workspace, ctx.tempDir)
  await checkInputFiles(options, ctx.workspace)
  const {files, missing} = await findLegFiles(options.reports, ctx.workspace)
  // Before any leg is read: the report folder is checked, and emptied of an earlier run's files.
  await prepareReportFolder(reportDir, {workspace: ctx.workspace, readsFrom: files})
  try {
    return await combineAndConclude(options, ctx, reportDir, {files, missing})
  } catch (err) {
    if (err instanceof AggregateError) await writeRefusal(reportDir, err, ctx)
    throw err
  }
}

/** summary.md of an aggregate that refused its legs: why. A summary that cannot be written is a warning, never the error reported. */
async function writeRefusal(reportDir: string, err: AggregateError, ctx: AggregateContext): Promise<void> {
  const verdict = stoppedVerdict(errorMessage(err), 'aggregate')
  const summary = renderStopped(verdict, {tool: {name: 'go-matrix', version: ctx.toolVersion}, commit: ctx.commit}, ctx.runUrl ? {runUrl: ctx.runUrl} : {})
  try {
    await writeFile(path.join(reportDir, 'summary.md'), summary)
  } catch (writeErr) {
    ctx.logger.warning(`summary.md not written to ${reportDir}: ${(writeErr as Error).message}`)
  }
}

async function combineAndConclude(
  options: Options,
  ctx: AggregateContext,
  reportDir: string,
  legFiles: {files: string[]; missing: LegProblem[]}
): Promise<PipelineResult> {
  const {files, missing} = legFiles
  const shown = (file: string): string => {
    const relative = path.relative(ctx.workspace, file)
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
  }
  const found = await readLegs(files, shown)
  const legs = combineLegs(found, missing)
  const fileOf = new Map(files.map(file => [shown(file), file]))

  const sourcePaths = new Map<string, string>()
  const rebuild = async (file: string, row: LegRow['report'], module?: ModuleReport): Promise<AnalysedCoverage> => {
    const rebuilt = await rebuildCoverage(fileOf.get(file) as string, file, row, module)
    for (const [name, source] of rebuilt.sourcePaths) sourcePaths.set(name, source)
    return rebuilt.coverage
  }
  const versions: AnalysedVersion[] = await Promise.all(
    legs.rows.map(async row => {
      if (!row.report.coverage) return {report: row.report, coverage: null}
      if (!row.moduleFiles) return {report: row.report, coverage: await rebuild(row.file, row.report)}
      // A row over several modules (from one leg or several): each module's files, its coverage theirs together.
      const modules = await Promise.all(
        (row.report.modules ?? []).map(async m => ({dir: m.dir, coverage: m.coverage === null ? null : await rebuild(row.moduleFiles?.get(m.dir) as string, row.report, m)}))
      )
      const covered = modules.flatMap(m => (m.coverage ? [{name: `${row.moduleFiles?.get(m.dir)}: ${m.dir}`, coverage: m.coverage}] : []))
      return {report: row.report, coverage: combineModuleCoverage(covered), modules}
    })
  )
  const legCount = files.length + missing.length
  ctx.logger.info(`go-matrix: ${versions.length} versions from ${files.length} leg${files.length === 1 ? '' : 's'}${missing.length ? `, ${missing.length} missing` : ''}`)

  const result = await concludeRun(
    options,
    {...ctx, commit: legs.commit || ctx.commit, ref: legs.ref || ctx.ref},
    {
      reportDir,
      versions,
      // merged.lcov names files as the legs did.
      sourcePath: file => sourcePaths.get(file) ?? file,
      checks: [legsGate(legCount, legs.problems)]
    }
  )
  return {...result, toolchains: []}
}

/**
 * What a collect leg leaves when its run throws before any report: a report.json recording the
 * error, so the aggregate reports this leg as failed instead of finding nothing.
 */
export async function writeFailedLeg(
  reportDir: string,
  leg: {commit: string; ref: string; toolVersion: string; error: string}
): Promise<string> {
  const report: LegReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: {name: 'go-matrix', version: leg.toolVersion},
    commit: leg.commit,
    ref: leg.ref,
    versions: [],
    merged: null,
    comparisons: {versions: [], baseline: null, diff: null},
    gates: [],
    error: leg.error
  }
  // Only into a folder that is new, empty or go-matrix's: a leg whose report folder was refused writes nothing.
  await claimReportEntries(reportDir, ['report.json'])
  const file = path.join(reportDir, 'report.json')
  await writeFile(file, reportJson(report))
  return file
}
