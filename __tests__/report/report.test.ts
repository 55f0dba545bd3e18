import {describe, expect, it} from '@jest/globals'
import {decideVerdict} from '../../src/report/verdict.js'
import {renderSummary} from '../../src/report/summary.js'
import {renderTerminalReport} from '../../src/report/terminal.js'
import {toResults, type Gate, type VersionComparisonReport} from '../../src/report/schema.js'
import {makeReport, makeVersion} from './builders.js'

const failing = makeVersion('1.19.8', {
  status: 'failed',
  tests: {
    passed: 2,
    failed: 1,
    skipped: 1,
    failures: [{package: 'example.com/m/a', test: 'TestAdd/neg', output: '    a_test.go:12: got 1, want 2\n'}]
  }
})

describe('decideVerdict', () => {
  it('passes when every version passed and every gate held', () => {
    const v = decideVerdict(makeReport([makeVersion('1.22.12'), makeVersion('1.23.5')]), true)
    expect(v).toEqual({passed: true, failJob: false, sentence: '✅ All 2 Go versions passed.'})
  })

  it('names the failing version and tests', () => {
    const v = decideVerdict(makeReport([failing, makeVersion('1.23.5')]), true)
    expect(v.passed).toBe(false)
    expect(v.failJob).toBe(true)
    expect(v.sentence).toBe('❌ Go 1.19.8 failed: 1 test failed (TestAdd/neg).')
  })

  it('does not fail the job on test failures when fail-on-test-failure is off', () => {
    const v = decideVerdict(makeReport([failing]), false)
    expect(v).toMatchObject({passed: false, failJob: false})
    expect(v.sentence.startsWith('⚠️ Go 1.19.8 failed')).toBe(true)
  })

  it('puts a failed gate first and counts the rest', () => {
    const gate: Gate = {name: 'min-coverage', threshold: 90, actual: 80, passed: false, message: 'coverage 80.0% is below the minimum of 90%.'}
    const v = decideVerdict(makeReport([failing], {gates: [gate]}), false)
    expect(v.failJob).toBe(true)
    expect(v.sentence).toBe('❌ coverage 80.0% is below the minimum of 90% (and 1 more problem).')
  })

  it('counts skipped versions apart', () => {
    const skipped = makeVersion('1.19.8', {status: 'skipped', reason: 'go.mod requires go >= 1.21', coverage: null})
    expect(decideVerdict(makeReport([skipped, makeVersion('1.23.5')]), true).sentence).toBe('✅ Go 1.23.5 passed (1 skipped).')
  })
})

describe('renderSummary', () => {
  it('renders the verdict, the table and the failures', () => {
    const report = makeReport([failing, makeVersion('1.23.5')], {
      comparisons: {
        // A comparison with only the fields schema 1 names, as a report.json from a file may have
        // it: the renderers read what is there (report/views.ts).
        versions: [{version: '1.19.8', reference: '1.23.5', rawDelta: -1.5, likeForLikeDelta: 0, onlyInVersion: [], onlyInReference: []} as unknown as VersionComparisonReport],
        baseline: null,
        diff: null
      }
    })
    const md = renderSummary(report, decideVerdict(report, true))
    expect(md).toMatchSnapshot()
    expect(md.split('\n')[0]).toBe('❌ Go 1.19.8 failed: 1 test failed (TestAdd/neg).')
    expect(md).toContain('| **1.19.8** | ❌ failed | ✅ | 2 passed · **1 failed** · 1 skipped | 80.0% | 0.0 |')
  })
})

describe('renderTerminalReport', () => {
  it('has no colour codes off a TTY and colours on one', () => {
    const report = makeReport([failing, makeVersion('1.23.5')])
    const plain = renderTerminalReport(report, decideVerdict(report, true), false)
    expect(plain).not.toContain('\x1b[')
    expect(plain).toContain('--- FAIL TestAdd/neg [example.com/m/a] on Go 1.19.8')
    expect(renderTerminalReport(report, decideVerdict(report, true), true)).toContain('\x1b[31mfailed\x1b[0m')
  })
})

describe('toResults', () => {
  it('is the results output: one object per version', () => {
    expect(toResults(makeReport([failing]))).toEqual([
      {spec: '1.19.8', version: '1.19.8', status: 'failed', coverage: 80, tests: {passed: 2, failed: 1, skipped: 1}, seconds: 1.5}
    ])
  })
})

describe('uncoveredRanges', () => {
  it('groups consecutive lines per file and caps the number of ranges', async () => {
    const {uncoveredRanges} = await import('../../src/report/annotations.js')
    const lines = [
      {file: 'b.go', line: 3},
      {file: 'a.go', line: 10},
      {file: 'a.go', line: 11},
      {file: 'a.go', line: 13},
      {file: 'b.go', line: 4},
      {file: 'c.go', line: 1}
    ]
    expect(uncoveredRanges(lines, 10)).toEqual({
      ranges: [
        {file: 'a.go', startLine: 10, endLine: 11},
        {file: 'a.go', startLine: 13, endLine: 13},
        {file: 'b.go', startLine: 3, endLine: 4},
        {file: 'c.go', startLine: 1, endLine: 1}
      ],
      omittedLines: 0
    })
    expect(uncoveredRanges(lines, 2)).toEqual({
      ranges: [
        {file: 'a.go', startLine: 10, endLine: 11},
        {file: 'a.go', startLine: 13, endLine: 13}
      ],
      omittedLines: 3
    })
  })
})
