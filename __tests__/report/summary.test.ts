import {describe, expect, it} from '@jest/globals'
import {marked} from 'marked'
import {COMMENT_LIMIT_BYTES, SUMMARY_LIMIT_BYTES, renderComment, renderSummary} from '../../src/report/summary.js'
import {decideVerdict} from '../../src/report/verdict.js'
import {byteLength, escape} from '../../src/report/markdown.js'
import type {Report} from '../../src/report/schema.js'
import {counts, makeBaseline, makeComparison, makeFailedVersion, makeFailure, makeGate, makeRealisticReport, makeReport, makeVersion} from './builders.js'

const RUN_URL = 'https://github.com/octo/hello/actions/runs/42'
const NOTE = 'No baseline: the Actions cache service is not available here.'

function html(md: string): string {
  return marked.parse(md, {gfm: true, async: false})
}

function summaryOf(report: Report, extras: Parameters<typeof renderSummary>[2] = {}): string {
  return renderSummary(report, decideVerdict(report, true), extras)
}

function commentOf(report: Report, extras: Parameters<typeof renderComment>[2] = {}): string {
  return renderComment(report, decideVerdict(report, true), extras)
}

/** A run where every version fails `count` tests, each with an output of its own, and leaves 3,000 changed lines uncovered. */
function manyFailures(count: number, outputLines = 30, versions = ['1.22.12', '1.23.5']): Report {
  const failures = Array.from({length: count}, (_v, i) =>
    makeFailure(`TestCase${i}/sub_${i}`, {
      package: `example.com/m/pkg${i % 40}`,
      output: Array.from({length: outputLines}, (_l, j) => `case_test.go:${j}: case ${i} step ${j}: got ${j}, want ${j + 1} (ünïcödé ✗)`).join('\n')
    })
  )
  const report = makeRealisticReport()
  report.versions = versions.map(v => makeFailedVersion(v, failures.map(f => ({...f, output: `${f.output}\nunder Go ${v}`}))))
  const uncovered = Array.from({length: 3000}, (_v, i) => ({file: `pkg${i % 50}/file${i % 7}.go`, line: 10 + 2 * i}))
  report.comparisons.diff = {lines: {covered: 100, total: 3100, percent: 3.2}, uncovered, files: []}
  return report
}

