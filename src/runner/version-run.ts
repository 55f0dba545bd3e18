/**
 * The steps of one Go version: skip when the module needs a newer Go; build, vet and
 * cross-compile; `go test -json -coverprofile`; then the status. Each go command runs in the
 * version's isolated environment; the version's time limit covers all of its steps.
 */
import {access, mkdir, rm, writeFile, appendFile} from 'node:fs/promises'
import {constants} from 'node:fs'
import {randomUUID} from 'node:crypto'
import path from 'node:path'
import type {Writable} from 'node:stream'
import {goBinary} from '../go/platform.js'
import type {Toolchain} from '../go/toolchain.js'
import {compilerAnnotations, testFailureAnnotations, uniqueAnnotations} from './annotations.js'
import type {Annotation, ModuleLocation} from './annotations.js'
import {crossCompileEnv, isolatedEnv, versionDirs, type MatrixPaths} from './env.js'
import {skipReason} from '../go/go-mod.js'
import type {GoFile} from '../go/go-mod.js'
import {formatBytes} from './bounded.js'
import {fileSink} from './file-sink.js'
import {runProcess} from './process.js'
import type {ProcessResult} from './process.js'
import {TestJsonParser, type TestReport} from './test-json.js'
import type {RunRequest, VersionRun} from './types.js'

/**
 * Set in the environment of every process a version starts, with a value of that version's run
 * alone: what is still running with it when a go command ends is killed (see runProcess).
 */
export const RUN_MARKER_VARIABLE = 'GO_MATRIX_RUN_ID'

/** Everything one version's run needs, resolved by the matrix. */
export interface VersionPlan
  extends Pick<RunRequest, 'moduleDir' | 'packages' | 'build' | 'vet' | 'buildTargets' | 'testFlags' | 'coverMode' | 'coverPackages' | 'timeoutMinutes'> {
  toolchain: Toolchain
  /** The files whose `go` line this version must satisfy (go.work, go.mod); the first it does not is the reason it is skipped. */
  goFiles: readonly GoFile[]
  modules: ModuleLocation[]
  /** Report folder of this version. */
  dir: string
  /** Where this version's GOPATH, GOCACHE, GOBIN and go.env, and the shared module cache, live. */
  paths: MatrixPaths
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
  /** The log holds go test's whole output (its first and last lines when huge), not only failures and a line per package. */
  fullLog: boolean
}

/** Why a version was stopped from outside its own processes. */
type Stop = {kind: 'timeout'} | {kind: 'cancelled'; why: string}

const MS_PER_MINUTE = 60_000
const MAX_TIMER_MS = 2 ** 31 - 1

/** A version's result and its log: every command with its output, go test's as a person reads it. */
export interface VersionOutcome {
  run: VersionRun
  log: string
}

