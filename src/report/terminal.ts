import {versionLabels} from './labels.js'
import {percent, seconds, signed} from './format.js'
import type {Report, VersionReport} from './schema.js'
import type {Verdict} from './verdict.js'

const COLORS = {red: 31, green: 32, yellow: 33, dim: 2, bold: 1} as const

/** The command line's report: verdict first, a table of versions, failures after. */
export function renderTerminalReport(report: Report, verdict: Verdict, color: boolean): string {
  const paint = (c: keyof typeof COLORS, text: string): string => (color ? `\x1b[${COLORS[c]}m${text}\x1b[0m` : text)
  const statusColor = (s: VersionReport['status']): keyof typeof COLORS =>
    s === 'passed' ? 'green' : s === 'skipped' ? 'dim' : s === 'failed' ? 'red' : 'yellow'
  const cmp = new Map(report.comparisons.versions.map(c => [c.version, c]))
  const header = ['go', 'status', 'tests (pass/fail/skip)', 'coverage', 'Δ like-for-like', 'time', 'toolchain']
  // Comparisons name rows by label: `<version> (<platform>)` when legs ran one version on several platforms.
  const labels = versionLabels(report.versions)
  const rows = report.versions.map((v, i) => [
    labels[i] as string,
    v.status,
    v.status === 'skipped' ? (v.reason ?? '') : `${v.tests.passed}/${v.tests.failed}/${v.tests.skipped}`,
    percent(v.coverage?.statements.percent),
    cmp.has(labels[i] as string) ? signed(cmp.get(labels[i] as string)?.likeForLikeDelta) : v.coverage ? 'ref' : '—',
    seconds(v.seconds),
    v.toolchain.source
  ])
  const line = aligned(header, rows)
  const out = [paint('bold', verdict.sentence)]
  // An aggregate whose legs are all missing has no row: the verdict and the gate say why.
  if (rows.length > 0) out.push('', paint('dim', line(header)))
  report.versions.forEach((v, i) => {
    const cells = rows[i] as string[]
    const text = line(cells)
    const at = text.indexOf(v.status, (cells[0] as string).length)
    out.push(text.slice(0, at) + paint(statusColor(v.status), v.status) + text.slice(at + v.status.length))
  })
  out.push(...moduleGrid(report, labels))
  if (report.merged) out.push('', `merged line coverage: ${percent(report.merged.lines.percent)}`)
  for (const v of report.versions) {
    for (const f of v.tests.failures) {
      out.push('', paint('red', `--- FAIL ${f.test || '(build)'} [${f.package}] on Go ${v.version}`), f.output.replace(/\n$/, ''))
    }
    if (v.status === 'error' && v.reason) out.push('', paint('yellow', `Go ${v.version}: ${v.reason}`))
    for (const note of v.notes ?? []) out.push('', paint('yellow', `Go ${v.version}: ${note}`))
  }
  for (const g of report.gates.filter(g => !g.passed)) out.push('', paint('red', `gate ${g.name}: ${g.message}`))
  return out.join('\n') + '\n'
}

/** With several modules: one line per module, one column per version (status and statement coverage). */
function moduleGrid(report: Report, labels: readonly string[]): string[] {
  const dirs = [...new Set(report.versions.flatMap(v => (v.modules ?? []).map(m => m.dir)))]
  if (dirs.length === 0) return []
  const header = ['module', ...labels.map(l => `go ${l}`)]
  const rows = dirs.map(dir => [
    dir,
    ...report.versions.map(v => {
      const m = v.modules?.find(x => x.dir === dir)
      if (m === undefined) return '—'
      return m.coverage ? `${m.status} ${percent(m.coverage.statements.percent)}` : m.status
    })
  ])
  const line = aligned(header, rows)
  return ['', line(header), ...rows.map(line)]
}

/** Lays out a table's lines in columns as wide as their widest cell. */
function aligned(header: readonly string[], rows: readonly (readonly string[])[]): (cells: readonly string[]) => string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] as string).length)))
  return cells => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd()
}