describe('renderSummary on a realistic run', () => {
  const report = makeRealisticReport()
  const md = summaryOf(report, {notes: [NOTE], runUrl: RUN_URL})

  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot()
  })

  it('starts with the verdict and keeps every section in the order the issue gives', () => {
    expect(md.split('\n')[0]).toBe(escape(decideVerdict(report, true).sentence))
    expect(md.split('\n')[0]).toMatch(/^❌ Tests run 7 of the 10 changed lines/)
    const order = ['> ℹ️ No baseline', '| Go | status |', '**Merged line coverage**', '### Against the baseline', '### Why versions differ', '### Failing tests (2)', '### Changed lines', '### Gates', RUN_URL]
    const at = order.map(text => md.indexOf(text))
    expect(at.every(i => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it.each([
    ['a skipped version shows why', '| **1.19.8** (1.19) | ⏭️ skipped | — | go.mod requires go &gt;= 1.21 | — | — | — |'],
    ['a failed vet shows in the build column', '| **1.21.13** (1.21) | ❌ failed | ❌ vet | 10 passed · **2 failed** · 1 skipped | 76.3% | −0.8 | — |'],
    ['the reference carries the baseline delta', '| **1.23.5** (stable) | ✅ passed | ✅ | 3 passed | 80.0% | reference | +2.4 |'],
    ['the baseline names its source and version', 'Go 1.23.5: statement coverage 80.0% → 82.4% (**+2.4** points) against the baseline (`baseline/report.json`, Go 1.23.4).'],
    ['a package that moved against the baseline', '| `example.com/m/calc` | 85.0% | 75.0% | −10.0 |'],
    ['what only the reference instruments', '| `example.com/m/internal/gen` | — | 6 lines, 0 covered |'],
    ['lines only one version covered', '- Covered only under Go 1.23.5: 1 line: `example.com/m/calc/calc.go` 42.'],
    ['uncovered changed lines as ranges', '- `calc/calc.go`: 40–42'],
    ['a failed gate', '| min-diff-coverage | ≥\u00a090% | 70.0% | ❌ Tests run 7 of the 10 changed lines'],
    ['a failure block with its output', '<details><summary><b>TestDivide/by_zero</b> in <code>example.com/m/calc</code> on Go 1.21.13</summary>'],
    ['a version’s note under the verdict, named by version', '> ℹ️ Go 1.21.13: go test printed 612.4 MB of test output'],
    ['the slowest tests, collapsed', '<details><summary>Slowest tests</summary>\n\n| Go | test | package | time |'],
    ['a slow test with its time, escaped', '| 1.22.12 | `TestParse_\\|pipe\\|` | `example.com/m` | 0.40 s |']
  ])('%s', (_what, line) => {
    expect(md).toContain(line)
  })

  it('shows versions that compare alike once', () => {
    const twins = makeRealisticReport()
    const first = twins.comparisons.versions[0]
    if (first === undefined) throw new Error('the realistic report has comparisons')
    twins.comparisons.versions = [first, {...first, version: '1.22.12'}]
    const text = summaryOf(twins)
    expect(text).toContain('**Go 1.21.13, 1.22.12** against Go 1.23.5: raw −4.2 points')
    expect(text.match(/instrumented by one side only/g)).toHaveLength(1)
  })

  it('shows the report’s own notes before the caller’s, each once', () => {
    const noted = makeRealisticReport()
    noted.notes = ['No pull request diff: this is a push.', NOTE]
    const text = summaryOf(noted, {notes: [NOTE]})
    expect(text).toContain(`> ℹ️ No pull request diff: this is a push.\n>\n> ℹ️ ${NOTE}\n`)
    expect(text.split(NOTE)).toHaveLength(2)
  })

  it('leaves out the sections a run has nothing for', () => {
    const plain = summaryOf(makeReport([makeVersion('1.22.12'), makeVersion('1.23.5')]))
    expect(plain).not.toMatch(/### (Against the baseline|Why versions differ|Failing tests|Changed lines|Gates)/)
    expect(plain).not.toContain('Build caches')
  })

  it('says per version whether its build cache was restored, what was compiled anew, replayed and saved', () => {
    const warm = makeVersion('1.27.4')
    warm.cachedPackages = 3
    warm.buildCache = {where: 'actions-cache', restored: true, key: 'go-matrix-build-linux-amd64-go1.27.4-nodeps-1-1-x', restoredBytes: 300 * 2 ** 20, restoreSeconds: 2.04, saved: false, saveSeconds: 0, addedEntries: 0, why: 'not saved: pull requests restore'}
    const cold = makeVersion('1.24.4')
    cold.buildCache = {where: 'actions-cache', restored: false, key: null, restoredBytes: 0, restoreSeconds: 0.3, saved: true, savedKey: 'go-matrix-build-linux-amd64-go1.24.4-nodeps-1-1-x', savedBytes: 2 ** 20, saveSeconds: 1.5, addedEntries: 1, removedEntries: 0}
    const text = summaryOf(makeReport([cold, warm]))
    expect(text).toContain('<details><summary>Build caches</summary>')
    expect(text).toContain('| 1.24.4 | missed | 1 entry |  | `go-matrix-build-linux-amd64-go1.24.4-nodeps-1-1-x` (1.0 MiB, 1.5 s) |')
    expect(text).toContain('| 1.27.4 | `go-matrix-build-linux-amd64-go1.27.4-nodeps-1-1-x` (300.0 MiB, 2.0 s) | nothing | 3 packages | no: pull requests restore |')
  })
})

describe('renderComment', () => {
  const report = makeRealisticReport()
  const md = commentOf(report, {notes: [NOTE], runUrl: RUN_URL})

  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot()
  })

  it('holds the essentials and links to the run instead of the details', () => {
    expect(md).toContain(`[Full report in the job summary](${RUN_URL})`)
    expect(md).toContain('- **TestDivide/by_zero** in `example.com/m/calc` on Go 1.21.13')
    expect(md).toContain('### Gates')
    expect(md).not.toContain('<details>')
    expect(md).not.toContain('### Why versions differ')
  })

  it('names the first failing tests and counts the rest', () => {
    const text = commentOf(manyFailures(25, 1), {runUrl: RUN_URL})
    expect(text.match(/^- \*\*TestCase/gm)).toHaveLength(10)
    expect(text).toContain(`_… 40 more failing tests left out (see the [job summary](${RUN_URL}))._`)
    expect(text).toContain(`_… 2980 more uncovered lines (see the [job summary](${RUN_URL}))._`)
  })
})

describe('the comment explains every failed gate', () => {
  /** The realistic run with the coverage-drop and version-delta gates failed, and `extra` more compared versions. */
  function failingGates(extra = 0): Report {
    const report = makeRealisticReport()
    const others = Array.from({length: extra}, (_v, i) =>
      makeComparison(`1.2${i % 10}.${100 + i}`, '1.23.5', {
        likeForLikeDelta: -0.1,
        coveredOnlyInReference: {count: 20, lines: Array.from({length: 20}, (_l, j) => ({file: `example.com/m/pkg${i}/file${j}.go`, line: j + 1})), more: 0}
      })
    )
    // The failing comparison comes last, where trimming starts.
    report.comparisons.versions = [...others, ...report.comparisons.versions.map(c => (c.version === '1.21.13' ? {...c, likeForLikeDelta: -3.4} : c))]
    report.comparisons.baseline = makeBaseline('1.23.5', counts(80, 85), counts(70, 85))
    report.gates = [
      ...others.map(c => makeGate('max-version-delta', true, {actual: -0.1, message: `Go ${c.version} covers 0.1 points less.`})),
      makeGate('max-version-delta', false, {actual: -3.4, message: 'Go 1.21.13 covers 3.4 points less than Go 1.23.5 on the 120 lines both instrument; the limit is 2.'}),
      makeGate('max-coverage-drop', false, {threshold: 0.5, actual: -11.7, message: 'Statement coverage dropped 11.7 points against the baseline (94.1% to 82.4%); the largest drop allowed is 0.5 points.'})
    ]
    return report
  }

  it('carries "Against the baseline" when the coverage-drop gate failed, and "Why versions differ" when a version delta did', () => {
    const md = commentOf(failingGates(), {runUrl: RUN_URL})
    expect(md).toContain('### Against the baseline')
    expect(md).toContain('Go 1.23.5: statement coverage 94.1% → 82.4% (**−11.7** points) against the baseline')
    expect(md).toContain('### Why versions differ')
    expect(md).toMatch(/\*\*Go 1\.21\.13\*\* against Go 1\.23\.5: raw −4\.2 points, like for like −3\.4/)
    // Passing gates need no explanation in the comment.
    const passing = commentOf(makeRealisticReport(), {runUrl: RUN_URL})
    expect(passing).not.toContain('### Against the baseline')
    expect(passing).not.toContain('### Why versions differ')
  })

  it.each([5_000, 8_000])('keeps every explanation of a failed gate when trimmed to %p bytes', limit => {
    const report = failingGates(40)
    for (const v of report.versions) if (v.version === '1.21.13') v.tests.failures = manyFailures(300, 1).versions[0]?.tests.failures ?? []
    const md = commentOf(report, {runUrl: RUN_URL, limitBytes: limit})
    expect(byteLength(md)).toBeLessThanOrEqual(limit)
    expect(md).toContain('Go 1.23.5: statement coverage 94.1% → 82.4% (**−11.7** points) against the baseline')
    expect(md).toMatch(/\*\*Go 1\.21\.13\*\* against Go 1\.23\.5: raw −4\.2 points, like for like −3\.4/)
    expect(md).toContain('| max-version-delta | ±2 | −3.4 | ❌ Go 1.21.13 covers 3.4 points less')
    expect(md).toContain('| max-coverage-drop | −0.5 | −11.7 | ❌ Statement coverage dropped 11.7 points')
    expect(md).toMatch(/_… \d+ more version comparisons? left out/)
  })

  it('keeps the failing comparison in a trimmed summary too, first in its section', () => {
    const md = summaryOf(failingGates(400), {limitBytes: 30_000})
    expect(byteLength(md)).toBeLessThanOrEqual(30_000)
    const section = md.slice(md.indexOf('### Why versions differ'))
    expect(section.split('\n\n').find(p => p.startsWith('**Go '))).toMatch(/^\*\*Go 1\.21\.13\*\* against Go 1\.23\.5/)
    expect(md).toMatch(/_… \d+ more version comparisons left out \(see report\.json\)\._/)
  })
})

describe('Δ baseline', () => {
  it('compares each row with the same version in a report.json baseline, the reference with the baseline total', () => {
    const report = makeRealisticReport()
    const baseline = makeBaseline('1.23.5', counts(68, 85), counts(70, 85))
    baseline.versions = [
      {name: '1.22.12', current: counts(80, 100), baseline: counts(815, 1000), delta: -1.5},
      {name: '1.23.5', current: counts(70, 85), baseline: counts(69, 85), delta: 1.2}
    ]
    report.comparisons.baseline = baseline
    const rows = summaryOf(report).split('\n').filter(l => l.startsWith('| **'))
    const cell = (version: string): string | undefined => rows.find(r => r.startsWith(`| **${version}**`))?.split(' | ')[6]
    expect(cell('1.22.12')).toBe('−1.5')
    // The reference row shows what the coverage-drop gate judges.
    expect(cell('1.23.5')).toBe('+2.4')
    expect(cell('1.21.13')).toBe('—')
  })
})

describe('size limits', () => {
  it('keeps the comment of 5,000 failures (on two versions) under 65,536 bytes', () => {
    const text = commentOf(manyFailures(5000), {runUrl: RUN_URL})
    expect(byteLength(text)).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
    expect(text).toContain('### Failing tests (10000)')
    expect(text).toContain(`_… 9990 more failing tests left out (see the [job summary](${RUN_URL}))._`)
  })

  it('keeps the summary of 5,000 failures under 1 MiB by leaving their output out, and says so', () => {
    const text = summaryOf(manyFailures(5000))
    expect(byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(text).not.toContain('<details><summary><b>TestCase')
    expect(text).toContain("_Test output was left out to stay within GitHub’s size limit (see each version's test.json)._")
    expect(text.match(/^- \*\*TestCase/gm)).toHaveLength(10000)
  })

  it('trims the longest section of 20,000 failures and says what it left out', () => {
    const report = manyFailures(5000, 1, ['1.20.14', '1.21.13', '1.22.12', '1.23.5'])
    const text = summaryOf(report)
    expect(byteLength(text)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(byteLength(text)).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.95)
    const left = /_… (\d+) more failing tests left out \(see report\.json\)\._/.exec(text)
    expect(Number(left?.[1])).toBeGreaterThan(0)
    // The versions' own rows are never what gives way.
    expect(text).toContain('| **1.21.13** |')
    expect(text).toContain('### Gates')
  })

  it.each([
    ['whole', 48_000, 'case 0 step 49:', 'case 0 step 0:'],
    ['cut to its last 40 lines', 44_000, '… 11 earlier lines left out (see test.json)', 'case 0 step 11:'],
    ['cut to its last 10 lines', 40_000, '… 41 earlier lines left out (see test.json)', 'case 0 step 41:'],
    ['left out', 28_000, 'Test output was left out', '`pkg1/file1.go`: 12, 712, 1412'],
    ['left out, and so are line numbers', 24_000, 'Line numbers left out to stay within', '`pkg1/file1.go`: 9 uncovered lines']
  ])('lowers the detail step by step: test output %s', (_what, limit, expected, alsoExpected) => {
    const text = summaryOf(manyFailures(3, 50), {limitBytes: limit})
    expect(byteLength(text)).toBeLessThanOrEqual(limit)
    expect(text).toContain(expected)
    expect(text).toContain(alsoExpected)
  })

  it('measures bytes, not characters', () => {
    const wide = manyFailures(400, 1)
    for (const v of wide.versions) for (const f of v.tests.failures) f.test = `Test${'🙂'.repeat(40)}`
    const text = commentOf(wide, {limitBytes: 4000})
    expect(byteLength(text)).toBeLessThanOrEqual(4000)
    expect(text.length).toBeLessThan(4000)
  })
})

describe('injection', () => {
  const hostile = {
    test: 'TestX/@octocat_</summary></details><img src=x onerror=alert(1)>',
    pkg: 'example.com/m/[click](https://evil.example)|x',
    file: 'evil|`name`.go',
    output: 'ok\n```\n</details>\n<script>alert(1)</script>\n@octocat ![img](https://evil.example/p.png)\n````\n# Heading\n'
  }
  const report = makeRealisticReport()
  report.versions[1] = makeFailedVersion('1.21.13', [makeFailure(hostile.test, {package: hostile.pkg, output: hostile.output})], {
    reason: 'build failed:\n| injected | row |\n@admins'
  })
  report.comparisons.diff = {lines: {covered: 1, total: 2, percent: 50}, uncovered: [{file: hostile.file, line: 3}], files: []}

  it.each([
    ['summary', () => summaryOf(report, {runUrl: RUN_URL})],
    ['comment', () => commentOf(report, {runUrl: RUN_URL})]
  ])('the %s renders no markup, mention or link a PR author wrote', (_which, render) => {
    const rendered = html(render())
    expect(rendered).not.toMatch(/<img|<script|evil\.example"/)
    // Outside code (where GitHub makes no mentions) no @name is left.
    expect(rendered.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/@octocat|@admins/)
    // The only link is the run's.
    expect([...rendered.matchAll(/<a href="([^"]*)"/g)].map(m => m[1])).toEqual([RUN_URL])
    expect(rendered).not.toMatch(/<h1/)
    // One table row per version: nothing broke out of a cell.
    const versionTable = rendered.slice(rendered.indexOf('<table>'), rendered.indexOf('</table>'))
    expect(versionTable.match(/<tr>/g)).toHaveLength(1 + report.versions.length)
  })

  it('keeps the hostile output inside one code block', () => {
    const rendered = html(summaryOf(report))
    const block = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(rendered)?.[1] ?? ''
    expect(block).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(block).toContain('# Heading')
  })
})