export async function runVersion(plan: VersionPlan): Promise<VersionOutcome> {
  const started = Date.now()
  const run = emptyRun(plan.toolchain, plan.dir)
  const log: string[] = []
  const done = (status: VersionRun['status'], reason?: string): VersionOutcome => {
    run.status = status
    if (reason !== undefined) run.reason = reason
    run.seconds = (Date.now() - started) / 1000
    return {run, log: log.join('')}
  }

  await mkdir(plan.dir, {recursive: true})
  const profile = path.join(plan.dir, 'coverage.out')
  const buildLog = path.join(plan.dir, 'build.log')
  const testJson = path.join(plan.dir, 'test.json')
  // A report folder reused from an earlier run must not show that run's results as this one's.
  await Promise.all([profile, buildLog, testJson].map(f => rm(f, {force: true})))
  await writeFile(buildLog, '')

  const skip = plan.goFiles.map(file => skipReason(plan.toolchain.version, file)).find(reason => reason !== null) ?? null
  if (skip !== null) return done('skipped', skip)
  if (plan.signal?.aborted) return done('error', cancelledReason(plan.signal.reason))

  const go = goBinary(plan.toolchain.goroot)
  try {
    await access(go, constants.X_OK)
  } catch (err) {
    return done('error', `missing toolchain: ${go} is not an executable (${(err as Error).message})`)
  }

  const runId = randomUUID()
  const isolated = isolatedEnv(plan.env, versionDirs(plan.toolchain.goroot, plan.paths, plan.toolchain.version))
  // Kept for the go commands that read this version's results afterwards (go tool cover).
  run.env = isolated
  const env = {...isolated, [RUN_MARKER_VARIABLE]: runId}
  const marker = `${RUN_MARKER_VARIABLE}=${runId}`

  // One controller for the version: its time limit and the caller's cancellation both stop it.
  const stop = new AbortController()
  // setTimeout fires at once for delays beyond 2^31-1 ms (24.8 days), so longer limits are capped there.
  const limitMs = Math.min(plan.timeoutMinutes * MS_PER_MINUTE, MAX_TIMER_MS)
  const timer = setTimeout(() => stop.abort({kind: 'timeout'} satisfies Stop), limitMs)
  const onCancel = (): void => stop.abort({kind: 'cancelled', why: cancelledReason(plan.signal?.reason)} satisfies Stop)
  plan.signal?.addEventListener('abort', onCancel, {once: true})
  try {
    const runGo = (args: string[], stepEnv: Record<string, string> = env, stdout?: Writable): Promise<ProcessResult> =>
      runProcess(go, args, {cwd: plan.moduleDir, env: stepEnv, signal: stop.signal, marker, ...(stdout ? {stdout} : {})})
    const annotations: Annotation[] = []
    const problems: string[] = []

    const buildSteps: {name: string; args: string[]; env?: Record<string, string>}[] = []
    if (plan.build) buildSteps.push({name: 'build', args: ['build', ...plan.packages]})
    if (plan.vet) buildSteps.push({name: 'vet', args: ['vet', ...plan.packages]})
    for (const target of plan.buildTargets) {
      buildSteps.push({
        name: `build ${target.goos}/${target.goarch}`,
        args: ['build', ...plan.packages],
        env: crossCompileEnv(env, target)
      })
    }
    for (const step of buildSteps) {
      const result = await runGo(step.args, step.env)
      const output = result.stdout + result.stderr
      const entry = logEntry(step.name, step.args, result)
      log.push(entry)
      await appendFile(buildLog, entry)
      const ok = result.exitCode === 0
      run.steps.push({name: step.name, args: step.args, ok, exitCode: result.exitCode, seconds: result.seconds, output})
      run.notes.push(...processNotes(step.name, result))
      const stopped = stopReason(result, plan.timeoutMinutes)
      if (stopped !== null) return done('error', stopped)
      if (!ok) {
        problems.push(`${step.name} failed`)
        annotations.push(...compilerAnnotations(output, plan.moduleDir))
      }
    }

    // Tests run even when a build step failed: packages that do build still report their tests.
    const testArgs = [
      'test',
      '-json',
      `-coverprofile=${profile}`,
      ...(plan.coverMode ? [`-covermode=${plan.coverMode}`] : []),
      ...(plan.coverPackages ? [`-coverpkg=${plan.coverPackages}`] : []),
      ...plan.testFlags,
      ...plan.packages
    ]
    // The stream goes to test.json and through the parser as it arrives: it can be larger than memory.
    const parser = new TestJsonParser()
    const stream = await fileSink(testJson, chunk => parser.push(chunk))
    const result = await runGo(testArgs, env, stream.sink)
    const writeError = await stream.closed
    if (writeError) run.notes.push(`test.json is incomplete: ${writeError.message}`)
    if (result.stderr !== '') await appendFile(buildLog, logEntry('test', testArgs, {...result, stdout: ''}))
    const report = parser.end(result.stderr)
    const shown = plan.fullLog ? report.text : report.summary
    log.push(logEntry('test', testArgs, {...result, stdout: shown === '' ? '' : `${shown}\n`}))
    run.steps.push({name: 'test', args: testArgs, ok: result.exitCode === 0, exitCode: result.exitCode, seconds: result.seconds, output: result.stderr})
    // stdout is the stream, which streamNotes speaks for; stderr is go's own messages.
    run.notes.push(...processNotes('test', {...result, bytes: {stdout: 0, stderr: result.bytes.stderr}}), ...streamNotes(report))
    run.tests = report.tests
    run.buildFailures = report.buildFailures
    run.packages = report.packages
    run.slowestTests = report.slowest
    run.profile = (await exists(profile)) ? profile : null
    annotations.push(...compilerAnnotations(result.stderr, plan.moduleDir))
    for (const failure of report.tests.failures) annotations.push(...testFailureAnnotations(failure, plan.modules, plan.moduleDir))
    run.annotations = uniqueAnnotations(annotations)

    const stopped = stopReason(result, plan.timeoutMinutes)
    if (stopped !== null) {
      // Go writes coverage.out as it goes: a stopped run's file is partial, so it is left on disk but not reported.
      run.profile = null
      return done('error', stopped)
    }
    if (report.tests.failed > 0) problems.push(`${count(report.tests.failed, 'test')} failed`)
    if (report.buildFailures.length > 0) {
      problems.push(`${count(report.buildFailures.length, 'package')} failed to build`)
    }
    if (result.exitCode !== 0 && report.tests.failed === 0 && report.buildFailures.length === 0) {
      if (result.exitCode === null) return done('error', 'go test was killed by a signal')
      const failedPackages = report.packages.filter(p => p.status === 'fail').map(p => p.name)
      problems.push(
        failedPackages.length > 0
          ? `go test failed in ${failedPackages.join(', ')}`
          : `go test exited with status ${result.exitCode}: ${firstLine(result.stderr) || 'no message'}`
      )
    }
    return problems.length > 0 ? done('failed', problems.join('; ')) : done('passed')
  } finally {
    clearTimeout(timer)
    plan.signal?.removeEventListener('abort', onCancel)
  }
}

