/**
 * The sections of the job summary and the pull request comment, each a pure function of the
 * report. Every text the report got from the module under test (file, package and test names,
 * test output, reasons) is escaped for the place it lands in.
 */
import {code, codeBlock, details, escape, escapeHtml, tableHead, tableRow} from './markdown.js'
import {versionLabels} from './labels.js'
import {lineRanges, percent, plural, seconds, signed} from './format.js'
import type {Section} from './fit.js'
import type {Gate, Report, TestFailure, VersionReport} from './schema.js'
import type {Verdict} from './verdict.js'
import {
  baselineView,
  beyondVersionDelta,
  comparisonView,
  gateSkipped,
  referenceVersion,
  type BaselineView,
  type ComparisonView,
  type LineListView,
  type OnlyInView,
  type OtherTestBinariesView
} from './views.js'

/** Where a reader finds what a trimmed section left out: "report.json", "the job summary". */
export type SeeAlso = string

/**
 * The items that explain a failure first, each part in its own order, and how many they are: a
 * section keeps that many (Section.keep), since fitting leaves items out from the end.
 */
function failingFirst<T>(items: readonly T[], failing: (item: T) => boolean): {ordered: T[]; first: number} {
  const first = items.filter(failing)
  return {ordered: [...first, ...items.filter(item => !failing(item))], first: first.length}
}

const STATUS_ICON: Record<VersionReport['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  error: '💥 error'
}

/** Said where the summary dropped detail (not items) to fit GitHub's size limit. */
export function droppedNote(what: string, see: SeeAlso): string {
  return `_${what} left out to stay within GitHub’s size limit (see ${see})._`
}

function leftOutNote(what: (n: number) => string, see: SeeAlso): (n: number) => string {
  return n => `_… ${what(n)} left out (see ${see})._`
}

/** The first line is the verdict sentence itself (escaped: it names tests), so a reader of the raw file sees it too. */
export function verdictSection(verdict: Verdict): Section {
  return {head: escape(verdict.sentence), items: [], separator: ''}
}

/** Notes from the run itself (no baseline here, no pull request diff): plain text, escaped. */
export function notesSection(notes: readonly string[]): Section {
  return {head: notes.map(n => `> ℹ️ ${escape(n)}`).join('\n>\n'), items: [], separator: ''}
}

function buildCell(v: VersionReport): string {
  // The test step has a column of its own.
  const steps = v.steps?.filter(s => s.name !== 'test') ?? []
  if (steps.length === 0) return v.status === 'skipped' || v.status === 'error' ? '—' : '✅'
  const failed = steps.filter(s => !s.ok)
  return failed.length === 0 ? '✅' : `❌ ${failed.map(s => escape(s.name)).join(', ')}`
}

function testsCell(v: VersionReport): string {
  if (v.status === 'skipped' || (v.status === 'error' && v.tests.passed + v.tests.failed + v.tests.skipped === 0)) {
    return escape(v.reason ?? v.status)
  }
  const {passed, failed, skipped} = v.tests
  return [`${passed} passed`, failed > 0 ? `**${failed} failed**` : '', skipped > 0 ? `${skipped} skipped` : ''].filter(t => t !== '').join(' · ')
}

/**
 * A row's Δ baseline: the reference's is the baseline comparison's total (what the gate judges);
 * another row's is against the same version in a report.json baseline, when it has that version.
 */
function baselineCell(baseline: BaselineView | null, label: string, isReference: boolean): string {
  if (baseline === null) return '—'
  if (isReference) return signed(baseline.total.delta)
  return signed(baseline.versions.find(v => v.name === label)?.delta)
}

