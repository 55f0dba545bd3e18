/**
 * Issue 15's "done when", through dist/index.js run as a runner runs it: a repository of three
 * modules (the root, api/ depending on it through a replace, tools/ with `go 1.25`) tested with
 * `modules: auto` under an old and a new Go in one step: every module's figures as `go test
 * -cover` prints them in that module, tools/ skipped on the old Go, one verdict, one comment with
 * the module grid, merged files over every module with repository paths, diff coverage and
 * annotations for a change in api/. The same repository with a go.work, and collect legs split by
 * module whose aggregate is the same report as one run.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {git} from '../helpers/git.js'
import {pullRequestEnv, repositoryWithChange} from '../helpers/pull-request.js'
import {goTestCoverIn, localToolchain} from '../runner/helpers.js'
import {runAction, type ActionRun, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repoRoot, 'dist/index.js')
const fixture = path.join(repoRoot, '__tests__/fixtures/repos/three')
const TOKEN = 'ghs_e2eModulesToken'
const OLD = '1.21.13'
const NEW = '1.27.4'

const UNCOVERED = `
// Largest returns the largest number; nothing tests it yet.
func Largest(xs ...int) int {
	best := 0
	for _, x := range xs {
		if x > best {
			best = x
		}
	}
	return best
}
`

interface Counts {
  covered: number
  total: number
  percent: number
}
interface ModuleJson {
  comparison?: {reference: string; rawDelta: number; likeForLikeDelta: number; commonLines: number}
  dir: string
  path: string
  status: string
  reason?: string
  tests: {passed: number; failed: number; skipped: number}
  coverage: {statements: Counts; lines: Counts; functions: Counts; packages: {name: string; statements: Counts}[]} | null
}
interface ReportJson {
  schemaVersion: number
  versions: {version: string; status: string; coverage: {statements: Counts} | null; tests: {passed: number}; modules: ModuleJson[]}[]
  merged: unknown
  comparisons: {diff: {lines: Counts; uncovered: {file: string; line: number}[]} | null}
}

const readJson = async (file: string): Promise<ReportJson> => JSON.parse(await readFile(file, 'utf8')) as ReportJson

/** The parts of a report that must not depend on how the run was split (not timings or steps). */
const figures = (report: ReportJson) =>
  report.versions.map(v => ({
    version: v.version,
    status: v.status,
    coverage: v.coverage,
    tests: v.tests,
    modules: v.modules.map(m => ({dir: m.dir, path: m.path, status: m.status, reason: m.reason, tests: m.tests, coverage: m.coverage, comparison: m.comparison}))
  }))

