import type {Report, VersionReport} from './schema.js'

export interface Verdict {
  /** Every gate passed and no version failed or errored (the `passed` output). */
  passed: boolean
  /** The job fails: a gate failed, or (with fail-on-test-failure) a version failed or errored. */
  failJob: boolean
  /** One sentence, first line of every report. */
  sentence: string
}

function describeVersionProblem(v: VersionReport): string {
  if (v.status === 'error') return `Go ${v.version} could not be run: ${v.reason ?? 'unknown error'}`
  const failures = v.tests.failures.map(f => f.test).filter(t => t !== '')
  if (v.tests.failed > 0) {
    const names = failures.slice(0, 3).join(', ')
    const more = failures.length > 3 ? ` and ${failures.length - 3} more` : ''
    return `Go ${v.version} failed: ${v.tests.failed} test${v.tests.failed === 1 ? '' : 's'} failed${names ? ` (${names}${more})` : ''}`
  }
  return `Go ${v.version} failed: ${v.reason ?? 'the build failed'}`
}

/** Decides the outcome of a run from its report: pure, so the action and the CLI agree. */
export function decideVerdict(report: Report, failOnTestFailure: boolean): Verdict {
  const failedGates = report.gates.filter(g => !g.passed)
  const broken = report.versions.filter(v => v.status === 'failed' || v.status === 'error')
  const passed = failedGates.length === 0 && broken.length === 0
  const failJob = failedGates.length > 0 || (failOnTestFailure && broken.length > 0)
  let sentence: string
  if (passed) {
    const ran = report.versions.filter(v => v.status === 'passed')
    const skipped = report.versions.length - ran.length
    const who = ran.length === 1 ? `Go ${(ran[0] as VersionReport).version}` : `All ${ran.length} Go versions`
    sentence = `✅ ${who} passed${
      skipped > 0 ? ` (${skipped} skipped)` : ''
    }${report.gates.length > 0 ? ' and every gate held' : ''}.`
  } else {
    const parts = [...failedGates.map(g => g.message), ...broken.map(describeVersionProblem)]
    const head = failJob ? '❌' : '⚠️'
    const first = (parts[0] as string).replace(/\.$/, '')
    sentence = `${head} ${first}${parts.length > 1 ? ` (and ${parts.length - 1} more problem${parts.length > 2 ? 's' : ''})` : ''}.`
  }
  return {passed, failJob, sentence}
}

/**
 * The verdict of a job that stopped before it had a report (legs that cannot be combined, a
 * version that resolves to nothing): it fails, and says why in `reason`'s own words.
 */
export function stoppedVerdict(reason: string, mode: 'run' | 'collect' | 'aggregate'): Verdict {
  const what = mode === 'aggregate' ? 'The reports were not combined' : 'go-matrix stopped before a report'
  return {passed: false, failJob: true, sentence: `❌ ${what}: ${reason.replace(/\.$/, '')}.`}
}