/** One row per version: the table every reader looks at first; none when no version was reported. */
export function versionsSection(report: Report, see: SeeAlso): Section | null {
  if (report.versions.length === 0) return null
  const comparisons = new Map(report.comparisons.versions.map(c => [c.version, c]))
  const reference = referenceVersion(report)
  const baseline = baselineView(report)
  // A platform is worth a column only when versions ran on different ones (aggregated matrices).
  const platforms = new Set(report.versions.map(v => v.platform ?? ''))
  // Comparisons name rows by label: `<version> (<platform>)` when legs ran one version on several platforms.
  const labels = versionLabels(report.versions)
  const rows = report.versions.map((v, i) => {
    const cmp = comparisons.get(labels[i] as string)
    const isReference = labels[i] === reference
    const name = [
      `**${escape(v.version)}**`,
      v.spec !== v.version ? ` (${escape(v.spec)})` : '',
      platforms.size > 1 && v.platform ? ` ${escape(v.platform)}` : ''
    ].join('')
    return tableRow([
      name,
      STATUS_ICON[v.status] ?? escape(String(v.status)),
      buildCell(v),
      testsCell(v),
      percent(v.coverage?.statements.percent),
      cmp ? signed(cmp.likeForLikeDelta) : isReference && v.coverage ? 'reference' : '—',
      baselineCell(baseline, labels[i] as string, isReference),
      seconds(v.seconds),
      escape(v.toolchain.source)
    ])
  })
  return {
    head:
      tableHead(
        ['Go', 'status', 'build', 'tests', 'coverage', 'Δ like-for-like', 'Δ baseline', 'time', 'toolchain'],
        ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l']
      ) + '\n',
    items: rows,
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more version'), see)
  }
}

/** Merged line coverage over every version, with the packages collapsed under it. */
export function mergedSection(report: Report, see: SeeAlso): Section | null {
  if (!report.merged) return null
  const l = report.merged.lines
  const headline = `**Merged line coverage** (a line counts as covered when any version ran it): **${percent(l.percent)}**, ${l.covered} of ${l.total} lines.`
  const packages = report.merged.packages
  if (packages.length === 0) return {head: headline, items: [], separator: ''}
  return {
    head: `${headline}\n\n<details><summary>${plural(packages.length, 'package')}</summary>\n\n${tableHead(['package', 'lines covered', 'coverage'], ['l', 'r', 'r'])}\n`,
    items: packages.map(p => tableRow([code(p.name, {cell: true}), `${p.lines.covered} of ${p.lines.total}`, percent(p.lines.percent)])),
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more package'), see),
    tail: '\n\n</details>'
  }
}

/** The reference version against the baseline: the total, then the packages that moved. */
export function baselineSection(report: Report, see: SeeAlso): Section | null {
  const b = baselineView(report)
  if (b === null) return null
  const reference = referenceVersion(report)
  const metric = b.metric === 'lines' ? 'line' : 'statement'
  const was = b.total.baseline ? percent(b.total.baseline.percent) : '—'
  const now = b.total.current ? percent(b.total.current.percent) : '—'
  const from = b.source ? ` (${code(b.source)}${b.version ? `, Go ${escape(b.version)}` : ''})` : ''
  const moved = b.packages.filter(p => p.delta !== 0)
  const lines = [
    '### Against the baseline',
    '',
    `${reference ? `Go ${escape(reference)}` : 'The reference version'}: ${metric} coverage ${was} → ${now} (**${signed(b.total.delta)}** points) against the baseline${from}.`
  ]
  if (b.unmatchedFiles.length > 0) {
    lines.push('', `${plural(b.unmatchedFiles.length, 'baseline file')} matched no file of this run, e.g. ${code(b.unmatchedFiles[0] as string)}.`)
  }
  const unchanged = b.packages.length - moved.length
  if (moved.length === 0) {
    lines.push('', b.packages.length > 0 ? `No package moved (${plural(b.packages.length, 'package')}).` : '')
    return {head: lines.join('\n'), items: [], separator: ''}
  }
  lines.push(
    '',
    `${plural(moved.length, 'package')} changed${unchanged > 0 ? `, ${unchanged} did not` : ''}:`,
    '',
    tableHead(['package', 'baseline', 'now', 'Δ'], ['l', 'r', 'r', 'r'])
  )
  return {
    head: lines.join('\n') + '\n',
    items: moved.map(p =>
      tableRow([
        code(p.name, {cell: true}),
        p.baseline ? percent(p.baseline.percent) : 'new',
        p.current ? percent(p.current.percent) : 'gone',
        signed(p.delta)
      ])
    ),
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more changed package'), see)
  }
}

const MAX_PACKAGES_PER_COMPARISON = 15

/** Where the compared figures come from, said once above the comparisons. */
const WHAT_IS_COMPARED =
  '_Raw: statement coverage, as `go test -cover` counts it (each package by its own tests). Like for like: line coverage on the lines both versions instrument, which a difference in what Go counts does not move._'

type OnlyPackage = OnlyInView['packages'][number]

/** Versions whose comparison with the reference came out the same (Go 1.19 and 1.21 often do). */
interface ComparisonGroup {
  versions: string[]
  view: ComparisonView
}

