import {describe, expect, it} from '@jest/globals'
import {renderComment, renderSummary, COMMENT_LIMIT_BYTES, SUMMARY_LIMIT_BYTES} from '../../src/report/summary.js'
import {decideVerdict} from '../../src/report/verdict.js'
import {renderTerminalReport} from '../../src/report/terminal.js'
import {byteLength} from '../../src/report/markdown.js'
import {moduleOfVersionRow, versionOfModules} from '../../src/report/module-rows.js'
import type {Report} from '../../src/report/schema.js'
import {counts, makeFailure, makeGate, makeReport, makeVersion} from './builders.js'

const toolchain = {source: 'local' as const, sha256: '', seconds: 0.1}

/** A report of `dirs` modules under `versions`; `status(version, dir)` decides each run. */
function multiModuleReport(versions: readonly string[], dirs: readonly string[], status: (version: string, dir: string) => 'passed' | 'failed' | 'skipped' = () => 'passed'): Report {
  return makeReport(
    versions.map(version =>
      versionOfModules(
        {spec: version, version, toolchain},
        dirs.map((dir, i) => {
          const s = status(version, dir)
          const pkg = `example.com/mono${dir === '.' ? '' : `/${dir}`}`
          return moduleOfVersionRow(
            makeVersion(version, {
              status: s,
              ...(s === 'skipped' ? {reason: `${dir}/go.mod requires go >= 1.25`} : s === 'failed' ? {reason: '1 test failed'} : {}),
              tests: s === 'skipped' ? {passed: 0, failed: 0, skipped: 0, failures: []} : {passed: 4, failed: s === 'failed' ? 1 : 0, skipped: 0, failures: s === 'failed' ? [makeFailure(`TestIn${i}`, {package: pkg})] : []},
              coverage: s === 'skipped' ? null : {statements: counts(i % 10, 10), lines: counts(i % 10, 10), functions: counts(1, 2), packages: [{name: pkg, statements: counts(i % 10, 10)}]}
            }),
            {dir, path: pkg}
          )
        })
      )
    )
  )
}

describe('the module × version grid', () => {
  const report = multiModuleReport(['1.21.13', '1.27.4'], ['.', 'api', 'tools'], (v, dir) => (dir === 'tools' && v === '1.21.13' ? 'skipped' : 'passed'))

  it('shows each module under each version with its status and coverage, and each module collapsed in the summary', () => {
    const summary = renderSummary(report, decideVerdict(report, true))
    expect(summary.split('\n')[0]).toBe('✅ All 2 Go versions passed in 3 modules (1 module run skipped).')
    const grid = summary.slice(summary.indexOf('### Modules (3)'), summary.indexOf('#### Each module'))
    expect(grid).toContain('| module | Go 1.21.13 | Go 1.27.4 |')
    expect(grid).toContain('| `.` | ✅ 0.0% | ✅ 0.0% |')
    expect(grid).toContain('| `api` | ✅ 10.0% | ✅ 10.0% |')
    expect(grid).toContain('| `tools` | ⏭️ skipped | ✅ 20.0% |')
    expect(summary).toContain('<details><summary><code>tools</code> (example.com/mono/tools)</summary>')
    expect(summary).toContain('| 1.21.13 | ⏭️ skipped | tools/go.mod requires go &gt;= 1.25 | — | — | — | — | 1.5 s |')
    // The comment carries the grid, not the detail.
    const comment = renderComment(report, decideVerdict(report, true))
    expect(comment).toContain('| `tools` | ⏭️ skipped | ✅ 20.0% |')
    expect(comment).not.toContain('#### Each module')
  })

  it('names the module and version that failed in the verdict, and lists failing modules first', () => {
    const failing = multiModuleReport(['1.21.13', '1.27.4'], ['.', 'api', 'tools'], (v, dir) => (dir === 'tools' && v === '1.27.4' ? 'failed' : 'passed'))
    const verdict = decideVerdict(failing, true)
    expect(verdict.sentence).toBe('❌ Go 1.27.4 failed in module tools: 1 test failed (TestIn2).')
    const comment = renderComment(failing, verdict)
    const rows = comment.split('\n').filter(l => l.startsWith('| `'))
    expect(rows[0]).toBe('| `tools` | ✅ 20.0% | ❌ 20.0% |')
  })

  it('shows the grid on the command line too', () => {
    const text = renderTerminalReport(report, decideVerdict(report, true), false)
    expect(text).toContain(['module  go 1.21.13    go 1.27.4', '.       passed 0.0%   passed 0.0%', 'api     passed 10.0%  passed 10.0%', 'tools   skipped       passed 20.0%'].join('\n'))
  })

  it('leaves the grid out of a report without modules', () => {
    const plain = makeReport([makeVersion('1.27.4')])
    expect(renderSummary(plain, decideVerdict(plain, true))).not.toContain('### Modules')
  })
})

describe('50 modules × 4 versions', () => {
  const dirs = Array.from({length: 50}, (_, i) => (i === 0 ? '.' : `services/service-${String(i).padStart(2, '0')}/api`))
  const versions = ['1.21.13', '1.24.4', '1.26.11', '1.27.4']

  it('stay within the summary and comment limits, keeping every failing module in the grid', () => {
    const report = multiModuleReport(versions, dirs, (v, dir) => (dir.endsWith('-49/api') && v === '1.24.4' ? 'failed' : 'passed'))
    const failed = {...report, gates: [makeGate('min-coverage', false, {threshold: 80, actual: 45, message: 'Go 1.27.4 covers 45.0% of statements; the minimum is 80%.'})]}
    const verdict = decideVerdict(failed, true)
    const summary = renderSummary(failed, verdict)
    const comment = renderComment(failed, verdict)
    expect(byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(byteLength(comment)).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
    for (const text of [summary, comment]) {
      expect(text).toContain('### Modules (50)')
      expect(text).toContain('| `services/service-49/api` | ✅ 90.0% | ❌ 90.0% | ✅ 90.0% | ✅ 90.0% |')
      expect(text).toContain('Go 1.27.4 covers 45.0% of statements; the minimum is 80%.')
    }
    expect(summary.split('<details><summary>').length - 1).toBeGreaterThanOrEqual(50)
  })

  it('fit a small limit by leaving modules out with a note, never the failing one, then the detail', () => {
    const report = multiModuleReport(versions, dirs, (v, dir) => (dir.endsWith('-49/api') && v === '1.24.4' ? 'failed' : 'passed'))
    const verdict = decideVerdict(report, true)
    const comment = renderComment(report, verdict, {limitBytes: 3000})
    expect(byteLength(comment)).toBeLessThanOrEqual(3000)
    expect(comment).toContain('| `services/service-49/api` |')
    expect(comment).toMatch(/_… \d+ more modules left out \(see the job summary\)\._/)
    const summary = renderSummary(report, verdict, {limitBytes: 8000})
    expect(byteLength(summary)).toBeLessThanOrEqual(8000)
    expect(summary).toContain("_Each module's detail was left out to stay within GitHub’s size limit (see report.json)._")
    expect(summary).not.toContain('#### Each module')
  })
})
