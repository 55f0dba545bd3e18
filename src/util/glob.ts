/**
 * Globs over '/'-separated paths, pure: `*` and `?` stay within a path segment, `[abc]`/`[!abc]`
 * are classes, `**` spans any number of directories; dot files match like any other. The
 * aggregate's `reports` (aggregate/glob.ts walks the disk with them) and the `modules` input
 * (modules/selection.ts) read them alike.
 */
const MAGIC = /[*?[]/

/** True when the entry is a pattern rather than a plain path. */
export function isGlob(entry: string): boolean {
  return MAGIC.test(entry)
}

/** A pattern over '/'-separated paths as a RegExp matching whole paths. Pure. */
export function globToRegExp(pattern: string): RegExp {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*' && pattern[i + 1] === '*') {
      const atStart = i === 0 || pattern[i - 1] === '/'
      const slashAfter = pattern[i + 2] === '/'
      if (atStart && slashAfter) {
        out += '(?:[^/]*/)*' // `**/`: zero or more directories
        i += 2
      } else if (atStart && i + 2 === pattern.length) {
        out += '.*' // trailing `**`: everything below
        i += 1
      } else {
        out += '[^/]*' // `**` inside a segment is a plain `*`
        i += 1
      }
    } else if (c === '*') {
      out += '[^/]*'
    } else if (c === '?') {
      out += '[^/]'
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close === -1) {
        out += '\\['
      } else {
        const body = pattern.slice(i + 1, close)
        const negated = body.startsWith('!') || body.startsWith('^')
        const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, m => `\\${m}`)
        out += negated ? `[^/${chars}]` : `[${chars}]`
        i = close
      }
    } else {
      out += c.replace(/[.+^${}()|\\/]/g, m => `\\${m}`)
    }
  }
  return new RegExp(`^${out}$`)
}