function groupComparisons(views: readonly ComparisonView[]): ComparisonGroup[] {
  const groups = new Map<string, ComparisonGroup>()
  for (const view of views) {
    const {version: _version, explanation: _explanation, ...rest} = view
    const key = JSON.stringify(rest)
    const group = groups.get(key)
    if (group) group.versions.push(view.version)
    else groups.set(key, {versions: [view.version], view})
  }
  return [...groups.values()]
}

function onlyInTable(group: ComparisonGroup): string {
  const {view} = group
  const byName = new Map<string, {version?: OnlyPackage; reference?: OnlyPackage}>()
  for (const p of view.onlyInVersion?.packages ?? []) byName.set(p.name, {...byName.get(p.name), version: p})
  for (const p of view.onlyInReference?.packages ?? []) byName.set(p.name, {...byName.get(p.name), reference: p})
  if (byName.size === 0) return ''
  const cell = (p: OnlyPackage | undefined): string => (p ? `${p.lines.total} lines, ${p.lines.covered} covered` : '—')
  const rows = [...byName].slice(0, MAX_PACKAGES_PER_COMPARISON).map(([name, only]) => tableRow([code(name, {cell: true}), cell(only.version), cell(only.reference)]))
  const more = byName.size - MAX_PACKAGES_PER_COMPARISON
  return [
    tableHead(['instrumented by one side only', `only Go ${group.versions.map(escape).join(', ')}`, `only Go ${escape(view.reference)}`], ['l', 'r', 'r']),
    ...rows,
    ...(more > 0 ? ['', `_… and ${plural(more, 'more package')}._`] : [])
  ].join('\n')
}

function coveredOnlyLine(list: LineListView | null, versions: string): string {
  if (list === null || list.count === 0) return ''
  const byFile = groupLines(list.lines)
  const where = [...byFile].map(([file, lines]) => `${code(file)} ${lineRanges(lines)}`).join('; ')
  return `- Covered only under Go ${versions}: ${plural(list.count, 'line')}${where ? `: ${where}` : ''}${list.more > 0 ? ` and ${list.more} more` : ''}.`
}

/** The counters of other test binaries one side recorded for packages without tests, which were not counted. */
function otherTestBinariesLine(other: OtherTestBinariesView | null, versions: string): string {
  if (other === null || other.packages.length === 0) return ''
  const where = other.packages.map(p => `${p.summary.covered} of ${plural(p.summary.total, 'statement')} in ${code(p.name)}`).join(', ')
  return `- Go ${versions} also recorded, for packages without test files, the counters of the test binaries of the packages that import them (${where}). Not counted: like \`go test -cover\`, go-matrix counts each package by its own tests.`
}

/**
 * Why versions differ: per compared version (versions with the same result share an entry), the
 * raw and like-for-like deltas, what only one side instruments (by package), and which common
 * lines only one covered (line lists are the detail dropped when `withLines` is false). Entries
 * that explain a failed max-version-delta gate come first and are never left out.
 */
export function crossVersionSection(report: Report, withLines: boolean, see: SeeAlso): Section | null {
  const views = report.comparisons.versions.map(comparisonView).filter(
    c =>
      c.rawDelta !== c.likeForLikeDelta ||
      (c.onlyInVersion?.lines.total ?? 0) > 0 ||
      (c.onlyInReference?.lines.total ?? 0) > 0 ||
      (c.coveredOnlyInVersion?.count ?? 0) > 0 ||
      (c.coveredOnlyInReference?.count ?? 0) > 0 ||
      c.otherTestBinariesInVersion !== null ||
      c.otherTestBinariesInReference !== null
  )
  if (views.length === 0) return null
  const {ordered, first: failing} = failingFirst(groupComparisons(views), g => beyondVersionDelta(report, g.view))
  const items = ordered.map(group => {
    const c = group.view
    const versions = group.versions.map(escape).join(', ')
    const parts = [
      `**Go ${versions}** against Go ${escape(c.reference)}: raw ${signed(c.rawDelta)} points, like for like ${signed(c.likeForLikeDelta)}${
        c.commonLines !== null ? ` on the ${c.commonLines} lines both instrument` : ''
      }.`
    ]
    const only = onlyInTable(group)
    // The table says by package what the comparison's sentence says in prose; without the
    // details (a report from another writer) the sentence is all there is.
    if (only) parts.push(only)
    else if (c.explanation) parts.push(escape(c.explanation))
    const other = [otherTestBinariesLine(c.otherTestBinariesInVersion, versions), otherTestBinariesLine(c.otherTestBinariesInReference, escape(c.reference))].filter(l => l !== '')
    if (only && other.length > 0) parts.push(other.join('\n'))
    if (withLines) {
      const covered = [coveredOnlyLine(c.coveredOnlyInVersion, versions), coveredOnlyLine(c.coveredOnlyInReference, escape(c.reference))].filter(l => l !== '')
      if (covered.length > 0) parts.push(covered.join('\n'))
    }
    return parts.join('\n\n')
  })
  const linesDropped = !withLines && views.some(c => (c.coveredOnlyInVersion?.count ?? 0) + (c.coveredOnlyInReference?.count ?? 0) > 0)
  return {
    head: `### Why versions differ\n\n${WHAT_IS_COMPARED}\n\n${linesDropped ? `${droppedNote('The lines only one version covered were', see)}\n\n` : ''}`,
    items,
    separator: '\n\n',
    leftOut: leftOutNote(n => plural(n, 'more version comparison'), see),
    keep: failing
  }
}

