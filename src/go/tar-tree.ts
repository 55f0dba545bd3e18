/**
 * Records the tree a Go archive extracts to from its tar stream, as it passes through Node on its
 * way to tar: each member as its header is read, each file's content hashed from the data blocks
 * themselves, so that the install manifest costs no second read of the extracted files.
 *
 * The members must have been admitted by the archive's entry checks first (archive-entries.ts): all
 * under `go/`, links that stay inside. Each is recorded where tar puts it on disk: through the
 * symbolic links extracted before it (`go/a/f` with `go/a -> b` is `b/f`). A hard link is recorded as
 * a file with its target's content and mode: on disk it is the same file.
 */
import {createHash, type Hash} from 'node:crypto'
import type {TarMember} from './tar-headers.js'
import {modeString, sortTree, type FileEntry, type TreeEntry} from '../toolchains/tree.js'

/** sha256 of nothing: an empty file's content hash. */
export const EMPTY_SHA256 = createHash('sha256').digest('hex')

export class TarTreeRecorder {
  private readonly entries = new Map<string, TreeEntry>()
  /** The file whose data is streaming now. */
  private open: {entry: FileEntry; hash: Hash; left: number} | undefined

  /** A member's header: call before its data. */
  member(member: TarMember): void {
    if (this.open) throw new Error(`tar stream: ${this.open.entry.path} ended ${this.open.left} bytes early`)
    const path = this.onDisk(member.name)
    if (path === '') return
    switch (member.type) {
      case 'Directory':
        this.entries.set(path, {path, type: 'dir', mode: modeString(member.mode)})
        return
      case 'SymbolicLink':
        this.entries.set(path, {path, type: 'symlink', target: member.linkpath})
        return
      case 'Link': {
        const target = this.entries.get(this.onDisk(member.linkpath))
        if (target?.type !== 'file') throw new Error(`tar stream: the hard link ${member.name} names ${member.linkpath}, which is no file before it`)
        this.entries.set(path, {...target, path})
        return
      }
      case 'File': {
        const entry: FileEntry = {path, type: 'file', mode: modeString(member.mode), size: member.size, sha256: EMPTY_SHA256}
        this.entries.set(path, entry)
        if (member.size > 0) this.open = {entry, hash: createHash('sha256'), left: member.size}
      }
    }
  }

  /** A slice of the current member's data, in order. */
  data(chunk: Buffer): void {
    const open = this.open
    if (!open) return
    open.hash.update(chunk)
    open.left -= chunk.length
    if (open.left <= 0) {
      open.entry.sha256 = open.hash.digest('hex')
      this.open = undefined
    }
  }

  /** The tree, sorted as the manifest lists it. */
  finish(): TreeEntry[] {
    if (this.open) throw new Error(`tar stream: ${this.open.entry.path} ended ${this.open.left} bytes early`)
    return sortTree(this.entries.values())
  }

  /**
   * Where an archive name lands, relative to the GOROOT: `go/bin/go` -> `bin/go`, `./go/` -> '' (the
   * GOROOT itself), every directory of it followed through the symbolic links recorded so far, as
   * the kernel follows them when tar creates the file. The name's last part is not followed.
   */
  private onDisk(name: string): string {
    const pending = name.split('/').filter(part => part !== '' && part !== '.')
    const last = pending.pop()
    if (last === undefined) return ''
    // Paths in the archive's namespace, `go` first: a link may climb out of go/ and back into it.
    const done: string[] = []
    for (let hops = 0; pending.length > 0; ) {
      const part = pending.shift() as string
      if (part === '..') {
        done.pop()
        continue
      }
      if (part === '.') continue
      done.push(part)
      const link = this.entries.get(done.slice(1).join('/'))
      if (link?.type === 'symlink') {
        // The entry checks refuse loops; this bound only keeps a bug from hanging the install.
        if (++hops > 40) throw new Error(`tar stream: ${name} loops through symbolic links`)
        done.pop()
        pending.unshift(...link.target.split('/'))
      }
    }
    return [...done, last].slice(1).join('/')
  }
}
