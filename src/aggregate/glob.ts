/**
 * The globs of the `reports` input (`legs/*\/report.json`, `artifacts/**\/report.json`): a small
 * matcher rather than @actions/glob, whose `::debug::` lines would land in the command line's
 * output. `*` and `?` stay within a path segment, `[abc]`/`[!abc]` are classes, `**` spans any
 * number of directories; dot files match like any other.
 */
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {globToRegExp, isGlob} from '../util/glob.js'

export {globToRegExp, isGlob}

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