/** Failures of one test with one output, on every version that produced it. */
interface FailureGroup {
  failure: TestFailure
  versions: string[]
}

function groupFailures(report: Report): FailureGroup[] {
  const groups = new Map<string, FailureGroup>()
  for (const v of report.versions) {
    for (const f of v.tests.failures) {
      const key = JSON.stringify([f.package, f.test, f.output])
      const group = groups.get(key)
      if (group) group.versions.push(v.version)
      else groups.set(key, {failure: f, versions: [v.version]})
    }
  }
  return [...groups.values()]
}

/** The last lines of an output within a byte budget, saying how many were left out. */
export function tailOf(output: string, maxLines: number, maxBytes: number): string {
  const lines = output.replace(/\n+$/, '').split('\n')
  let kept = lines.slice(-maxLines)
  while (kept.length > 1 && Buffer.byteLength(kept.join('\n')) > maxBytes) kept = kept.slice(1)
  let text = kept.join('\n')
  if (Buffer.byteLength(text) > maxBytes) text = text.slice(-maxBytes)
  const omitted = lines.length - kept.length
  return omitted > 0 ? `… ${plural(omitted, 'earlier line')} left out (see test.json)\n${text}` : text
}

/** How much of each failing test's output the summary keeps, by level of detail. */
export interface OutputBudget {
  lines: number
  bytes: number
}

function failureTitle(group: FailureGroup, html: boolean): string {
  const {failure, versions} = group
  const esc = html ? escapeHtml : escape
  const name = failure.test === '' ? '(package-level failure)' : failure.test
  const pkg = html ? `<code>${escapeHtml(failure.package)}</code>` : code(failure.package)
  return `${html ? `<b>${esc(name)}</b>` : `**${esc(name)}**`} in ${pkg} on Go ${versions.map(esc).join(', ')}`
}

/**
 * Failing tests, one collapsed block each with its output (cut to `budget`), or a plain list
 * when `budget` is null; `limit` keeps only the first ones (the comment's short list).
 */
export function failuresSection(
  report: Report,
  budget: OutputBudget | null,
  see: SeeAlso,
  options: {limit?: number; outputDropped?: boolean} = {}
): Section | null {
  const limit = options.limit ?? Infinity
  const groups = groupFailures(report)
  if (groups.length === 0) return null
  const total = report.versions.reduce((n, v) => n + v.tests.failures.length, 0)
  const items = groups.map(g =>
    budget === null
      ? `- ${failureTitle(g, false)}`
      : details(failureTitle(g, true), codeBlock(tailOf(g.failure.output, budget.lines, budget.bytes) || '(no output)'))
  )
  return {
    head: `### Failing tests (${total})\n\n${options.outputDropped ? `${droppedNote('Test output was', "each version's test.json")}\n\n` : ''}`,
    items: items.slice(0, limit),
    alsoLeftOut: Math.max(0, items.length - limit),
    separator: budget === null ? '\n' : '\n\n',
    leftOut: leftOutNote(n => plural(n, 'more failing test'), see)
  }
}

/**
 * The slowest tests of each version (top-level tests that ran, not replayed from Go's test
 * cache), collapsed: where to look when one version is slow.
 */
