/** Tiny GitHub-flavoured markdown helpers: every text a PR author controls goes through escape(). */

/**
 * Escapes text for a markdown table cell or paragraph: markdown punctuation, HTML, and
 * @-mentions (a zero-width joiner after @ stops the mention without changing how it reads).
 */
export function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, c => `\\${c}`)
    .replace(/@/g, '@\u200d')
    .replace(/\r?\n/g, ' ')
}

/** Text for a fenced code block: only a fence of the same length could end it, so lengthen it. */
export function codeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r' | 'c')[]): string {
  const rule = header.map((_h, i) => ({l: ':--', r: '--:', c: ':-:'})[align?.[i] ?? 'l'])
  return [header, rule, ...rows].map(r => `| ${r.join(' | ')} |`).join('\n')
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`
}
