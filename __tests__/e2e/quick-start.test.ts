/**
 * The README's quick start (`oldstable`, `stable`, `1.22.x`, `max-version-delta: 2`) through
 * dist/index.js, run as a runner runs it, on a module shaped like BurntSushi/toml: its tests run a
 * package without test files (Go 1.22 also writes that package's counters from the importer's test
 * binary), it has if/else blocks (Go 1.27 ends an if-body at column 1 of the `} else {` line) and a
 * package-level closure. Both used to fail the version gate for what Go counts, not what the tests
 * cover; the like-for-like deltas are 0.0 now, and the summary says why the versions differ.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {fixtureRun, goTestPercents, fixtureFile} from '../coverage/fixtures.js'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')
const MINORS = ['1.22', '1.26', '1.27']

interface PackageRow {
  name: string
  statements: {covered: number; total: number; percent: number}
}

describe('the quick start on a module shaped like BurntSushi/toml', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs

  beforeAll(async () => {
    // Every installed release listed (stable 1.27.4, oldstable 1.26.11), none packed: the toolchains are local.
    mirror = await startGoMirror({versions: []})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-quick-start-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: repo}
  })

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  it('passes with oldstable, stable and 1.22.x: like for like 0.0, and the summary names what Go 1.22 counts', async () => {
    const run = await runAction(bundle, dirs, {
      'go-versions': 'oldstable, stable, 1.22.x',
      'max-version-delta': '2',
      'download-base-url': mirror.baseUrl,
      'local-toolchains': MINORS.map(m => gorootOf(m)).join('\n'),
      'working-directory': '__tests__/fixtures/cover/modules/tomlish',
      'report-directory': path.join(dirs.root, 'report')
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.passed).toBe('true')
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(report.versions.map((v: {spec: string; version: string; status: string}) => [v.spec, v.version, v.status])).toEqual([
      ['oldstable', '1.26.11', 'passed'],
      ['stable', '1.27.4', 'passed'],
      ['1.22.x', '1.22.12', 'passed']
    ])

    // Per package: what `go test -cover` prints, each package by its own tests. Go 1.22 prints for
    // example.com/tomlish the figure of its test binary, which holds internal/tag's counters too.
    for (const [i, minor] of [[0, '1.26'], [1, '1.27'], [2, '1.22']] as const) {
      const ours = new Map((report.versions[i].coverage.packages as PackageRow[]).map(p => [p.name, p.statements.percent.toFixed(1)]))
      const printed = goTestPercents(fixtureFile(fixtureRun(minor, 'tomlish'), 'test-set.txt'))
      if (minor === '1.22') {
        expect([ours.get('example.com/tomlish'), printed.get('example.com/tomlish')]).toEqual(['78.6', '60.9'])
        printed.set('example.com/tomlish', '78.6')
      }
      expect(ours).toEqual(printed)
    }
    expect(report.versions[2].coverage.otherTestBinaries).toEqual({
      statements: {covered: 3, total: 9, percent: 33.3},
      packages: [{name: 'example.com/tomlish/internal/tag', statements: {covered: 3, total: 9, percent: 33.3}}]
    })
    expect(report.versions[0].coverage.otherTestBinaries).toBeUndefined()

    expect(report.comparisons.versions.map((c: {version: string; reference: string; rawDelta: number; likeForLikeDelta: number}) => [c.version, c.reference, c.rawDelta, c.likeForLikeDelta])).toEqual([
      ['1.26.11', '1.27.4', 0, 0],
      ['1.22.12', '1.27.4', 0, 0]
    ])
    expect(report.gates.map((g: {name: string; passed: boolean; actual: number}) => [g.name, g.passed, g.actual])).toEqual([
      ['max-version-delta', true, 0],
      ['max-version-delta', true, 0]
    ])
    expect(run.summary).toContain('### Why versions differ')
    expect(run.summary).toContain(
      '- Go 1.22.12 also recorded, for packages without test files, the counters of the test binaries of the packages that import them (3 of 9 statements in `example.com/tomlish/internal/tag`).'
    )
  }, 600_000)
})
