import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import {readActionOptions} from './inputs.js'
import {actionsLogger} from './logger.js'
import {runPipeline, type PipelineContext, type PipelineResult} from '../pipeline.js'
import {reportDirectoryOf} from '../files/report-folder.js'
import {toResults} from '../report/schema.js'
import {uncoveredRanges} from '../report/annotations.js'
import {TOOL_VERSION} from '../version.js'
import {cancelOnSignals} from '../util/signals.js'
import {readGitHubContext, type GitHubContext} from '../github/event.js'
import {baselineCacheDir, decideBaselineAction, restoreBaseline, saveBaseline, type BaselineAction} from '../github/baseline-store.js'
import {decideCacheSave} from '../cache/keys.js'
import {actionsCacheClient} from '../transport/actions-cache.js'
import {changedLines} from '../git/changed-lines.js'
import type {ChangedFile} from '../compare/diff.js'
import {InputError, type Options} from '../inputs/options.js'
import {commentOnPullRequest as upsertPullRequestComment} from '../github/pr-comment.js'
import {commentBodyLimit} from '../github/comment.js'
import {renderComment, renderStopped} from '../report/summary.js'
import {stoppedVerdict} from '../report/verdict.js'
import {actionError} from '../inputs/error-message.js'
import {aggregateReports, writeFailedLeg} from '../aggregate/aggregate.js'
import {currentPlatform} from '../go/platform.js'

/** Uncovered changed lines become at most this many warning annotations; the summary counts the rest. */
const MAX_LINE_ANNOTATIONS = 50

/** The action: inputs → install → run → compare → report, then outputs, comment and the verdict. */
export async function run(): Promise<void> {
  const signals = cancelOnSignals()
  const env = process.env
  // What the catch below needs to say why the job stopped: set as soon as it is known.
  const stop: StopContext = {options: null, github: null, summaryWritten: false}
  try {
    const options = readActionOptions()
    stop.options = options
    if (options.githubToken) core.setSecret(options.githubToken)
    const tempDir = env.RUNNER_TEMP || os.tmpdir()
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const github = await readGitHubContext(env)
    stop.github = github
    const notes: string[] = []

    // Only the job that concludes (run or aggregate) compares with the baseline and the pull
    // request's diff, and annotates: a collect leg sees its own versions only, so N legs would
    // give N disagreeing sets of notes and annotations.
    const concludes = options.mode !== 'collect'
    const baselineAction: BaselineAction | null =
      options.baseline.kind === 'auto' && concludes
        ? decideBaselineAction({
            eventName: github.eventName,
            ref: github.ref,
            defaultBranch: github.defaultBranch,
            baseRef: github.pullRequest?.baseRef ?? null
          })
        : null
    const repo = github.repo ? `${github.repo.owner}/${github.repo.name}` : ''
    let autoBaselineFile: string | null = null
    if (baselineAction?.action === 'restore') {
      const restored = await restoreBaseline({baseBranch: baselineAction.branch, repo, destDir: baselineCacheDir(tempDir), logger: actionsLogger})
      autoBaselineFile = restored.path
      notes.push(restored.note)
    }

    const changed = concludes ? await readChangedLines(github, workspace, signals.signal) : {lines: null}
    if (changed.unreadable !== undefined) notes.push(`${changed.unreadable} Diff coverage is not measured.`)

    // Each version's build cache and the module cache go through the Actions cache (the store the
    // baseline and the toolchains use); cache-save decides whether this run saves them.
    const cacheSave = decideCacheSave(options.cacheSave, {eventName: github.eventName, ref: github.ref, defaultBranch: github.defaultBranch ?? null})
    const pipelineContext: PipelineContext = {
      workspace,
      tempDir,
      toolCacheDir: env.RUNNER_TOOL_CACHE || path.join(tempDir, 'tool-cache'),
      commit: github.sha,
      ref: github.ref,
      env,
      logger: actionsLogger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      // Step debug logging (a re-run with debug logging, or the ACTIONS_STEP_DEBUG secret) shows go test's whole output.
      fullLogs: core.isDebug(),
      onInstalled: toolchains => core.setOutput('versions', JSON.stringify(toolchains.map(t => t.version))),
      autoBaselineFile,
      changedLines: changed.lines,
      ...(changed.unreadable !== undefined ? {changedLinesUnreadable: changed.unreadable} : {}),
      notes,
      ...(github.runUrl ? {runUrl: github.runUrl} : {}),
      carriedCache: {store: actionsCacheClient, save: cacheSave.save, why: cacheSave.why}
    }
    const result = options.mode === 'aggregate' ? await aggregateReports(options, pipelineContext) : await runCollectingErrors(options, pipelineContext)
    if (options.mode === 'aggregate') core.setOutput('versions', JSON.stringify([...new Set(result.report.versions.map(v => v.version))]))
    setOutputs(result)
    await writeStepSummary(result.summary)
    stop.summaryWritten = true
    if (concludes) annotateUncoveredLines(result)

    if (baselineAction?.action === 'save') {
      const saved = await saveBaseline({
        reportPath: result.files.report,
        branch: baselineAction.branch,
        sha: github.sha,
        repo,
        dir: baselineCacheDir(tempDir),
        logger: actionsLogger
      })
      core.info(saved.note)
    }
    await commentOnPullRequest(options, github, result)

    if (result.verdict.failJob) core.setFailed(result.verdict.sentence)
    else core.info(result.verdict.sentence)
  } catch (err) {
    const message = actionError(err)
    await reportStop(stop, message).catch(reportErr => core.warning(`go-matrix: the reason the job stopped was not reported: ${(reportErr as Error).message}`))
    core.setFailed(message)
    // Bad input exits 2, as the command line does (before any install when the input names a path).
    if (err instanceof InputError) process.exitCode = 2
  } finally {
    signals.dispose()
    // A cancelled job ends now that its outputs are written: the Actions cache client takes no
    // signal, and a transfer of its still under way would keep the process alive.
    if (signals.received) process.exit()
  }
}

