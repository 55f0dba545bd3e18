/**
 * Which archive entries may be extracted. Pure: names, types and link targets in, a reason to refuse
 * (or undefined) out. Backslashes count as separators, so a Windows-style `go\..\x` is caught as well.
 *
 * unsafeEntryReason judges one entry by its text alone. ArchiveTree judges each entry against the ones
 * before it, as tar creates them on disk: a path is followed through the symbolic links already
 * extracted, so that links each harmless on its own (`go/a -> .`, then `go/a/b -> ..`) cannot be
 * chained to write outside the target directory.
 */
import path from 'node:path'

/** Entry types as node-tar names them; zip entries are mapped onto these. */
export type EntryType = 'File' | 'OldFile' | 'ContiguousFile' | 'Directory' | 'SymbolicLink' | 'Link' | string

export interface ArchiveEntry {
  name: string
  type: EntryType
  linkpath?: string
}

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

/** More entries than this is no Go release (Go 1.27 has about 17,000); it bounds the memory a hostile archive can take. */
export const MAX_ENTRIES = 200_000
/** As Linux's MAXSYMLINKS: a path that follows more links than this loops. */
const MAX_LINK_HOPS = 40

type Kind = 'dir' | 'file' | 'link'
const KIND_NAMES: Record<Kind, string> = {dir: 'directory', file: 'file', link: 'symbolic link'}

/** Where a path leads on disk: its components with every link followed, or why it leads nowhere safe. */
type Resolution = {parts: string[]; via: string | undefined} | {escapes: true; via: string | undefined} | {loops: true; via: string | undefined}

/** A refusal: the entry's name as the archive gives it, and why. */
export interface Refusal {
  name: string
  reason: string
}

/**
 * The tree an archive creates, followed entry by entry in the order tar extracts them. Each path is
 * resolved through the symbolic links extracted before it, as the kernel will when tar opens it. An
 * entry may appear once (a directory may be repeated): tar replacing one entry by another is where the
 * tree on disk and this one could part ways, and a Go archive never does it.
 */
export class ArchiveTree {
  /** Every path extracted so far, parents included, with every link in it followed. */
  private readonly kinds = new Map<string, Kind>()
  /** Symbolic links: where on disk, the target they hold and the entry's name. */
  private readonly links = new Map<string, {target: string; name: string}>()
  private count = 0

  /** Why `entry` must not be extracted after the entries admitted so far, or undefined (and it is recorded). */
  admit(entry: ArchiveEntry): string | undefined {
    const lexical = unsafeEntryReason(entry.name, entry.type, entry.linkpath)
    if (lexical) return lexical
    if (++this.count > MAX_ENTRIES) return `the archive holds more than ${MAX_ENTRIES} entries, far more than any Go release`
    const parts = segments(entry.name)
    const parent = this.resolve(parts.slice(0, -1), true)
    if (!('parts' in parent)) return 'loops' in parent ? `its path loops through symbolic links (${JSON.stringify(parent.via)})` : `${OUTSIDE} through the symbolic link ${JSON.stringify(parent.via)}`
    const here = [...parent.parts, parts[parts.length - 1] as string]
    const key = here.join('/')
    if (!isUnderGo(key)) return `through the symbolic link ${JSON.stringify(parent.via)} it would land outside go/`
    const existing = this.kinds.get(key)
    if (existing && !(existing === 'dir' && entry.type === 'Directory')) return `it would replace the ${KIND_NAMES[existing]} extracted there before it`
    for (let i = here.length - 1; i > 0; i--) {
      const above = this.kinds.get(here.slice(0, i).join('/'))
      if (above === 'file') return `its parent ${JSON.stringify(here.slice(0, i).join('/'))} is a file`
      if (above === 'dir') break
    }

    let kind: Kind = entry.type === 'Directory' ? 'dir' : 'file'
    if (entry.type === 'SymbolicLink') {
      const reason = this.linkReason(parent.parts, entry.linkpath as string, parent.via)
      if (reason) return reason
      this.links.set(key, {target: entry.linkpath as string, name: entry.name})
      kind = 'link'
    } else if (entry.type === 'Link') {
      // link(2) follows the links in the target's directories, not the target itself.
      const targetParts = segments(entry.linkpath as string)
      const targetParent = this.resolve(targetParts.slice(0, -1), true)
      const target = 'parts' in targetParent ? [...targetParent.parts, targetParts[targetParts.length - 1] as string].join('/') : ''
      if (!isUnderGo(target)) return `its link target ${JSON.stringify(entry.linkpath)} points outside the target directory`
      const targetKind = this.kinds.get(target)
      // A hard link to a symbolic link is a copy of its text, which would then resolve from another directory.
      if (targetKind === 'link') return `it is a hard link to the symbolic link ${JSON.stringify(entry.linkpath)}`
      if (targetKind !== 'file') return `its link target ${JSON.stringify(entry.linkpath)} is not a file extracted before it`
    }
    this.kinds.set(key, kind)
    for (let i = here.length - 1; i > 0 && !this.kinds.has(here.slice(0, i).join('/')); i--) this.kinds.set(here.slice(0, i).join('/'), 'dir')
    return undefined
  }

  /**
   * Checks every link again against the finished tree: a link admitted early can lead elsewhere once
   * later links exist (`go/l -> d/../..` while go/d is a directory, then `go/d -> .`).
   */
  finish(): Refusal | undefined {
    for (const [key, link] of this.links) {
      const reason = this.linkReason(key.split('/').slice(0, -1), link.target)
      if (reason) return {name: link.name, reason}
    }
    return undefined
  }

  /**
   * Why a symbolic link in `dir` (on disk, link-free) holding `target` must not exist, or undefined.
   * `dirVia` names the link that led to `dir`, if one did: the reason the target leads elsewhere.
   */
  private linkReason(dir: string[], target: string, dirVia?: string): string | undefined {
    const resolved = this.resolve([...dir, ...segments(target)], true)
    const via = resolved.via ?? dirVia
    if ('loops' in resolved) return `its link target ${JSON.stringify(target)} loops through symbolic links (${JSON.stringify(via)})`
    if ('escapes' in resolved || !isUnderGo(resolved.parts.join('/'))) {
      return `its link target ${JSON.stringify(target)} points outside the target directory${via ? ` through the symbolic link ${JSON.stringify(via)}` : ''}`
    }
    return undefined
  }

  /** Follows `parts` from the target directory as the kernel would, through the links recorded so far. */
  private resolve(parts: readonly string[], followLast: boolean): Resolution {
    if (this.links.size === 0 && !parts.includes('..')) return {parts: [...parts], via: undefined}
    const pending = [...parts]
    const done: string[] = []
    let via: string | undefined
    let hops = 0
    while (pending.length > 0) {
      const part = pending.shift() as string
      if (part === '.' || part === '') continue
      if (part === '..') {
        if (done.length === 0) return {escapes: true, via}
        done.pop()
        continue
      }
      done.push(part)
      const link = this.links.get(done.join('/'))
      if (link && (pending.length > 0 || followLast)) {
        via = link.name
        if (++hops > MAX_LINK_HOPS) return {loops: true, via}
        done.pop()
        pending.unshift(...segments(link.target))
      }
    }
    return {parts: done, via}
  }
}
