/**
 * The job summary (`$GITHUB_STEP_SUMMARY`, summary.md) and the pull request comment: markdown
 * that fits GitHub's limits, measured in UTF-8 bytes. Detail goes first (test output, then line
 * lists), then the longest sections lose items, always with a note saying what was left out.
 */
import {fit, type Section} from './fit.js'
import {
  baselineSection,
  crossVersionSection,
  diffSection,
  failuresSection,
  footerSection,
  gatesSection,
  mergedSection,
  notesSection,
  slowestTestsSection,
  verdictSection,
  versionsSection,
  type OutputBudget
} from './sections.js'
import {moduleDetailsSection, moduleGridSection} from './modules.js'
import type {Report} from './schema.js'
import type {Verdict} from './verdict.js'
import {failedGates} from './views.js'
import {buildCacheSection} from './cache-section.js'

/** GitHub's limit for one step's summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/**
 * GitHub's limit for a comment body, the only one go-matrix keeps: 65,536 characters. The
 * renderer counts UTF-8 bytes, of which a text never has fewer than characters, so what it fits
 * is within the limit either way; github/comment.ts counts characters, as GitHub does, when it
 * adds its marker.
 */
export const COMMENT_LIMIT_BYTES = 65_536

export interface SummaryExtras {
  /**
   * Things the reader should know about the run itself ("no baseline: …"), shown under the
   * verdict after the report's own `notes`.
   */
  notes?: readonly string[]
  /** The workflow run, linked from the footer (and the comment's "full report"). */
  runUrl?: string
  /** More for the summary's footer, after the tool and commit (what the toolchain retention reclaimed). */
  footer?: readonly string[]
  /** Defaults: SUMMARY_LIMIT_BYTES for the summary, COMMENT_LIMIT_BYTES for the comment. */
  limitBytes?: number
}

/**
 * The summary's levels of detail, most first: failing test output whole (as the runner kept it),
 * then its last 40 lines, then its last 10, then no output (names only), then no line lists.
 */
const SUMMARY_LEVELS: {output: OutputBudget | null; lines: boolean; modules: boolean}[] = [
  {output: {lines: Infinity, bytes: Infinity}, lines: true, modules: true},
  {output: {lines: 40, bytes: 4000}, lines: true, modules: true},
  {output: {lines: 10, bytes: 1000}, lines: true, modules: true},
  {output: null, lines: true, modules: true},
  {output: null, lines: false, modules: true},
  {output: null, lines: false, modules: false}
]

/** The report's own notes (what could not be done), each version's (output truncated, …) and the caller's, each once. */
function notesOf(report: Report, extras: SummaryExtras): string[] {
  const versions = report.versions.flatMap(v => (v.notes ?? []).map(n => `Go ${v.version}: ${n}`))
  return [...new Set([...(report.notes ?? []), ...versions, ...(extras.notes ?? [])])]
}

function present(sections: (Section | null)[]): Section[] {
  return sections.filter((s): s is Section => s !== null && (s.head !== '' || s.items.length > 0))
}

/**
 * The job summary: the verdict first, the notes, one row per version, with several modules the
 * module × version grid and each module's detail (collapsed; the last detail dropped), merged coverage, the
 * baseline, why versions differ, failing tests with their output, diff coverage, the gates.
 */
export function renderSummary(report: Report, verdict: Verdict, extras: SummaryExtras = {}): string {
  const see = 'report.json'
  const build = (detail: number): Section[] => {
    const level = SUMMARY_LEVELS[detail] ?? {output: null, lines: false, modules: false}
    return present([
      verdictSection(verdict),
      notesSection(notesOf(report, extras)),
      versionsSection(report, see),
      moduleGridSection(report, see, {detailDropped: !level.modules}),
      level.modules ? moduleDetailsSection(report, see) : null,
      mergedSection(report, see),
      baselineSection(report, see),
      crossVersionSection(report, level.lines, see),
      failuresSection(report, level.output, see, {outputDropped: level.output === null}),
      slowestTestsSection(report, see),
      buildCacheSection(report),
      diffSection(report, level.lines, see),
      gatesSection(report, see),
      footerSection(report, extras.runUrl, 'this run', extras.footer)
    ])
  }
  return fit(build, SUMMARY_LEVELS.length, extras.limitBytes ?? SUMMARY_LIMIT_BYTES).text
}

/** How many failing tests and uncovered changed lines the comment names before "see the summary". */
const COMMENT_FAILURES = 10
const COMMENT_UNCOVERED_LINES = 20

/**
 * The pull request comment: the summary's essentials (verdict, notes, the version table, the
 * module × version grid when there are several modules, the
 * first failing tests, the diff coverage headline with the first uncovered lines, the gates), the
 * section that explains each failed gate (against the baseline, why versions differ), and a link
 * to the run, whose job summary has the rest. To fit, line lists go before any explanation does.
 */
export function renderComment(report: Report, verdict: Verdict, extras: SummaryExtras = {}): string {
  const see = extras.runUrl ? `the [job summary](${extras.runUrl.replace(/[()\s]/g, encodeURIComponent)})` : 'the job summary'
  const build = (detail: number): Section[] => {
    const lines = detail === 0
    return present([
      verdictSection(verdict),
      notesSection(notesOf(report, extras)),
      versionsSection(report, see),
      moduleGridSection(report, see),
      failuresSection(report, null, see, {limit: COMMENT_FAILURES}),
      failedGates(report, 'max-coverage-drop').length > 0 ? baselineSection(report, see) : null,
      failedGates(report, 'max-version-delta').length > 0 ? crossVersionSection(report, lines, see) : null,
      diffSection(report, true, see, COMMENT_UNCOVERED_LINES),
      gatesSection(report, see),
      footerSection(report, extras.runUrl, 'Full report in the job summary')
    ])
  }
  return fit(build, 2, extras.limitBytes ?? COMMENT_LIMIT_BYTES).text
}

/**
 * The job summary and the pull request comment of a job that stopped before it had a report: the
 * verdict saying why, and the footer. A comment left by an earlier run is replaced by it, so a
 * pull request never shows the numbers of a run that is no longer current.
 */
export function renderStopped(verdict: Verdict, about: Pick<Report, 'tool' | 'commit'>, extras: SummaryExtras = {}): string {
  const build = (): Section[] =>
    present([verdictSection(verdict), notesSection(extras.notes ?? []), footerSection(about, extras.runUrl, 'this run')])
  return fit(build, 1, extras.limitBytes ?? SUMMARY_LIMIT_BYTES).text
}