export function slowestTestsSection(report: Report, see: SeeAlso): Section | null {
  const rows = report.versions.flatMap(v =>
    (v.slowestTests ?? []).map(t =>
      tableRow([escape(v.version), code(t.test, {cell: true}), code(t.package, {cell: true}), t.seconds < 60 ? `${t.seconds.toFixed(2)} s` : seconds(t.seconds)])
    )
  )
  if (rows.length === 0) return null
  return {
    head: `<details><summary>Slowest tests</summary>\n\n${tableHead(['Go', 'test', 'package', 'time'], ['l', 'l', 'l', 'r'])}\n`,
    items: rows,
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more test'), see),
    tail: '\n\n</details>'
  }
}

function groupLines(lines: readonly {file: string; line: number}[]): Map<string, number[]> {
  const byFile = new Map<string, number[]>()
  for (const {file, line} of lines) byFile.set(file, [...(byFile.get(file) ?? []), line])
  return byFile
}

/**
 * Diff coverage: the headline, then the uncovered changed lines by file (as ranges); without
 * `withLines`, only how many per file. `maxLines` keeps the first lines only (the comment).
 */
export function diffSection(report: Report, withLines: boolean, see: SeeAlso, maxLines = Infinity): Section | null {
  const d = report.comparisons.diff
  if (!d) return null
  const head = `### Changed lines: ${percent(d.lines.percent)} covered (${d.lines.covered} of ${plural(d.lines.total, 'instrumented changed line')})`
  if (d.uncovered.length === 0) return {head, items: [], separator: ''}
  const shown = d.uncovered.slice(0, maxLines)
  const byFile = groupLines(shown)
  const items = [...byFile].map(([file, lines]) =>
    withLines ? `- ${code(file)}: ${lineRanges(lines)}` : `- ${code(file)}: ${plural(lines.length, 'uncovered line')}`
  )
  const notShown = d.uncovered.length - shown.length
  const dropped = withLines ? '' : ` ${droppedNote('Line numbers', see)}`
  const section: Section = {
    head: `${head}\n\n${plural(d.uncovered.length, 'changed line')} no test ran:${dropped}\n\n`,
    items,
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more file'), see)
  }
  if (notShown > 0) section.tail = `\n\n_… ${plural(notShown, 'more uncovered line')} (see ${see})._`
  return section
}

/** Coverage gates judge percentages; delta gates judge points. */
function gateValue(g: Gate, value: number): string {
  // The aggregate's `legs` gate counts legs that gave no report.
  if (g.name === 'legs') return String(value)
  return g.name === 'min-coverage' || g.name === 'min-diff-coverage' ? percent(value) : signed(value)
}

function gateThreshold(g: Gate): string {
  if (g.name === 'max-version-delta') return `±${g.threshold}`
  if (g.name === 'max-coverage-drop') return `−${g.threshold}`
  // A no-break space keeps "≥ 80%" on one line in a narrow column.
  if (g.name === 'min-coverage' || g.name === 'min-diff-coverage') return `≥\u00a0${g.threshold}%`
  return escape(String(g.threshold))
}

function gateResult(g: Gate): string {
  if (gateSkipped(g)) return `➖ ${escape(g.message)}`
  return `${g.passed ? '✅' : '❌'} ${escape(g.message)}`
}

/** Every gate, the failed ones first (in the order evaluated); no failed gate's row is ever left out to fit. */
export function gatesSection(report: Report, see: SeeAlso): Section | null {
  if (report.gates.length === 0) return null
  const {ordered, first: failed} = failingFirst(report.gates, g => !g.passed)
  return {
    head: `### Gates\n\n${tableHead(['gate', 'limit', 'actual', 'result'], ['l', 'r', 'r', 'l'])}\n`,
    items: ordered.map(g => tableRow([escape(g.name), gateThreshold(g), g.actual === null ? '—' : gateValue(g, g.actual), gateResult(g)])),
    separator: '\n',
    leftOut: leftOutNote(n => plural(n, 'more gate'), see),
    keep: failed
  }
}

/** Where the run is and what wrote the report. Commit and URL come from GitHub, not the PR. */
export function footerSection(report: Pick<Report, 'tool' | 'commit'>, runUrl: string | undefined, linkText: string): Section {
  const parts: string[] = []
  if (runUrl) parts.push(`[${linkText}](${runUrl.replace(/[()\s]/g, encodeURIComponent)})`)
  parts.push(`go-matrix ${escape(report.tool.version)}`)
  if (report.commit) parts.push(`commit ${code(report.commit.slice(0, 12))}`)
  return {head: `<sub>${parts.join(' · ')}</sub>`, items: [], separator: ''}
}
