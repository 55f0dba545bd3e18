/** What report.json says about one version's carried build cache (`versions[].buildCache`). */
export interface VersionCacheReport {
  /** Carried through the Actions cache, or kept in a persistent folder (the command line). */
  where: 'actions-cache' | 'folder'
  /** An entry was restored (the exact key or, after a dependency change, an older one). */
  restored: boolean
  /** The key restored, or null on a miss. */
  key: string | null
  /** Bytes of the restored entries. */
  restoredBytes: number
  restoreSeconds: number
  saved: boolean
  /** The key saved under, when saved. */
  savedKey?: string
  /** Bytes of what was saved (the entries the run used or wrote). */
  savedBytes?: number
  saveSeconds: number
  /** Entries the run wrote: what it compiled or tested anew (0 when everything came from the cache). */
  addedEntries?: number
  /** Restored entries the run did not use, left out of the save. */
  removedEntries?: number
  /** Why it was not restored or not saved. */
  why?: string
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}

/**
 * One version's cache in a sentence, for the log and the command line's progress lines:
 * `restored go-matrix-build-… (312.4 MiB, 2.1 s); 0 entries added; saved as … (1.2 s)`.
 */
export function describeVersionCache(c: VersionCacheReport): string {
  const parts: string[] = []
  if (c.where === 'folder') parts.push(c.restored ? `build cache folder held ${formatMiB(c.restoredBytes)}` : 'build cache folder empty')
  else if (c.restored) parts.push(`build cache restored from ${c.key} (${formatMiB(c.restoredBytes)}, ${c.restoreSeconds.toFixed(1)} s)`)
  else parts.push(c.why && !c.why.startsWith('not saved') ? `build cache not restored: ${c.why}` : 'build cache missed')
  if (c.addedEntries !== undefined) parts.push(c.addedEntries === 0 ? 'nothing compiled or tested anew' : `${c.addedEntries} entries added`)
  if (c.removedEntries) parts.push(`${c.removedEntries} unused entries left out`)
  if (c.saved) parts.push(`saved as ${c.savedKey} (${formatMiB(c.savedBytes ?? 0)}, ${c.saveSeconds.toFixed(1)} s)`)
  else if (c.where === 'actions-cache' && c.why?.startsWith('not saved')) parts.push(c.why)
  return parts.join('; ')
}