describe('dist/index.js over a repository of three modules', () => {
  let mirror: GoMirror
  let api: GitHubStandIn
  let root: string
  let workspace: string
  let base: string
  let head: string

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.21', '1.27']})
    api = await startGitHubStandIn({token: TOKEN})
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-modules-'))
    workspace = path.join(root, 'repo')
    ;({base, head} = await repositoryWithChange(fixture, workspace, {file: 'api/api.go', appended: UNCOVERED, message: 'add Largest, untested'}))
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    await api?.close()
    if (root) await rm(root, {recursive: true, force: true})
  })

  const dirs = (name: string, at = workspace): RunnerDirs => ({root: path.join(root, 'runs', name), temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: at})
  const inputs = (extra: Record<string, string> = {}) => ({
    'go-versions': '1.21,1.27',
    'download-base-url': mirror.baseUrl,
    'local-toolchains': [gorootOf('1.21'), gorootOf('1.27')].join(','),
    'github-token': TOKEN,
    baseline: 'none',
    modules: 'auto',
    'test-flags': '-count=1',
    ...extra
  })
  const run = async (name: string, extra: Record<string, string>, env: Record<string, string> = {}, at = workspace): Promise<ActionRun> => {
    await mkdir(path.join(root, 'runs', name), {recursive: true})
    return runAction(bundle, dirs(name, at), inputs({'report-directory': path.join(root, 'reports', name), ...extra}), env)
  }

  it('tests every module under every version in one step: one verdict, one comment, per-module detail', async () => {
    const result = await run('pr', {'min-diff-coverage': '80'}, await pullRequestEnv({number: 15, base, head, apiUrl: api.apiUrl, runId: '1515', eventFile: path.join(root, 'pull_request.json')}))
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.summary.split('\n')[0]).toMatch(/^❌ Tests run \d+ of the \d+ changed lines/)

    const report = await readJson(result.outputs.report as string)
    expect(report.schemaVersion).toBe(2)
    expect(report.versions.map(v => [v.version, v.status, v.modules.map(m => [m.dir, m.status, m.reason ?? null])])).toEqual([
      [OLD, 'passed', [['.', 'passed', null], ['api', 'passed', null], ['tools', 'skipped', 'tools/go.mod requires go >= 1.25']]],
      [NEW, 'passed', [['.', 'passed', null], ['api', 'passed', null], ['tools', 'passed', null]]]
    ])
    // Each module's figures are what go test -cover prints in that module; a version's, their sums.
    for (const [minor, v] of [['1.21', report.versions[0]], ['1.27', report.versions[1]]] as const) {
      for (const m of v?.modules ?? []) {
        if (m.status === 'skipped') continue
        const expected = goTestCoverIn(localToolchain(minor), path.join(workspace, m.dir))
        expect([v?.version, m.dir, Object.fromEntries((m.coverage?.packages ?? []).map(p => [p.name, p.statements.percent.toFixed(1)]))]).toEqual([v?.version, m.dir, expected])
      }
      const covered = (v?.modules ?? []).flatMap(m => (m.coverage ? [m.coverage.statements] : []))
      expect(v?.coverage?.statements.covered).toBe(covered.reduce((n, c) => n + c.covered, 0))
      expect(v?.coverage?.statements.total).toBe(covered.reduce((n, c) => n + c.total, 0))
    }

    // Like for like per module: each module under Go 1.21 against itself under the reference.
    expect(report.versions[0]?.modules.map(m => [m.dir, m.comparison?.reference, typeof m.comparison?.likeForLikeDelta])).toEqual([
      ['.', NEW, 'number'],
      ['api', NEW, 'number'],
      ['tools', undefined, 'undefined']
    ])
    expect(report.versions[1]?.modules.every(m => m.comparison === undefined)).toBe(true)

    // merged.lcov and merged.out hold every module, by repository path and by import path.
    const lcov = await readFile(result.outputs.lcov as string, 'utf8')
    expect(lcov.split('\n').filter(l => l.startsWith('SF:'))).toEqual(['SF:api/api.go', 'SF:mono.go', 'SF:tools/tools.go'])
    const merged = await readFile(path.join(root, 'reports/pr/merged.out'), 'utf8')
    for (const file of ['example.com/mono/mono.go', 'example.com/mono/api/api.go', 'example.com/mono/tools/tools.go']) expect(merged).toContain(`${file}:`)

    // The change in api/ is measured and annotated by its path in the repository.
    expect(new Set(report.comparisons.diff?.uncovered.map(u => u.file))).toEqual(new Set(['api/api.go']))
    expect(result.stdout).toMatch(/::warning title=go-matrix%3A uncovered change,file=api\/api\.go,line=\d+/)

    expect(api.comments).toHaveLength(1)
    const body = api.comments[0]?.body ?? ''
    expect(body).toContain('### Modules (3)')
    expect(body).toContain(`| module | Go ${OLD} | Go ${NEW} |`)
    expect(body).toContain('| `tools` | ⏭️ skipped | ✅ 50.0% |')
    expect(result.summary).toContain('<details><summary><code>api</code> (example.com/mono/api)</summary>')
    // Each module's files in its own folder of the version's.
    expect(await readFile(path.join(root, 'reports/pr', NEW, 'api', 'coverage.out'), 'utf8')).toMatch(/^mode: set\nexample\.com\/mono\/api\/api\.go:/)
  }, 300_000)

  it("with a go.work, auto takes the modules it uses, and its go line skips the versions it rules out", async () => {
    const work = path.join(root, 'work')
    await cp(fixture, work, {recursive: true})
    await writeFile(path.join(work, 'go.work'), 'go 1.25\n\nuse (\n\t.\n\t./api\n\t./tools\n)\n')
    // A module the workspace does not use: auto leaves it out.
    await mkdir(path.join(work, 'examples/demo'), {recursive: true})
    await writeFile(path.join(work, 'examples/demo/go.mod'), 'module example.com/demo\n\ngo 1.21\n')
    const result = await run('work', {}, {GITHUB_WORKSPACE: work}, work)
    expect(result.code).toBe(0)
    const report = await readJson(result.outputs.report as string)
    expect(report.versions.map(v => [v.version, v.status, v.modules.map(m => [m.dir, m.status, m.reason ?? null])])).toEqual([
      [OLD, 'skipped', [['.', 'skipped', 'go.work requires go >= 1.25'], ['api', 'skipped', 'go.work requires go >= 1.25'], ['tools', 'skipped', 'go.work requires go >= 1.25']]],
      [NEW, 'passed', [['.', 'passed', null], ['api', 'passed', null], ['tools', 'passed', null]]]
    ])
    expect(report.versions[1]?.modules.map(m => m.coverage?.statements.percent)).toEqual([50, 57.1, 50])
  }, 300_000)

  it('names an empty selection before installing anything', async () => {
    const result = await run('empty', {modules: 'auto, !**, !.'})
    expect(result.code).toBe(2)
    expect(result.stdout).toContain(`::error::input modules: selects no module (modules found below ${workspace}: ., api, tools); check the list and its ! exclusions`)
  }, 60_000)

  it('combines collect legs split by module into the same report as one run', async () => {
    git(workspace, 'checkout', '-q', base)
    const single = await run('single', {})
    const legA = await run('leg-a', {mode: 'collect', modules: '., api', 'report-directory': path.join(root, 'legs/a')})
    const legB = await run('leg-b', {mode: 'collect', modules: 'tools', 'go-versions': '1.27', 'report-directory': path.join(root, 'legs/b')})
    const legC = await run('leg-c', {mode: 'collect', modules: 'tools', 'go-versions': '1.21', 'report-directory': path.join(root, 'legs/c')})
    for (const leg of [legA, legB, legC]) expect([leg.code, leg.stderr]).toEqual([0, ''])
    const aggregate = await run('aggregate', {mode: 'aggregate', reports: `${path.join(root, 'legs')}/*/report.json`})
    expect([single.code, aggregate.code]).toEqual([0, 0])
    const [one, combined] = await Promise.all([readJson(single.outputs.report as string), readJson(aggregate.outputs.report as string)])
    expect(figures(combined)).toEqual(figures(one))
    expect(combined.merged).toEqual(one.merged)
    expect(await readFile(aggregate.outputs.lcov as string, 'utf8')).toBe(await readFile(single.outputs.lcov as string, 'utf8'))
    expect(aggregate.summary.split('\n')[0]).toBe(single.summary.split('\n')[0])
  }, 300_000)
})
