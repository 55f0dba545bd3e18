// The conclusion is pure: every decision after the runs is tested here without a folder.
import {describe, expect, it} from '@jest/globals'
import {conclude, referenceOf, type AnalysedVersion, type ConclusionInput} from '../../src/conclusion/conclude.js'
import {readReportBaseline} from '../../src/coverage/baseline.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {parseProfile} from '../../src/coverage/parse.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {parseOptions} from '../../src/inputs/options.js'
import {makeVersion} from '../report/builders.js'

function analysed(version: string, profileText: string | null, platform?: string): AnalysedVersion {
  const report = makeVersion(version, platform ? {platform} : {})
  if (profileText === null) return {report: {...report, coverage: null}, coverage: null}
  const profile = parseProfile(profileText, `${version}.out`)
  const lines = lineCoverage(profile)
  const statements = summarizeStatements(profile)
  // The row says what the profile says, as the pipeline's would.
  const coverage = report.coverage ? {...report.coverage, statements: statements.total} : null
  return {report: {...report, coverage}, coverage: {profile, statements, lines, lineSummary: summarizeLines(lines), functions: []}}
}

const HALF = 'mode: set\nexample.com/m/a.go:3.14,5.2 2 1\nexample.com/m/a.go:7.14,9.2 2 0\n'
const ALL = 'mode: set\nexample.com/m/a.go:3.14,5.2 2 1\nexample.com/m/a.go:7.14,9.2 2 1\n'

function options(inputs: Record<string, string> = {}) {
  return parseOptions(name => ({'go-versions': '1.21,1.22', baseline: 'none', ...inputs})[name] ?? '')
}

function input(versions: AnalysedVersion[], extra: Partial<ConclusionInput> = {}): ConclusionInput {
  return {versions, sourcePath: f => f.replace('example.com/m/', ''), baselineFound: false, baseline: null, commit: 'c0ffee', ref: 'refs/heads/main', toolVersion: 'test', ...extra}
}

describe('conclude', () => {
  it('compares with the newest version, or the one reference-version names', () => {
    const versions = [analysed('1.21.13', ALL), analysed('1.22.12', HALF)]
    expect(conclude(options(), input(versions)).report.comparisons.versions).toEqual([
      expect.objectContaining({version: '1.21.13', reference: '1.22.12', rawDelta: 50})
    ])
    const named = conclude(options({'reference-version': '1.21'}), input(versions))
    expect(named.report.comparisons.versions).toEqual([expect.objectContaining({version: '1.22.12', reference: '1.21.13', rawDelta: -50})])
    expect(named.referenceCoverage).toBe('100.0')
  })

  it('never takes a version without coverage as the reference, and says the baseline was not compared', () => {
    const versions = [analysed('1.21.13', HALF), analysed('1.22.12', null)]
    expect(referenceOf('', versions)).toBe('1.21.13')
    expect(referenceOf('', [analysed('1.22.12', null)])).toBeNull()
    const none = conclude(options({baseline: 'b.json'}), input([analysed('1.22.12', null)], {baselineFound: true}))
    expect(none.report.notes).toEqual(['The baseline was not compared: the reference version has no coverage.'])
    expect(none.report.comparisons.baseline).toBeNull()
  })

  it('compares the reference with a baseline and gates the drop', () => {
    const before = conclude(options(), input([analysed('1.22.12', ALL)])).report
    const baseline = readReportBaseline(JSON.parse(JSON.stringify(before)), 'baseline/report.json')
    const after = conclude(options({'max-coverage-drop': '10'}), input([analysed('1.22.12', HALF)], {baselineFound: true, baseline}))
    expect(after.report.comparisons.baseline).toMatchObject({source: 'baseline/report.json', total: {delta: -50}})
    expect(after.report.gates.filter(g => !g.passed).map(g => g.name)).toEqual(['max-coverage-drop'])
    expect(after.verdict.failJob).toBe(true)
  })

  it('fails min-diff-coverage when the changed lines could not be read, and measures them when they were', () => {
    const versions = [analysed('1.22.12', HALF)]
    const unreadable = conclude(options({'min-diff-coverage': '80'}), input(versions, {changedLinesUnreadable: 'the API answered 404'}))
    const diffGate = (gates: {name: string}[]) => gates.filter(g => g.name === 'min-diff-coverage')
    expect(diffGate(unreadable.report.gates)).toEqual([expect.objectContaining({passed: false, message: expect.stringContaining('the API answered 404')})])
    const read = conclude(options({'min-diff-coverage': '80'}), input(versions, {changedLines: [{path: 'a.go', oldPath: null, status: 'modified', lines: [4, 8]}]}))
    expect(read.report.comparisons.diff).toMatchObject({lines: {covered: 1, total: 2}})
    expect(diffGate(read.report.gates)).toEqual([expect.objectContaining({passed: false, actual: 50})])
  })

  it('leaves the baseline, the diff and the gates to the concluding job when collecting', () => {
    const versions = [analysed('1.22.12', HALF)]
    const collected = conclude(
      options({mode: 'collect', 'min-coverage': '90'}),
      input(versions, {baselineFound: true, baseline: readReportBaseline(JSON.parse(JSON.stringify(conclude(options(), input(versions)).report)), 'b'), changedLines: [{path: 'a.go', oldPath: null, status: 'modified', lines: [4]}]})
    )
    expect(collected.report.gates).toEqual([])
    expect(collected.report.comparisons).toEqual({versions: [], baseline: null, diff: null})
    expect(collected.report.notes).toEqual([])
  })

  it('returns merged.lcov and merged.out as text, and a warning instead of a merge Go would refuse', () => {
    const merged = conclude(options(), input([analysed('1.21.13', ALL), analysed('1.22.12', HALF)]))
    expect(merged.lcov).toContain('SF:a.go\n')
    expect(merged.mergedProfile).toBe('mode: set\nexample.com/m/a.go:3.14,5.2 2 1\nexample.com/m/a.go:7.14,9.2 2 1\n')
    expect(merged.warnings).toEqual([])
    const count = analysed('1.22.12', 'mode: count\nexample.com/m/a.go:3.14,5.2 2 3\n')
    const refused = conclude(options(), input([analysed('1.21.13', HALF), count]))
    expect(refused.mergedProfile).toBe('')
    expect(refused.warnings).toEqual([expect.stringMatching(/^merged\.out not written: /)])
  })

  it('puts the checks decided before it first, and labels rows of one version on two platforms apart', () => {
    const legs = {name: 'legs' as const, threshold: 0, actual: 0, passed: true, message: 'All 2 legs reported.'}
    const result = conclude(options({'min-coverage': '40'}), input([analysed('1.22.12', HALF, 'linux/amd64'), analysed('1.22.12', ALL, 'windows/amd64')], {checks: [legs]}))
    expect(result.report.gates.map(g => g.name)).toEqual(['legs', 'max-version-delta', 'min-coverage'])
    expect(result.report.comparisons.versions).toEqual([expect.objectContaining({version: '1.22.12 (windows/amd64)', reference: '1.22.12 (linux/amd64)'})])
  })
})
