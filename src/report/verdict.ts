import type {Report, VersionReport} from './schema.js'
import {moduleName} from './module-rows.js'

export interface Verdict {
  /** Every gate passed and no version failed or errored (the `passed` output). */
  passed: boolean
  /** The job fails: a gate failed, or (with fail-on-test-failure) a version failed or errored. */
  failJob: boolean
  /** One sentence, first line of every report. */
  sentence: string
}

/** What went wrong in one row (a version, or one module of it: `where` is then ` in module api`). */
function describeProblem(version: string, where: string, v: Pick<VersionReport, 'status' | 'reason' | 'tests'>): string {
  if (v.status === 'error') return `Go ${version} could not be run${where}: ${v.reason ?? 'unknown error'}`
  const failures = v.tests.failures.map(f => f.test).filter(t => t !== '')
  if (v.tests.failed > 0) {
    const names = failures.slice(0, 3).join(', ')
    const more = failures.length > 3 ? ` and ${failures.length - 3} more` : ''
    return `Go ${version} failed${where}: ${v.tests.failed} test${v.tests.failed === 1 ? '' : 's'} failed${names ? ` (${names}${more})` : ''}`
  }
  return `Go ${version} failed${where}: ${v.reason ?? 'the build failed'}`
}

/** A version's problems: its own, or with modules, each failing module's, naming the module. */
function describeVersionProblems(v: VersionReport): string[] {
  const modules = (v.modules ?? []).filter(m => m.status === 'failed' || m.status === 'error')
  if (modules.length === 0) return [describeProblem(v.version, '', v)]
  return modules.map(m => describeProblem(v.version, ` in module ${moduleName(m)}`, m))
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
    // With several modules: in how many, and how many module runs a go line skipped within versions that ran.
    const modules = new Set(report.versions.flatMap(v => (v.modules ?? []).map(m => m.dir)))
    const skippedModules = ran.reduce((n, v) => n + (v.modules ?? []).filter(m => m.status === 'skipped').length, 0)
    const skips = [skipped > 0 ? `${skipped} skipped` : '', skippedModules > 0 ? `${skippedModules} module run${skippedModules === 1 ? '' : 's'} skipped` : ''].filter(t => t !== '')
    sentence = `✅ ${who} passed${modules.size > 0 ? ` in ${modules.size} module${modules.size === 1 ? '' : 's'}` : ''}${
      skips.length > 0 ? ` (${skips.join(', ')})` : ''
    }${report.gates.length > 0 ? ' and every gate held' : ''}.`
  } else {
    const parts = [...failedGates.map(g => g.message), ...broken.flatMap(describeVersionProblems)]
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
