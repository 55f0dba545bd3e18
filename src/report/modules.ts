/**
 * The sections of a run over several modules: a module × version grid of status and coverage
 * (in the summary and the comment), and each module's detail collapsed (the summary). Pure, like
 * sections.ts; module folders and paths come from the repository under test, so they are escaped.
 */
import {code, details, escape, escapeHtml, tableHead, tableRow} from './markdown.js'
import {percent, plural, seconds, signed} from './format.js'
import {referenceVersion} from './views.js'
import type {Section} from './fit.js'
import type {Report, VersionReport} from './schema.js'
import {versionLabels} from './labels.js'
import type {ModuleReport} from './schema.js'

const CELL_ICON: Record<ModuleReport['status'], string> = {passed: '✅', failed: '❌', skipped: '⏭️', error: '💥'}

/** Every module of the report, in the order first seen, with its path. */
function modulesOf(rows: readonly VersionReport[]): {dir: string; path: string}[] {
  const seen = new Map<string, string>()
  for (const row of rows) for (const m of row.modules ?? []) if (!seen.has(m.dir)) seen.set(m.dir, m.path)
  return [...seen].map(([dir, path]) => ({dir, path}))
}

function isProblem(m: ModuleReport | undefined): boolean {
  return m !== undefined && (m.status === 'failed' || m.status === 'error')
}

/** A grid cell: the status as an icon, the statement coverage when there is one, or why the module did not run. */
function cell(m: ModuleReport | undefined): string {
  if (m === undefined) return '—'
  if (m.coverage) return `${CELL_ICON[m.status]} ${percent(m.coverage.statements.percent)}`
  return `${CELL_ICON[m.status]} ${m.status}`
}

function leftOut(what: (n: number) => string, see: string): (n: number) => string {
  return n => `_… ${what(n)} left out (see ${see})._`
}

/**
 * One row per module, one column per version: status and statement coverage. Modules that failed
 * or errored under some version come first and are never left out to fit, since they explain the
 * verdict; null when the report has no modules.
 */
export function moduleGridSection(report: Report, see: string, options: {detailDropped?: boolean} = {}): Section | null {
  const rows = report.versions
  const modules = modulesOf(rows)
  if (modules.length === 0) return null
  const labels = versionLabels(rows)
  const byModule = (dir: string): (ModuleReport | undefined)[] => rows.map(r => r.modules?.find(m => m.dir === dir))
  const failing = modules.filter(m => byModule(m.dir).some(isProblem))
  const ordered = [...failing, ...modules.filter(m => !failing.includes(m))]
  const dropped = options.detailDropped ? `\n\n_Each module's detail was left out to stay within GitHub’s size limit (see ${see})._` : ''
  return {
    head: `### Modules (${modules.length})\n\nStatus and statement coverage of each module under each version.${dropped}\n\n${tableHead(['module', ...labels.map(l => `Go ${escape(l)}`)], ['l', ...labels.map(() => 'r' as const)])}\n`,
    items: ordered.map(m => tableRow([code(m.dir, {cell: true}), ...byModule(m.dir).map(cell)])),
    separator: '\n',
    leftOut: leftOut(n => plural(n, 'more module'), see),
    keep: failing.length
  }
}

function testsText(m: ModuleReport): string {
  if (m.status === 'skipped' || (m.status === 'error' && m.tests.passed + m.tests.failed + m.tests.skipped === 0)) return escape(m.reason ?? m.status)
  const {passed, failed, skipped} = m.tests
  return [`${passed} passed`, failed > 0 ? `**${failed} failed**` : '', skipped > 0 ? `${skipped} skipped` : ''].filter(t => t !== '').join(' · ')
}

/**
 * Each module's figures under each version, collapsed: tests, statements, lines, functions, the
 * like-for-like delta against the same module under the reference version, time.
 * Failing modules first; null when the report has no modules.
 */
export function moduleDetailsSection(report: Report, see: string): Section | null {
  const rows = report.versions
  const modules = modulesOf(rows)
  if (modules.length === 0) return null
  const labels = versionLabels(rows)
  const reference = referenceVersion(report)
  const blocks = modules.map(module => {
    const runs = rows.map((r, i) => ({label: labels[i] as string, m: r.modules?.find(x => x.dir === module.dir)}))
    const table = [
      tableHead(['Go', 'status', 'tests', 'statements', 'lines', 'functions', 'Δ like-for-like', 'time'], ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r']),
      ...runs
        .filter(r => r.m !== undefined)
        .map(({label, m}) => {
          const x = m as ModuleReport
          const delta = x.comparison ? signed(x.comparison.likeForLikeDelta) : label === reference && x.coverage ? 'reference' : '—'
          return tableRow([escape(label), `${CELL_ICON[x.status]} ${x.status}`, testsText(x), percent(x.coverage?.statements.percent), percent(x.coverage?.lines.percent), percent(x.coverage?.functions.percent), delta, seconds(x.seconds)])
        })
    ].join('\n')
    const failing = runs.some(r => isProblem(r.m))
    return {failing, text: details(`${failing ? '❌ ' : ''}<code>${escapeHtml(module.dir)}</code> (${escapeHtml(module.path)})`, table)}
  })
  const ordered = [...blocks.filter(b => b.failing), ...blocks.filter(b => !b.failing)]
  return {
    head: '#### Each module\n\n',
    items: ordered.map(b => b.text),
    separator: '\n\n',
    leftOut: leftOut(n => plural(n, 'more module'), see)
  }
}
