/**
 * Which archive entries may be extracted. Pure: a name, a type and a link target in, a reason to refuse
 * (or undefined) out. Backslashes count as separators, so a Windows-style `go\..\x` is caught as well.
 */
import path from 'node:path'

/** Entry types as node-tar names them; zip entries are mapped onto these. */
export type EntryType = 'File' | 'OldFile' | 'ContiguousFile' | 'Directory' | 'SymbolicLink' | 'Link' | string

const ALLOWED = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory', 'SymbolicLink', 'Link'])
const OUTSIDE = 'it would land outside the target directory'

function isAbsolute(name: string): boolean {
  return name.startsWith('/') || /^[a-zA-Z]:/.test(name)
}

/** Normalizes separators and a leading `./`; keeps `..` segments (path.posix.normalize would resolve them). */
function segments(name: string): string[] {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((s, i) => s !== '' && !(s === '.' && i === 0))
}

/** Why an entry must not be extracted into the target directory, or undefined when it is safe. */
export function unsafeEntryReason(name: string, type: EntryType, linkpath?: string): string | undefined {
  if (!ALLOWED.has(type)) return `entries of type ${type} do not belong in a Go archive`
  if (isAbsolute(name.replace(/\\/g, '/'))) return `${OUTSIDE} (absolute path)`
  const parts = segments(name)
  if (parts.includes('..')) {
    const resolved = path.posix.normalize(parts.join('/'))
    return resolved === '..' || resolved.startsWith('../') || !isUnderGo(resolved) ? OUTSIDE : 'its path has a ".." component'
  }
  if (parts[0] !== 'go') return 'a Go archive holds everything under go/'
  if (type === 'SymbolicLink' || type === 'Link') {
    const target = (linkpath ?? '').replace(/\\/g, '/')
    if (target === '') return 'it is a link without a target'
    if (isAbsolute(target)) return `its link target ${JSON.stringify(linkpath)} is an absolute path`
    // A symbolic link resolves from its own directory; a hard link names another entry of the archive.
    const resolved = type === 'SymbolicLink' ? path.posix.normalize(path.posix.join(path.posix.dirname(parts.join('/')), target)) : path.posix.normalize(target)
    if (!isUnderGo(resolved) || (type === 'Link' && segments(target).includes('..'))) {
      return `its link target ${JSON.stringify(linkpath)} points outside the target directory`
    }
  }
  return undefined
}

function isUnderGo(normalized: string): boolean {
  return normalized === 'go' || normalized.startsWith('go/')
}
