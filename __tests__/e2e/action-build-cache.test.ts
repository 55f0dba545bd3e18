/**
 * Carried build caches end to end: dist/index.js, run as a runner runs it, with the unmodified
 * @actions/cache against the loopback cache service (v2), Go 1.24 (build cache only) and Go 1.27
 * (test results replayed too), on a module of several packages, each run on a fresh work folder
 * (the runner empties RUNNER_TEMP) at the same paths (an entry's version is a digest of them).
 *
 * Run 1, a push to main, starts cold and saves one entry per version; run 2, a pull request with no
 * change, restores main's entries, compiles nothing, replays every package's test result under Go
 * 1.27 and gives the same numbers and coverage.out blocks as the cold run; run 3, a pull request
 * that changes one package, re-runs that package's tests only under Go 1.27; `-count=1` still runs
 * every test afresh, with the same numbers. Pushes of one commit converge: the second saves
 * without the entries a warm run does not read (the outputs of cached actions are kept although Go
 * does not open them when nothing changed), the third saves nothing.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {startActionsCacheStandIn, type ActionsCacheStandIn} from '../helpers/actions-cache.js'
import {runAction, type ActionRun, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import type {Report} from '../../src/report/schema.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repoRoot, 'dist/index.js')
const VERSIONS = ['1.24', '1.27']

describe('dist/index.js carries each version build cache through the Actions cache', () => {
  let mirror: GoMirror
  let cache: ActionsCacheStandIn
  let root: string
  let workspace: string
  const reports: Report[] = []

  beforeAll(async () => {
    mirror = await startGoMirror({versions: VERSIONS})
    cache = await startActionsCacheStandIn()
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-build-cache-'))
    workspace = path.join(root, 'repo')
    await cp(path.join(repoRoot, 'examples/hello'), workspace, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await mirror?.close()
    await cache?.close()
    if (root) await rm(root, {recursive: true, force: true})
  })

  const dirs = (): RunnerDirs => ({root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace})
  const report = (n: number): string => path.join(root, `report-${n}`)

  async function run(n: number, event: 'push' | 'pull_request', extra: Record<string, string> = {}): Promise<ActionRun & {report: Report}> {
    // A fresh runner: RUNNER_TEMP (and the work folder in it) starts empty.
    await rm(path.join(root, 'temp'), {recursive: true, force: true})
    const push = event === 'push'
    const result = await runAction(
      bundle,
      dirs(),
      {
        'go-versions': VERSIONS.join(','),
        'download-base-url': mirror.baseUrl,
        'local-toolchains': VERSIONS.map(v => gorootOf(v)).join(','),
        'report-directory': report(n),
        baseline: 'none',
        comment: 'false',
        'max-parallel': '1',
        ...extra
      },
      {
        // Carried caches live in the work folder, not in the tests' shared one.
        GO_MATRIX_CACHE_DIR: '',
        GITHUB_EVENT_NAME: event,
        GITHUB_EVENT_PATH: await eventFile(push),
        GITHUB_REF: push ? 'refs/heads/main' : 'refs/pull/7/merge',
        GITHUB_RUN_ID: String(1000 + n),
        ...cache.envFor(push ? {ref: 'refs/heads/main'} : {ref: 'refs/pull/7/merge', readable: ['refs/heads/main']})
      }
    )
    if (result.code !== 0) throw new Error(`run ${n} exited ${result.code}:\n${result.stdout}\n${result.stderr}`)
    const parsed = JSON.parse(await readFile(path.join(report(n), 'report.json'), 'utf8')) as Report
    reports[n] = parsed
    return {...result, report: parsed}
  }

  async function eventFile(push: boolean): Promise<string> {
    const file = path.join(root, push ? 'push.json' : 'pull_request.json')
    const repository = {full_name: 'octo/hello', default_branch: 'main', name: 'hello', owner: {login: 'octo'}}
    const payload = push ? {repository, ref: 'refs/heads/main'} : {repository, number: 7, pull_request: {number: 7, base: {ref: 'main', sha: 'a'.repeat(40)}, head: {ref: 'feature', sha: 'b'.repeat(40), repo: {full_name: 'octo/hello'}}}}
    await writeFile(file, JSON.stringify(payload))
    return file
  }

  const blocks = async (n: number, version: string): Promise<string[]> =>
    (await readFile(path.join(report(n), version, 'coverage.out'), 'utf8')).split('\n').slice(1).filter(Boolean).sort()
  const numbers = (r: Report) => r.versions.map(v => ({version: v.version, tests: {...v.tests, failures: []}, coverage: v.coverage}))
  const byVersion = (r: Report, minor: string) => r.versions.find(v => v.version.startsWith(`${minor}.`))!

  it('run 1, a push to main, starts cold and saves one build cache per version', async () => {
    const first = await run(1, 'push')
    for (const minor of VERSIONS) {
      const c = byVersion(first.report, minor).buildCache!
      expect(c).toMatchObject({where: 'actions-cache', restored: false, key: null, saved: true})
      expect(c.savedKey).toMatch(new RegExp(`^go-matrix-build-linux-(amd64|arm64)-go${minor.replace('.', '\\.')}\\.\\d+-nodeps-1001-1-`))
      expect(c.addedEntries).toBeGreaterThan(100)
    }
    expect(cache.entries().filter(e => e.key.startsWith('go-matrix-build-')).map(e => e.scope)).toEqual(['refs/heads/main', 'refs/heads/main'])
    expect(first.summary).toContain('Build caches')
  }, 900_000)

  it('run 2, a pull request with no change, restores them, compiles nothing, replays every test under Go 1.27, same numbers', async () => {
    const second = await run(2, 'pull_request')
    for (const minor of VERSIONS) {
      const c = byVersion(second.report, minor).buildCache!
      expect(c).toMatchObject({restored: true, saved: false, addedEntries: 0})
      expect(c.key).toBe(byVersion(reports[1]!, minor).buildCache!.savedKey)
      expect(c.why).toMatch(/pull requests restore/)
    }
    const go127 = byVersion(second.report, '1.27')
    expect(go127.cachedPackages).toBe(2)
    expect(byVersion(second.report, '1.24').cachedPackages).toBe(0)
    expect(numbers(second.report)).toEqual(numbers(reports[1]!))
    for (const v of second.report.versions) expect(await blocks(2, v.version)).toEqual(await blocks(1, v.version))
    // Nothing new was saved from the pull request.
    expect(cache.entries().filter(e => e.scope !== 'refs/heads/main')).toEqual([])
    expect(second.stdout).toMatch(/Go 1\.27\.\d+: build cache restored from go-matrix-build-.*nothing compiled or tested anew/)
  }, 600_000)

  it('pushes of the same commit to main converge: the next save leaves out what a warm run does not use, the one after saves nothing', async () => {
    const again = await run(5, 'push')
    for (const minor of VERSIONS) {
      const c = byVersion(again.report, minor).buildCache!
      // Intermediate entries of the cold run (the file lists go writes before compiling a package)
      // are not read when the compiled package is cached: left out, while every compiled package stays.
      expect(c).toMatchObject({restored: true, saved: true, addedEntries: 0})
      expect(c.removedEntries).toBeGreaterThan(0)
      expect(c.savedBytes).toBeLessThan(byVersion(reports[1]!, minor).buildCache!.savedBytes!)
    }
    const steady = await run(6, 'push')
    for (const minor of VERSIONS) {
      expect(byVersion(steady.report, minor).buildCache).toMatchObject({restored: true, saved: false, addedEntries: 0, removedEntries: 0, why: 'not saved: the run used exactly what it restored'})
    }
    expect(cache.entries().filter(e => e.key.startsWith('go-matrix-build-'))).toHaveLength(4)
    expect(numbers(steady.report)).toEqual(numbers(reports[1]!))
  }, 600_000)

  it('run 3, a pull request changing one package, re-runs only its tests under Go 1.27; -count=1 runs all, same numbers', async () => {
    const greet = path.join(workspace, 'greet/greet.go')
    await writeFile(greet, (await readFile(greet, 'utf8')) + '\n// Shout is new code: the package and its test binary change, so its tests run again.\nfunc Shout(s string) string { return s + "!" }\n')
    const third = await run(3, 'pull_request')
    expect(byVersion(third.report, '1.27').cachedPackages).toBe(1)
    expect(byVersion(third.report, '1.27').buildCache!.addedEntries).toBeGreaterThan(0)
    const fresh = await run(4, 'pull_request', {'test-flags': '-count=1'})
    expect(byVersion(fresh.report, '1.27').cachedPackages).toBe(0)
    expect(numbers(third.report)).toEqual(numbers(fresh.report))
    for (const v of third.report.versions) expect(await blocks(3, v.version)).toEqual(await blocks(4, v.version))
  }, 600_000)
})
