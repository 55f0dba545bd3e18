/**
 * Fits a markdown document under a size limit in bytes (GitHub's: 65,536 for a comment, 1 MiB
 * for a step summary). A document is a list of sections; a section is a fixed head and a list of
 * items (table rows, list entries, collapsed blocks) that can be left out from the end, with a
 * note saying how many were. The caller first lowers the level of detail (shorter test output,
 * then none, then no line lists); if that is not enough, the longest sections lose items first.
 */
import {byteLength} from './markdown.js'

export interface Section {
  /** Heading, intro, table header, with the line break(s) before the first item: kept whole. */
  head: string
  items: string[]
  /** Between items: '\n' for rows and list entries, '\n\n' for blocks. */
  separator: string
  /** Items the section never listed (a short list's cut), counted in the left-out note. */
  alsoLeftOut?: number
  /** Closes the section after the items and the note (`</details>`): kept whole. */
  tail?: string
  /** The note shown after the kept items when `n` were left out; absent: the items are kept whole. */
  leftOut?: (n: number) => string
  /** The first `keep` items are never left out: they explain a failed gate. */
  keep?: number
}

/** The sections of a document at one level of detail (0 is the most). */
export type Build = (detail: number) => Section[]

export interface Fitted {
  text: string
  /** The level of detail used. */
  detail: number
  /** Items left out, per section head's first line. */
  leftOut: {section: string; items: number}[]
}

function renderSection(s: Section, keep: number): string {
  const omitted = s.items.length - keep + (s.alsoLeftOut ?? 0)
  let text = (s.head + s.items.slice(0, keep).join(s.separator)).replace(/\n+$/, '')
  if (omitted > 0 && s.leftOut) text += `${text === '' ? '' : '\n\n'}${s.leftOut(omitted)}`
  return text + (s.tail ?? '')
}

function renderDocument(sections: readonly Section[], keeps: readonly number[]): string {
  return (
    sections
      .map((s, i) => renderSection(s, keeps[i] as number))
      .filter(t => t !== '')
      .join('\n\n') + '\n'
  )
}

/**
 * Renders the document at the most detail that fits in `limit` bytes; when even the least detail
 * does not fit, leaves out items of the longest sections, then cuts the text at a line as a last
 * resort (a huge head). The result is always at most `limit` bytes.
 */
export function fit(build: Build, levels: number, limit: number): Fitted {
  let sections: Section[] = []
  let detail = 0
  for (; detail < levels; detail++) {
    sections = build(detail)
    const text = renderDocument(
      sections,
      sections.map(s => s.items.length)
    )
    if (byteLength(text) <= limit) return {text, detail, leftOut: leftOutOf(sections, sections.map(s => s.items.length))}
  }
  detail = levels - 1
  const keeps = trimLongest(sections, limit)
  const text = hardCut(renderDocument(sections, keeps), limit)
  return {text, detail, leftOut: leftOutOf(sections, keeps)}
}

function leftOutOf(sections: readonly Section[], keeps: readonly number[]): Fitted['leftOut'] {
  return sections
    .map((s, i) => ({section: s.head.split('\n')[0] ?? '', items: s.items.length - (keeps[i] as number) + (s.alsoLeftOut ?? 0)}))
    .filter(l => l.items > 0)
}

/** How many items each section keeps, taking from the longest trimmable section first. */
function trimLongest(sections: readonly Section[], limit: number): number[] {
  const keeps = sections.map(s => s.items.length)
  const itemBytes = sections.map(s => s.items.map(item => byteLength(item) + byteLength(s.separator)))
  const size = (i: number): number => byteLength(renderSection(sections[i] as Section, keeps[i] as number))
  for (;;) {
    const sizes = sections.map((_s, i) => size(i))
    const total = byteLength(renderDocument(sections, keeps))
    const excess = total - limit
    if (excess <= 0) return keeps
    const candidates = sections
      .map((s, i) => ({i, size: sizes[i] as number, trimmable: s.leftOut !== undefined && (keeps[i] as number) > (s.keep ?? 0)}))
      .filter(c => c.trimmable)
      .sort((a, b) => b.size - a.size)
    const longest = candidates[0]
    if (longest === undefined) return keeps
    // Shrink the longest to what fits, but not far below the next longest: then that one takes a
    // turn (half the excess below it, so that two sections of one size converge in a few turns).
    const target = Math.max(longest.size - excess, (candidates[1]?.size ?? 0) - excess / 2)
    const s = sections[longest.i] as Section
    const bytes = itemBytes[longest.i] as number[]
    const floor = s.keep ?? 0
    let keep = keeps[longest.i] as number
    let current = longest.size
    while (keep > floor && current > target) {
      keep--
      current -= bytes[keep] as number
      // The left-out note grows by a digit now and then: measure exactly once near the target.
      if (current <= target + 64) current = byteLength(renderSection(s, keep))
    }
    if (keep === keeps[longest.i]) keep--
    keeps[longest.i] = Math.max(floor, keep)
  }
}

const CUT_NOTE = '\n\n… the rest of this report was left out to stay within GitHub’s size limit (see report.json).\n'

/** Cuts at the last line break that leaves room for a note saying so. */
function hardCut(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text
  const room = limit - byteLength(CUT_NOTE)
  const bytes = Buffer.from(text, 'utf8').subarray(0, Math.max(0, room))
  let cut = bytes.toString('utf8')
  // A cut inside a multi-byte character leaves a replacement character: drop it.
  cut = cut.replace(/\ufffd$/, '')
  const lastBreak = cut.lastIndexOf('\n')
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : cut) + CUT_NOTE
}
