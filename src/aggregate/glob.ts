/**
 * The globs of the `reports` input (`legs/*\/report.json`, `artifacts/**\/report.json`): a small
 * matcher rather than @actions/glob, whose `::debug::` lines would land in the command line's
 * output. `*` and `?` stay within a path segment, `[abc]`/`[!abc]` are classes, `**` spans any
 * number of directories; dot files match like any other.
 */
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'

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

/**
 * The files and directories an absolute pattern matches, sorted. The walk starts at the
 * pattern's longest directory without magic and goes only as deep as the pattern can reach.
 */
export async function expandGlob(pattern: string): Promise<string[]> {
  const posix = pattern.split(path.sep).join('/')
  const segments = posix.split('/')
  const firstMagic = segments.findIndex(isGlob)
  if (firstMagic === -1) return (await stat(pattern).catch(() => null)) ? [pattern] : []
  const base = segments.slice(0, firstMagic).join('/') || '/'
  const rest = segments.slice(firstMagic)
  const maxDepth = rest.includes('**') ? Infinity : rest.length
  const matcher = globToRegExp(posix)
  const matches: string[] = []
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      const full = `${dir === '/' ? '' : dir}/${entry.name}`
      if (matcher.test(full)) matches.push(full)
      // Symbolic links to directories are followed, as a shell's glob would, except under `**`, where a link loop would never end.
      const isDir = entry.isDirectory() || (maxDepth !== Infinity && entry.isSymbolicLink() && (await stat(full).catch(() => null))?.isDirectory())
      if (isDir && depth + 1 < maxDepth) await walk(full, depth + 1)
    }
  }
  await walk(base, 0)
  return matches.sort().map(p => p.split('/').join(path.sep))
}
