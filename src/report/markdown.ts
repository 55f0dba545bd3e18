/**
 * GitHub-flavoured markdown helpers. Every text a pull request author controls (file names,
 * package and test names, test output, failure reasons) goes through one of the escapers below,
 * chosen by where it lands: markdown text (escape), raw HTML (escapeHtml), an inline code span
 * (code) or a fenced block (codeBlock). None of them lets the text start a new line, so a table
 * row or a list item cannot be broken out of.
 */

/** Bidirectional controls reorder what a reader sees (a "trojan source" file name): show them. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g

/** Every line ending CommonMark knows: a lone CR ends a line too. */
const LINE_BREAK = /\r\n|\r|\n/g

/** ANSI colour and cursor sequences that coloured test output carries. */
// eslint-disable-next-line no-control-regex -- ESC is what starts every such sequence
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g

/**
 * GitHub turns `@name` into a mention (a notification), `#12` and `org/repo#12` into issue
 * references (a timeline entry in that issue), and bare `http://`, `www.` and e-mail addresses
 * into links, even in escaped text. A zero-width joiner after `@` and `#`, and a zero-width space
 * inside `://` and after `www`, stop each of them without changing how the text reads.
 */
function defuseAutolinks(text: string): string {
  return text
    .replace(/@/g, '@\u200d')
    .replace(/#/g, '#\u200d')
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/\b(www)\./gi, '$1\u200b.')
}

function visibleBidi(text: string): string {
  return text.replace(BIDI, c => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** One line: line breaks become spaces, so the text stays inside its cell, item or heading. */
function oneLine(text: string): string {
  return text.replace(LINE_BREAK, ' ')
}

/**
 * Escapes text for markdown: a paragraph, a list item, a heading or a table cell. HTML becomes
 * entities; the punctuation that can start markdown (code, emphasis, links and images, tables,
 * strikethrough) is backslash-escaped; a line-start marker (`-`, `+`, `#`, `1.`, `>`, `=`) cannot
 * start a block. Nothing else is touched, so the text still reads as it was written where it is
 * read raw (the summary's first line, e-mail notifications): `(`, `)` and `!` mean nothing
 * without a `[`, and `_` inside a word emphasises nothing.
 */
export function escape(text: string): string {
  const escaped = defuseAutolinks(oneLine(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*[\]|~]/g, c => `\\${c}`)
    .replace(/_/g, (c, at: number, whole: string) => (WORD.test(whole[at - 1] ?? '') && WORD.test(whole[at + 1] ?? '') ? c : '\\_'))
    .replace(/^(\s*)([-+=#])(?=[\s=#-]|\u200d|$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
  return visibleBidi(escaped)
}

/** A character that makes `_` intraword (CommonMark: no emphasis between two of them). */
const WORD = /^[\p{L}\p{N}]$/u

/**
 * Escapes text inside raw HTML (a `<summary>`, a `<code>` element): markdown is not parsed
 * there, so backslashes would show; entities are decoded, so HTML must become entities.
 */
export function escapeHtml(text: string): string {
  // Defused first: the entities below contain `#`, which must stay as it is.
  const escaped = defuseAutolinks(oneLine(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
  return visibleBidi(escaped)
}

/**
 * An inline code span holding `text` literally. The delimiter is one backtick longer than any run
 * inside; a space pads text that starts or ends with a backtick. In a table cell (`cell`), `|`
 * must still be escaped, because GFM splits the row before it parses code spans.
 */
export function code(text: string, options: {cell?: boolean} = {}): string {
  let body = visibleBidi(oneLine(text))
  if (options.cell) body = body.replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = body.startsWith('`') || body.endsWith('`') || body.trim() === '' ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * A fenced code block holding `text` literally. Only a backtick fence at least as long as the
 * opening one closes it, so the fence is one longer than any run of backticks in the text. ANSI
 * colour codes are dropped: they would show as noise.
 */
export function codeBlock(text: string, lang = ''): string {
  const body = text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${body}\n${fence}`
}

export type Align = 'l' | 'r' | 'c'

/** The header and rule lines of a table; rows follow with tableRow(). Cells must be escaped. */
export function tableHead(header: readonly string[], align?: readonly Align[]): string {
  const rule = header.map((_h, i) => ({l: ':--', r: '--:', c: ':-:'})[align?.[i] ?? 'l'])
  return [tableRow(header), tableRow(rule)].join('\n')
}

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  return [tableHead(header, align), ...rows.map(tableRow)].join('\n')
}

/** A collapsed block. `summary` is raw HTML (escape with escapeHtml); `body` is markdown. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** Size as GitHub counts it against its limits. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}
