import {codeBlock, details, escape, table} from './markdown.js'
import {percent, plural, seconds, signed} from './format.js'
import type {Report, VersionReport} from './schema.js'
import type {Verdict} from './verdict.js'

const STATUS_ICON: Record<VersionReport['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  error: '💥 error'
}

function buildCell(v: VersionReport): string {
  if (!v.steps || v.steps.length === 0) return v.status === 'skipped' ? '—' : '✅'
  const failed = v.steps.filter(s => !s.ok)
  return failed.length === 0 ? '✅' : `❌ ${failed.map(s => escape(s.name)).join(', ')}`
}

function testsCell(v: VersionReport): string {
  if (v.status === 'skipped') return escape(v.reason ?? 'skipped')
  const {passed, failed, skipped} = v.tests
  return `${passed} ✓ · ${failed} ✗ · ${skipped} ⤼`
}

/** The job summary (summary.md): verdict first, then one row per version, then the details. */
export function renderSummary(report: Report, verdict: Verdict): string {
  const out: string[] = [verdict.sentence, '']
  const byVersion = new Map(report.comparisons.versions.map(c => [c.version, c]))
  const rows = report.versions.map(v => {
    const cmp = byVersion.get(v.version)
    const baselineDelta = (report.comparisons.baseline as {versions?: Record<string, number>} | null)?.versions?.[v.version]
    return [
      `**${escape(v.version)}**${v.spec !== v.version ? ` (${escape(v.spec)})` : ''}${v.platform ? ` ${escape(v.platform)}` : ''}`,
      STATUS_ICON[v.status],
      buildCell(v),
      testsCell(v),
      percent(v.coverage?.statements.percent),
      cmp ? signed(cmp.likeForLikeDelta) : v.coverage ? 'reference' : '—',
      signed(baselineDelta),
      seconds(v.seconds),
      v.toolchain.source
    ]
  })
  out.push(
    table(
      ['Go', 'status', 'build', 'tests', 'coverage', 'Δ like-for-like', 'Δ baseline', 'time', 'toolchain'],
      rows,
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l']
    ),
    ''
  )
  if (report.merged) {
    const l = report.merged.lines
    out.push(`**Merged line coverage** (all versions): ${percent(l.percent)} (${l.covered} of ${l.total} lines)`, '')
  }
  const gaps = report.comparisons.versions.filter(c => c.rawDelta !== c.likeForLikeDelta)
  if (gaps.length > 0) {
    out.push('### Why versions differ', '')
    for (const c of gaps) {
      out.push(
        `- **${escape(c.version)}** vs ${escape(c.reference)}: raw ${signed(c.rawDelta)}, like for like ${signed(c.likeForLikeDelta)}.`
      )
      const explain = typeof c.explanation === 'string' ? c.explanation : ''
      if (explain) out.push(`  ${escape(explain)}`)
    }
    out.push('')
  }
  const failing = report.versions.flatMap(v => v.tests.failures.map(f => ({v, f})))
  if (failing.length > 0) {
    out.push(`### Failing tests (${failing.length})`, '')
    for (const {v, f} of failing) {
      out.push(details(`Go ${escape(v.version)}: <code>${escape(f.package)}</code> ${escape(f.test || '(package)')}`, codeBlock(f.output)))
    }
    out.push('')
  }
  if (report.comparisons.diff) {
    const d = report.comparisons.diff
    out.push(`### Changed lines: ${percent(d.lines.percent)} covered (${d.lines.covered} of ${d.lines.total})`, '')
    if (d.uncovered.length > 0) {
      out.push(details(`${plural(d.uncovered.length, 'uncovered changed line')}`, d.uncovered.map(u => `- \`${escape(u.file)}:${u.line}\``).join('\n')), '')
    }
  }
  if (report.gates.length > 0) {
    out.push('### Gates', '')
    out.push(
      table(
        ['gate', 'threshold', 'actual', 'result'],
        report.gates.map(g => [g.name, String(g.threshold), g.actual === null ? '—' : String(g.actual), g.passed ? '✅ ' + escape(g.message) : '❌ ' + escape(g.message)])
      ),
      ''
    )
  }
  return out.join('\n')
}
