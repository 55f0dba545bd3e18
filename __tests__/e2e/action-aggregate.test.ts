/**
 * Issue 6's "done when" for fan-out / fan-in, through dist/index.js run as a runner runs it: two
 * `mode: collect` legs (Go 1.21 + 1.26, and Go 1.27) and one `mode: aggregate` over their
 * report.json files give the same per-version numbers, like-for-like deltas, gates and verdict
 * as a single `mode: run` over the three versions; a leg whose run failed is reported, never
 * silently dropped.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type ActionRun, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')
/** An old version (before Go 1.22 counted packages without tests), oldstable and stable. */
const MINORS = ['1.21', '1.26', '1.27']

interface ReportJson {
  commit: string
  versions: {version: string; status: string; platform: string; coverage: {statements: unknown; lines: unknown; functions: unknown; packages: unknown}; tests: unknown}[]
  comparisons: {versions: {version: string; reference: string; rawDelta: number; likeForLikeDelta: number}[]}
  merged: unknown
  gates: {name: string; passed: boolean; actual: number | null; message: string}[]
}

const readJson = async (file: string): Promise<ReportJson> => JSON.parse(await readFile(file, 'utf8')) as ReportJson

/** The parts of a version that must not depend on where it ran (not its timings). */
const numbers = (report: ReportJson) =>
  report.versions.map(v => ({version: v.version, status: v.status, platform: v.platform, coverage: v.coverage, tests: v.tests}))

/** runAction with its runner files (GITHUB_OUTPUT, the step summary) in a folder of their own. */
async function runIn(dirs: RunnerDirs, name: string, inputs: Record<string, string>): Promise<ActionRun> {
  const root = path.join(dirs.root, name)
  await mkdir(root, {recursive: true})
  return runAction(bundle, {...dirs, root}, inputs)
}

describe('dist/index.js: collect legs, then one aggregate', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs
  let single: ActionRun
  let legs: ActionRun[]
  let aggregate: ActionRun

  const inputs = (extra: Record<string, string>) => ({
    'download-base-url': mirror.baseUrl,
    'local-toolchains': MINORS.map(m => gorootOf(m)).join('\n'),
    'working-directory': 'examples/hello',
    // Gates that judge something in both runs: the like-for-like deltas and the reference's coverage.
    'max-version-delta': '2',
    'min-coverage': '50',
    ...extra
  })

  beforeAll(async () => {
    mirror = await startGoMirror({versions: MINORS})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-aggregate-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: repo}
    const at = (name: string) => path.join(root, name)
    single = await runIn(dirs, 'run-single', inputs({'go-versions': MINORS.join(','), 'report-directory': at('single')}))
    legs = []
    for (const [name, versions] of [['a', '1.21, 1.26'], ['b', '1.27']] as const) {
      legs.push(await runIn(dirs, `run-${name}`, inputs({'go-versions': versions, mode: 'collect', 'report-directory': at(`legs/${name}`)})))
    }
    aggregate = await runIn(dirs, 'run-aggregate', {
      mode: 'aggregate',
      reports: `${at('legs')}/*/report.json`,
      'report-directory': at('aggregate'),
      'max-version-delta': '2',
      'min-coverage': '50'
    })
  }, 600_000)

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  it('collect legs write their report without gates, and pass', async () => {
    for (const leg of legs) {
      expect(leg.code).toBe(0)
      const report = await readJson(leg.outputs.report as string)
      expect(report.gates).toEqual([])
    }
  })

  it('the aggregate gives the per-version numbers, deltas, gates and verdict of a single run', async () => {
    expect(single.code).toBe(0)
    expect(aggregate.code).toBe(single.code)
    const one = await readJson(single.outputs.report as string)
    const combined = await readJson(aggregate.outputs.report as string)
    expect(numbers(one).map(v => v.version)).toEqual(['1.21.13', '1.26.11', '1.27.4'])
    expect(numbers(combined)).toEqual(numbers(one))
    // Go 1.22+ count the package without tests, so Go 1.21's raw delta is not its like-for-like delta.
    expect(one.comparisons.versions.map(c => [c.version, c.reference])).toEqual([
      ['1.21.13', '1.27.4'],
      ['1.26.11', '1.27.4']
    ])
    expect(combined.comparisons).toEqual(one.comparisons)
    expect(combined.merged).toEqual(one.merged)
    expect(combined.gates).toEqual([{name: 'legs', threshold: 0, actual: 0, passed: true, message: 'All 2 legs reported.'}, ...one.gates])
    expect(one.gates.map(g => g.name)).toEqual(['max-version-delta', 'max-version-delta', 'min-coverage'])
    expect(combined.commit).toBe('0123456789abcdef0123456789abcdef01234567')
    for (const output of ['versions', 'results', 'coverage', 'passed']) {
      const value = (run: ActionRun) => (output === 'results' ? JSON.parse(run.outputs[output] as string).map((r: {seconds: number}) => ({...r, seconds: 0})) : run.outputs[output])
      expect(value(aggregate)).toEqual(value(single))
    }
    expect(aggregate.outputs.passed).toBe('true')
    expect(await readFile(aggregate.outputs.lcov as string, 'utf8')).toBe(await readFile(single.outputs.lcov as string, 'utf8'))
    expect(aggregate.summary.split('\n')[0]).toBe(single.summary.split('\n')[0])
  })

  it('a leg whose run failed leaves a report that fails the aggregate, naming the leg', async () => {
    const at = (name: string) => path.join(dirs.root, name)
    // No release matches 1.99 on the mirror: the leg's run throws before any version runs.
    const broken = await runIn(dirs, 'run-c', inputs({'go-versions': '1.99', mode: 'collect', 'report-directory': at('legs-with-failed/c')}))
    expect(broken.code).toBe(1)
    const failedReport = JSON.parse(await readFile(at('legs-with-failed/c/report.json'), 'utf8'))
    expect(failedReport.error).toMatch(/^Go 1\.99 on linux\/\w+: /)

    const run = await runIn(dirs, 'run-aggregate-failed', {
      mode: 'aggregate',
      reports: [at('legs/a'), at('legs/b'), at('legs-with-failed/c'), at('legs/windows/report.json')].join('\n'),
      'report-directory': at('aggregate-failed')
    })
    expect(run.code).toBe(1)
    expect(run.outputs.passed).toBe('false')
    const report = await readJson(run.outputs.report as string)
    expect(report.versions.map(v => v.version)).toEqual(['1.21.13', '1.26.11', '1.27.4'])
    const gate = report.gates.find(g => g.name === 'legs')
    expect(gate).toMatchObject({passed: false, actual: 2})
    expect(gate?.message).toContain(`${at('legs-with-failed/c/report.json')} failed: Go 1.99 on linux/`)
    expect(gate?.message).toContain(`${at('legs/windows/report.json')} is missing (no such file)`)
    expect(run.stdout).toMatch(/::error::❌ 2 of 4 legs gave no report/)
  })
})
