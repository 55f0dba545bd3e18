/**
 * The aggregate on real legs made from the generated Go profiles (no Go runs): two collect legs,
 * written by the same conclusion `mode: collect` uses, combine into the report a single run over
 * all their versions writes: same rows, comparisons, gates, merged files and verdict.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {aggregateReports} from '../../src/aggregate/aggregate.js'
import {findLegFiles} from '../../src/aggregate/read.js'
import {concludeRun} from '../../src/conclusion/run.js'
import {fixtureRuns, type FixtureRun} from '../coverage/fixtures.js'
import {COMMIT, analysed, ctx, options, sourcePath, writeLeg, type FixtureVersion} from './legs-builder.js'

describe('aggregateReports', () => {
  let root: string
  let versions: (FixtureVersion)[]
  const gateInputs = {'max-version-delta': '1', 'min-coverage': '50'}

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-aggregate-'))
    const runs = fixtureRuns().filter(r => r.module === 'basic')
    versions = await Promise.all(runs.map(run => analysed(run)))
    await writeLeg(path.join(root, 'legs/a'), versions.slice(0, 2), root)
    await writeLeg(path.join(root, 'legs/b'), versions.slice(2), root)
  })

  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('gives the report, merged files and verdict of a single run over every version', async () => {
    expect(versions.length).toBeGreaterThanOrEqual(3)
    await mkdir(path.join(root, 'single'), {recursive: true})
    const single = await concludeRun(options({'go-versions': '1.22', ...gateInputs}), ctx(root), {
      reportDir: path.join(root, 'single'),
      versions,
      sourcePath
    })
    const combined = await aggregateReports(options({mode: 'aggregate', reports: 'legs/*/report.json', 'report-directory': 'combined', ...gateInputs}), ctx(root))

    expect(combined.report.versions).toEqual(single.report.versions)
    expect(combined.report.comparisons).toEqual(single.report.comparisons)
    expect(combined.report.merged).toEqual(single.report.merged)
    expect(combined.report.gates).toEqual([{name: 'legs', threshold: 0, actual: 0, passed: true, message: 'All 2 legs reported.'}, ...single.report.gates])
    // The fixtures differ by more than a point between versions: the verdict is a failure, the same in both.
    expect(single.verdict.failJob).toBe(true)
    expect(combined.verdict).toEqual(single.verdict)
    expect(combined.referenceCoverage).toBe(single.referenceCoverage)
    for (const file of ['merged.lcov', 'merged.out']) {
      const ours = await readFile(path.join(root, 'combined', file), 'utf8')
      expect(ours.length).toBeGreaterThan(0)
      expect(ours).toBe(await readFile(path.join(root, 'single', file), 'utf8'))
    }
    const written = JSON.parse(await readFile(combined.files.report, 'utf8'))
    expect(written.commit).toBe(COMMIT)
    expect(written.versions.map((v: {version: string}) => v.version)).toEqual(versions.map(v => v.report.version))
  })

  it('reports a listed leg that does not exist as missing, and fails', async () => {
    const result = await aggregateReports(
      options({mode: 'aggregate', reports: 'legs/a/report.json\nlegs/b\nlegs/windows/report.json', 'report-directory': 'with-missing', 'max-version-delta': '100'}),
      ctx(root)
    )
    expect(result.report.versions).toHaveLength(versions.length)
    expect(result.report.gates[0]).toMatchObject({name: 'legs', passed: false, actual: 1})
    expect(result.verdict.failJob).toBe(true)
    expect(result.verdict.sentence).toBe('❌ 1 of 3 legs gave no report: legs/windows/report.json is missing (no such file).')
    expect(result.summary).toContain('legs/windows/report.json is missing')
  })

  it('reports a leg whose run failed, from the report.json it left', async () => {
    await mkdir(path.join(root, 'legs-failed/c'), {recursive: true})
    await writeFile(
      path.join(root, 'legs-failed/c/report.json'),
      JSON.stringify({schemaVersion: 1, tool: {name: 'go-matrix', version: 'test'}, commit: COMMIT, ref: 'refs/heads/main', versions: [], merged: null, comparisons: {versions: [], baseline: null, diff: null}, gates: [], error: 'Go 1.24 on windows/amd64: download failed'})
    )
    const result = await aggregateReports(options({mode: 'aggregate', reports: 'legs/a, legs-failed/c', 'report-directory': 'with-failed', 'max-version-delta': '100'}), ctx(root))
    expect(result.verdict.sentence).toBe('❌ 1 of 2 legs gave no report: legs-failed/c/report.json failed: Go 1.24 on windows/amd64: download failed.')
  })

  it('refuses a leg whose coverage.out is not the one its report counted', async () => {
    const dir = path.join(root, 'legs-mixed/a')
    await writeLeg(dir, versions.slice(0, 1), root)
    await copyFile(versions[1]?.profileFile as string, path.join(dir, versions[0]?.report.version as string, 'coverage.out'))
    await expect(aggregateReports(options({mode: 'aggregate', reports: 'legs-mixed/a', 'report-directory': 'mixed'}), ctx(root))).rejects.toThrow(
      /legs-mixed\/a\/report\.json: Go \S+: .*coverage\.out covers \d+ of \d+ statements, but the report says \d+ of \d+; the files are not of the same run/
    )
  })

  it('compares one version from two platforms as two rows', async () => {
    const linux = versions[versions.length - 1] as FixtureVersion
    const darwin = await analysed(fixtureRuns().find(r => r.module === 'basic' && r.version === linux.report.version) as FixtureRun, 'darwin/arm64')
    await writeLeg(path.join(root, 'legs-os/linux'), [linux], root)
    await writeLeg(path.join(root, 'legs-os/darwin'), [darwin], root)
    const result = await aggregateReports(options({mode: 'aggregate', reports: 'legs-os/linux, legs-os/darwin', 'report-directory': 'os'}), ctx(root))
    const v = linux.report.version
    expect(result.report.comparisons.versions.map(c => [c.version, c.reference, c.likeForLikeDelta])).toEqual([[`${v} (darwin/arm64)`, `${v} (linux/amd64)`, 0]])
    expect(result.report.gates.map(g => [g.name, g.passed])).toEqual([
      ['legs', true],
      ['max-version-delta', true]
    ])
  })
})

describe('findLegFiles', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-legs-'))
    for (const leg of ['x', 'y', 'z']) {
      await mkdir(path.join(root, 'legs', leg), {recursive: true})
      await writeFile(path.join(root, 'legs', leg, 'report.json'), '{}')
    }
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it.each([
    ['a glob', ['legs/*/report.json'], ['legs/x/report.json', 'legs/y/report.json', 'legs/z/report.json'], []],
    ['a glob with an exclusion', ['legs/*/report.json', '!legs/y/report.json'], ['legs/x/report.json', 'legs/z/report.json'], []],
    ['directories', ['legs/z', 'legs/x'], ['legs/z/report.json', 'legs/x/report.json'], []],
    ['the same file twice', ['legs/x', 'legs/x/report.json'], ['legs/x/report.json'], []],
    ['a missing path', ['legs/x', 'legs/w/report.json'], ['legs/x/report.json'], [{file: 'legs/w/report.json', kind: 'missing', reason: 'no such file'}]],
    ['a glob that matches nothing', ['out/*/report.json'], [], [{file: 'out/*/report.json', kind: 'missing', reason: 'the pattern matched no report.json'}]]
  ])('finds %s', async (_, entries, files, missing) => {
    const found = await findLegFiles(entries, root)
    expect(found.files.map(f => path.relative(root, f))).toEqual(files)
    expect(found.missing).toEqual(missing)
  })
})