/** Why a step did not run to its end by itself, or null when it did. */
function stopReason(result: ProcessResult, timeoutMinutes: number): string | null {
  if (result.spawnError) return `could not run go: ${result.spawnError.message}`
  if (result.aborted === undefined) return null
  const stop = result.aborted as Stop
  if (stop.kind === 'timeout') return `timed out after ${count(timeoutMinutes, 'minute')}`
  return stop.why
}

/** The caller's abort reason as text: a string, an Error's message (`cancelled by SIGTERM`), else `cancelled`. */
function cancelledReason(reason: unknown): string {
  if (typeof reason === 'string' && reason !== '') return reason
  if (reason instanceof Error && reason.name !== 'AbortError' && reason.message !== '') return reason.message
  return 'cancelled'
}

function logEntry(name: string, args: string[], result: Pick<ProcessResult, 'aborted' | 'exitCode' | 'seconds' | 'stdout' | 'stderr' | 'leftovers'>): string {
  const status = result.aborted !== undefined ? 'stopped' : result.exitCode === 0 ? 'ok' : `exit status ${result.exitCode ?? 'killed'}`
  const leftovers = result.leftovers > 0 ? `; killed ${count(result.leftovers, 'process')} it left running` : ''
  const output = result.stdout + result.stderr
  return `── ${name}: go ${args.join(' ')} (${status}, ${result.seconds.toFixed(1)}s${leftovers})\n${output}${output === '' || output.endsWith('\n') ? '' : '\n'}`
}

/** What a reader of the report should know about a command: output cut in the log, processes it left running. */
function processNotes(name: string, result: ProcessResult): string[] {
  const notes: string[] = []
  if (result.truncated) {
    notes.push(`go ${name} printed ${formatBytes(result.bytes.stdout + result.bytes.stderr)}; the log keeps its first and last lines.`)
  }
  if (result.leftovers > 0) {
    notes.push(`go ${name} left ${count(result.leftovers, 'process')} running outside its process group (a daemon a test started?); go-matrix killed ${result.leftovers === 1 ? 'it' : 'them'}.`)
  }
  return notes
}

/** Said when the stream was too large to keep whole in memory: where the rest is. */
function streamNotes(report: TestReport): string[] {
  const notes: string[] = []
  if (report.omitted.textLines > 0 || report.omitted.summaryLines > 0) {
    notes.push(`go test printed ${formatBytes(report.bytes)} of test output, more than go-matrix keeps in memory: its output was truncated in the log (its first and last lines are kept); test.json in the version's report folder has all of it.`)
  }
  if (report.omitted.failures > 0) {
    notes.push(`${count(report.tests.failed, 'test')} failed; the report lists the first ${report.tests.failures.length} with their output.`)
  }
  return notes
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function firstLine(text: string): string {
  return text.split('\n').find(l => l.trim() !== '')?.trim() ?? ''
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file)
    return true
  } catch {
    return false
  }
}

/** A version that has not run anything yet: `passed`, no steps, no tests, no profile. */
export function emptyRun(toolchain: Toolchain, dir: string): VersionRun {
  return {
    toolchain,
    status: 'passed',
    steps: [],
    tests: {passed: 0, failed: 0, skipped: 0, failures: []},
    buildFailures: [],
    packages: [],
    slowestTests: [],
    notes: [],
    annotations: [],
    profile: null,
    dir,
    seconds: 0
  }
}
