/**
 * Splits a flag string the way a POSIX shell splits words: whitespace separates, single quotes
 * are literal, double quotes allow backslash escapes of `"` and `\`, a backslash outside quotes
 * escapes the next character. Nothing is expanded and nothing is ever run through a shell.
 */
export function splitArgs(text: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: "'" | '"' | null = null
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quote === "'") {
      if (c === "'") quote = null
      else word += c
    } else if (quote === '"') {
      if (c === '"') quote = null
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i]
      else word += c
    } else if (c === "'" || c === '"') {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i]
      inWord = true
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in ${JSON.stringify(text)}`)
  if (inWord) words.push(word)
  return words
}

/** Splits a list input on commas and newlines, trimming and dropping empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')
}

/**
 * The words as a POSIX shell command line that splitArgs (and a shell) reads back as the same
 * words: a word of only safe characters as it is, any other in single quotes.
 */
export function joinArgs(words: readonly string[]): string {
  return words.map(w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ')
}