/**
 * runPipeline; in `mode: collect`, a run that throws still leaves a report.json recording the
 * error, so the aggregate job reports this leg as failed rather than missing.
 */
async function runCollectingErrors(options: Options, ctx: PipelineContext): Promise<PipelineResult> {
  try {
    return await runPipeline(options, ctx)
  } catch (err) {
    if (options.mode === 'collect') {
      const {os: goos, arch} = currentPlatform()
      const versions = [...options.goVersions, ...(options.goVersionFile ? [options.goVersionFile] : [])].join(', ')
      await writeFailedLeg(reportDirectoryOf(options, ctx.workspace, ctx.tempDir), {
        commit: ctx.commit,
        ref: ctx.ref,
        toolVersion: ctx.toolVersion,
        error: `Go ${versions} on ${goos}/${arch}: ${actionError(err)}`
      }).catch(writeErr => core.warning(`go-matrix: the failed leg's report.json could not be written: ${(writeErr as Error).message}`))
    }
    throw err
  }
}

/** The pull request's changed lines; null when the run is not of a pull request, or with why they could not be read. */
async function readChangedLines(
  github: GitHubContext,
  workspace: string,
  signal: AbortSignal
): Promise<{lines: ChangedFile[] | null; unreadable?: string}> {
  const pr = github.pullRequest
  if (!pr) return {lines: null}
  const result = await changedLines({repoDir: workspace, baseSha: pr.baseSha, headSha: pr.headSha, logger: actionsLogger, signal})
  return result.changed === null ? {lines: null, unreadable: result.note} : {lines: result.changed}
}

function setOutputs(result: PipelineResult): void {
  core.setOutput('results', JSON.stringify(toResults(result.report)))
  core.setOutput('coverage', result.referenceCoverage)
  core.setOutput('report', result.files.report)
  core.setOutput('lcov', result.files.lcov)
  core.setOutput('passed', String(result.verdict.passed))
}

/** Uncovered changed lines as warnings on the pull request's files. */
function annotateUncoveredLines(result: PipelineResult): void {
  const diff = result.report.comparisons.diff
  if (!diff || diff.uncovered.length === 0) return
  const {ranges, omittedLines} = uncoveredRanges(diff.uncovered, MAX_LINE_ANNOTATIONS)
  for (const r of ranges) {
    const which = r.startLine === r.endLine ? 'This changed line is' : 'These changed lines are'
    core.warning(`${which} not covered by any test under any Go version.`, {
      title: 'go-matrix: uncovered change',
      file: r.file,
      startLine: r.startLine,
      endLine: r.endLine
    })
  }
  if (omittedLines > 0) core.info(`${omittedLines} more uncovered changed lines are listed in the job summary and report.json.`)
}

/** One comment per pull request and comment-key, updated in place; a refusal is a warning, never a failure. */
async function commentOnPullRequest(options: Options, github: GitHubContext, result: PipelineResult): Promise<void> {
  const body = renderComment(result.report, result.verdict, {
    notes: result.report.notes ?? [],
    ...(github.runUrl ? {runUrl: github.runUrl} : {}),
    limitBytes: commentBodyLimit(options.commentKey)
  })
  // upsertComment logs what it did, once.
  await upsertPullRequestComment({ctx: github, options, body, logger: actionsLogger})
}

async function writeStepSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write()
}

interface StopContext {
  options: Options | null
  github: GitHubContext | null
  /** The run's own summary is written: a later failure adds none. */
  summaryWritten: boolean
}

/**
 * A job that stops before it has a report still says why where people look: the job summary,
 * and on a pull request the comment (which would otherwise show an earlier run's numbers).
 */
async function reportStop(stop: StopContext, reason: string): Promise<void> {
  if (stop.summaryWritten) return
  const verdict = stoppedVerdict(reason, stop.options?.mode ?? 'run')
  const about = {tool: {name: 'go-matrix' as const, version: TOOL_VERSION}, commit: stop.github?.sha ?? process.env.GITHUB_SHA ?? ''}
  const runUrl = stop.github?.runUrl
  await writeStepSummary(renderStopped(verdict, about, runUrl ? {runUrl} : {}))
  if (stop.options && stop.github) {
    const body = renderStopped(verdict, about, {...(runUrl ? {runUrl} : {}), limitBytes: commentBodyLimit(stop.options.commentKey)})
    await upsertPullRequestComment({ctx: stop.github, options: stop.options, body, logger: actionsLogger})
  }
}
