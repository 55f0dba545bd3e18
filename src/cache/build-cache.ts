/**
 * Telling the entries of a restored GOCACHE that a run used from those it did not, so that what is
 * saved is what the run used (never the union of every run before it).
 *
 * Go marks an entry used by setting its mtime to now, but only when the mtime is more than an hour
 * old (cmd/go/internal/cache: mtimeInterval), and an archive restores the mtimes it stored, which
 * look fresh. So right after a restore every entry's mtime is set back two hours (markRestored):
 * each entry Go reads during the run then gets a new mtime, and after the run the entries that
 * still carry the old one were not used and are removed (pruneUnused). An entry is a pair: the
 * action's record (`<action id>-a`, naming its output) and the output (`<output id>-d`). When
 * everything is cached Go reads only the records (a build that links nothing, a test result
 * replayed), yet the outputs are what the next run compiles a changed package against, so the
 * output of every record the run read is kept too. Go's own rules still decide
 * what an entry is worth: go-matrix only ever removes whole files, never edits one, and a missing
 * file is to Go an ordinary miss.
 */
import {readFile, readdir, rm, stat, utimes} from 'node:fs/promises'
import path from 'node:path'

/** How far back restored entries are set: more than Go's hour, so the first use of each updates it. */
export const RESTORED_AGE_MS = 2 * 60 * 60 * 1000

/** Entry files live in 256 folders `00`…`ff`; anything else (README, trim.txt, testexpire.txt) is Go's bookkeeping. */
const ENTRY_FOLDER = /^[0-9a-f]{2}$/

/** Files at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const CONCURRENCY = 64

export interface Entries {
  files: number
  bytes: number
}

/** The entry folders (`00`…`ff`) of a GOCACHE, by name; none when it does not exist. */
export async function entryFolders(gocache: string): Promise<string[]> {
  try {
    return (await readdir(gocache)).filter(name => ENTRY_FOLDER.test(name))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** Every entry file of a GOCACHE, as paths relative to it. */
export async function entryFiles(gocache: string): Promise<string[]> {
  const folders = await entryFolders(gocache)
  const lists = await Promise.all(
    folders.map(async folder => {
      try {
        return (await readdir(path.join(gocache, folder))).map(name => `${folder}/${name}`)
      } catch {
        return []
      }
    })
  )
  return lists.flat()
}

export async function eachBounded<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({length: Math.min(CONCURRENCY, items.length)}, worker))
}

/**
 * Sets every restored entry's mtime to `at - RESTORED_AGE_MS` and returns their names (entries
 * written later are new) and sizes. `at` is the time the restore ended.
 */
export async function markRestored(gocache: string, at: number): Promise<{names: Set<string>; entries: Entries}> {
  const names = await entryFiles(gocache)
  const old = new Date(at - RESTORED_AGE_MS)
  let bytes = 0
  await eachBounded(names, async name => {
    const file = path.join(gocache, name)
    const info = await stat(file)
    bytes += info.size
    await utimes(file, old, old)
  })
  return {names: new Set(names), entries: {files: names.length, bytes}}
}

export interface PruneResult {
  /** Entries the run used or wrote: what a save keeps. */
  kept: Entries
  /** Restored entries the run did not use, removed. */
  removed: Entries
  /** Entries this run wrote (not among the restored ones): what it compiled or tested anew. */
  added: Entries
}

/**
 * Removes the restored entries the run did not use: those whose mtime is still the one
 * markRestored set (anything at or before `markedAt - RESTORED_AGE_MS`, plus a second for file
 * systems that keep whole seconds). `restored` are the names markRestored returned; with none (a
 * cold run) nothing is removed and everything counts as added.
 */
export async function pruneUnused(gocache: string, restored: ReadonlySet<string>, markedAt: number): Promise<PruneResult> {
  const cutoff = markedAt - RESTORED_AGE_MS + 1000
  const result: PruneResult = {kept: {files: 0, bytes: 0}, removed: {files: 0, bytes: 0}, added: {files: 0, bytes: 0}}
  const entries: {name: string; size: number; used: boolean}[] = []
  await eachBounded(await entryFiles(gocache), async name => {
    try {
      const info = await stat(path.join(gocache, name))
      entries.push({name, size: info.size, used: !restored.has(name) || info.mtimeMs > cutoff})
    } catch {
      // Gone meanwhile: nothing to keep or remove.
    }
  })
  // The outputs the used records name stay with them.
  const outputs = new Set<string>()
  await eachBounded(
    entries.filter(e => e.used && e.name.endsWith('-a')),
    async e => {
      const output = outputOfRecord(await readFile(path.join(gocache, e.name), 'utf8').catch(() => ''))
      if (output) outputs.add(`${output.slice(0, 2)}/${output}-d`)
    }
  )
  await eachBounded(entries, async e => {
    if (!e.used && !outputs.has(e.name)) {
      await rm(path.join(gocache, e.name), {force: true})
      result.removed.files++
      result.removed.bytes += e.size
      return
    }
    result.kept.files++
    result.kept.bytes += e.size
    if (!restored.has(e.name)) {
      result.added.files++
      result.added.bytes += e.size
    }
  })
  return result
}

/**
 * The output id an action record names: Go writes `v1 <action id> <output id> <size> <time>`
 * (cmd/go/internal/cache, 64 hex digits each); null for anything else.
 */
export function outputOfRecord(text: string): string | null {
  const match = /^v1 [0-9a-f]{64} ([0-9a-f]{64}) /.exec(text)
  return match ? (match[1] as string) : null
}

/** The entries of a GOCACHE and their bytes, without changing anything. */
export async function measureEntries(gocache: string): Promise<Entries & {list: {name: string; bytes: number; mtimeMs: number}[]}> {
  const list: {name: string; bytes: number; mtimeMs: number}[] = []
  await eachBounded(await entryFiles(gocache), async name => {
    try {
      const info = await stat(path.join(gocache, name))
      list.push({name, bytes: info.size, mtimeMs: info.mtimeMs})
    } catch {
      // Removed meanwhile (another job's trim, or Go's): not there any more.
    }
  })
  return {files: list.length, bytes: list.reduce((sum, e) => sum + e.bytes, 0), list}
}
