import * as core from '@actions/core'
import {readActionOptions} from './action-inputs.js'
import {actionsLogger} from './actions-logger.js'
import {runPipeline} from './pipeline.js'
import {toResults} from './report/schema.js'
import {TOOL_VERSION} from './version.js'
import {cancelOnSignals} from './util/signals.js'
import os from 'node:os'
import path from 'node:path'

/** The action: inputs → install → run → compare → report, then outputs and the verdict. */
export async function run(): Promise<void> {
  const signals = cancelOnSignals()
  try {
    const options = readActionOptions()
    const env = process.env
    const tempDir = env.RUNNER_TEMP || os.tmpdir()
    const result = await runPipeline(options, {
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
      tempDir,
      toolCacheDir: env.RUNNER_TOOL_CACHE || path.join(tempDir, 'tool-cache'),
      commit: env.GITHUB_SHA ?? '',
      ref: env.GITHUB_REF ?? '',
      env,
      logger: actionsLogger,
      signal: signals.signal,
      toolVersion: TOOL_VERSION,
      onInstalled: toolchains => core.setOutput('versions', JSON.stringify(toolchains.map(t => t.version)))
    })
    const {report, verdict, files} = result
    core.setOutput('results', JSON.stringify(toResults(report)))
    core.setOutput('coverage', result.referenceCoverage)
    core.setOutput('report', files.report)
    core.setOutput('lcov', files.lcov)
    core.setOutput('passed', String(verdict.passed))
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary, true).write()
    if (verdict.failJob) core.setFailed(verdict.sentence)
    else core.info(verdict.sentence)
  } catch (err) {
    core.setFailed(errorMessage(err))
  } finally {
    signals.dispose()
  }
}

/** The message of an error and of its causes, so a wrapped failure still says what went wrong. */
function errorMessage(err: unknown): string {
  const parts: string[] = []
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) {
    if (!parts.some(p => p.includes(e instanceof Error ? e.message : ''))) parts.push(e.message)
  }
  return parts.join(': ') || String(err)
}
