import * as core from '@actions/core'
import os from 'node:os'
import path from 'node:path'
import {readActionOptions} from './action-inputs.js'
import {actionsLogger} from './actions-logger.js'
import {reportDirectoryOf, runPipeline, type PipelineContext, type PipelineResult} from './pipeline.js'
import {toResults} from './report/schema.js'
import {uncoveredRanges} from './report/annotations.js'
import {TOOL_VERSION} from './version.js'
import {cancelOnSignals} from './util/signals.js'
import {readGitHubContext, type GitHubContext} from './github/event.js'
import {baselineCacheDir, decideBaselineAction, restoreBaseline, saveBaseline, type BaselineAction} from './github/baseline-store.js'
import {changedLines} from './git/changed-lines.js'
import type {ChangedFile} from './compare/diff.js'
import type {Options} from './options.js'
import {commentOnPullRequest as upsertPullRequestComment} from './github/pr-comment.js'
import {commentBodyLimit} from './github/comment.js'
import {renderComment} from './report/summary.js'
import {aggregateReports, writeFailedLeg} from './aggregate/aggregate.js'
import {currentPlatform} from './go/platform.js'

/** Uncovered changed lines become at most this many warning annotations; the summary counts the rest. */
const MAX_LINE_ANNOTATIONS = 50

/** The action: inputs → install → run → compare → report, then outputs, comment and the verdict. */
export async function run(): Promise<void> {
  const signals = cancelOnSignals()
  try {
    const options = readActionOptions()
    if (options.githubToken) core.setSecret(options.githubToken)
    const env = process.env
    const tempDir = env.RUNNER_TEMP || os.tmpdir()
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const github = await readGitHubContext(env)
    const notes: string[] = []

    const baselineAction: BaselineAction | null =
      options.baseline.kind === 'auto'
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

    const changed = await readChangedLines(github, workspace, notes, signals.signal)

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
      changedLines: changed,
      notes,
      ...(github.runUrl ? {runUrl: github.runUrl} : {})
    }
    const result = options.mode === 'aggregate' ? await aggregateReports(options, pipelineContext) : await runCollectingErrors(options, pipelineContext)
    if (options.mode === 'aggregate') core.setOutput('versions', JSON.stringify([...new Set(result.report.versions.map(v => v.version))]))
    setOutputs(result)
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary, true).write()
    annotateUncoveredLines(result)

    if (baselineAction?.action === 'save' && options.mode !== 'collect') {
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
    core.setFailed(errorMessage(err))
  } finally {
    signals.dispose()
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
        error: `Go ${versions} on ${goos}/${arch}: ${errorMessage(err)}`
      }).catch(writeErr => core.warning(`go-matrix: the failed leg's report.json could not be written: ${(writeErr as Error).message}`))
    }
    throw err
  }
}

async function readChangedLines(
  github: GitHubContext,
  workspace: string,
  notes: string[],
  signal: AbortSignal
): Promise<ChangedFile[] | null> {
  const pr = github.pullRequest
  if (!pr) return null
  const result = await changedLines({repoDir: workspace, baseSha: pr.baseSha, headSha: pr.headSha, logger: actionsLogger, signal})
  if (result.changed === null) notes.push(`${result.note} Diff coverage and its gate are skipped.`)
  return result.changed
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
  const outcome = await upsertPullRequestComment({ctx: github, options, body, logger: actionsLogger})
  if (outcome.action === 'created' || outcome.action === 'updated') core.info(`go-matrix: pull request comment ${outcome.action}: ${outcome.url ?? ''}`)
}

/** The message of an error and of its causes, so a wrapped failure still says what went wrong. */
function errorMessage(err: unknown): string {
  const parts: string[] = []
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) {
    if (!parts.some(p => p.includes(e instanceof Error ? e.message : ''))) parts.push(e.message)
  }
  return parts.join(': ') || String(err)
}
