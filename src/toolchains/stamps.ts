/**
 * Stamps: what a file looked like (`ino:size:mtime:ctime`) when its content was last found intact,
 * so that a later check can tell it is unchanged without reading it again, as git's index does.
 *
 * A change to a file's content always moves its ctime (no user-space call sets it back), and
 * replacing the file changes its inode; so a file whose stamp is unchanged still has the content that
 * was checked. One hazard remains: a write in the same clock tick as the last write before the stamp
 * was taken leaves the ctime as it was. So a stamp is trusted only when the file's ctime is a second
 * older than when the stamp was taken (file systems with whole-second times included), or when the
 * stamps were taken where no other process writes: in the installer's private staging folder, right
 * after the files were written and hashed from the verified archive (`exclusive`).
 *
 * stampOf and unchangedSince are pure; stampFiles reads the disk.
 */
import {lstatSync, type Stats} from 'node:fs'

export interface Stamps {
  /** Milliseconds since the epoch: when the check that took these stamps started. */
  recordedAt: number
  /** Taken where no other process could write the files since (the installer's staging folder). */
  exclusive?: true
  /** `ino:size:mtime:ctime` by path. */
  files: Record<string, string>
}

export function stampOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`
}

const RACY_MS = 1000

/** Whether `stats` shows the file `key` unchanged since `previous` stamped it. Pure. */
export function unchangedSince(previous: Stamps | undefined, key: string, stats: Stats): boolean {
  if (previous === undefined || previous.files[key] !== stampOf(stats)) return false
  return previous.exclusive === true || stats.ctimeMs < previous.recordedAt - RACY_MS
}

/**
 * Stamps the files `relatives` below `root` (`/`-separated paths), as they are now. Only for files
 * whose content the caller has just checked: a stamp vouches for it. A path that is not a regular
 * file is left out (the next check looks at it afresh).
 */
export function stampFiles(root: string, relatives: Iterable<string>, exclusive: boolean): Stamps {
  const recordedAt = Date.now()
  const files: Record<string, string> = {}
  for (const relative of relatives) {
    const stats = lstatSync(`${root}/${relative}`, {throwIfNoEntry: false})
    if (stats?.isFile()) files[relative] = stampOf(stats)
  }
  return {recordedAt, ...(exclusive ? {exclusive: true as const} : {}), files}
}
