/**
 * Staging folders: a download is extracted into `<toolcache>/go/.staging-*` (the tool cache's file
 * system, so that the finished toolchain can be renamed into place) and removed afterwards. A job
 * killed outright (SIGKILL, a lost runner) cannot remove its own, so every install sweeps away the
 * folders their owners abandoned, and only those: two jobs may share a tool cache (self-hosted
 * runners), and the other one's folder may be in use.
 *
 * A folder holds `owner.json` (pid, host, pid namespace, start) and its owner touches that file every
 * HEARTBEAT_MS while it works. A folder is abandoned when
 * - its owner ran on this machine (same host name and pid namespace) and that process is gone, or
 * - nothing touched it for STALE_AFTER_MS (an owner on another machine sharing the folder, a pid
 *   reused by another process, a folder without a record).
 */
import {mkdtemp, readdir, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Logger} from '../util/log.js'
import {currentOwner, HEARTBEAT_MS, isAbandoned, parseOwner, processAlive, type StagingOwner} from '../util/owner.js'

// The owner records live in util/owner.ts (toolchain leases use them too); re-exported for the installer's callers.
export {currentOwner, HEARTBEAT_MS, isAbandoned, parseOwner, processAlive, STALE_AFTER_MS, type StagingOwner} from '../util/owner.js'

export const STAGING_PREFIX = '.staging-'
const OWNER_FILE = 'owner.json'

/** A staging folder in use: `release()` stops its heartbeat (the caller removes the folder). */
export interface Staging {
  dir: string
  release(): void
}

/** Creates `<parent>/<prefix>XXXXXX` with this process's owner record, and keeps it fresh. */
export async function createStaging(parent: string, prefix: string, heartbeatMs = HEARTBEAT_MS): Promise<Staging> {
  const dir = await mkdtemp(path.join(parent, prefix))
  const record = path.join(dir, OWNER_FILE)
  await writeFile(record, JSON.stringify(currentOwner()) + '\n')
  const heartbeat = setInterval(() => {
    const now = new Date()
    utimes(record, now, now).catch(() => undefined)
  }, heartbeatMs)
  // The heartbeat alone must not keep a finished process alive.
  heartbeat.unref()
  return {dir, release: () => clearInterval(heartbeat)}
}

/**
 * Removes the staging folders in `goDir` whose owners abandoned them; returns the ones removed.
 * A folder that cannot be judged or removed is left, with a warning.
 */
export async function removeAbandonedStaging(goDir: string, logger: Logger, now = Date.now()): Promise<string[]> {
  let names: string[]
  try {
    names = (await readdir(goDir)).filter(name => name.startsWith(STAGING_PREFIX))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  const here = currentOwner()
  const removed: string[] = []
  await Promise.all(
    names.map(async name => {
      const dir = path.join(goDir, name)
      try {
        const {owner, lastSeen} = await readOwner(dir)
        if (!isAbandoned(owner, now - lastSeen, here, processAlive)) return
        await rm(dir, {recursive: true, force: true})
        removed.push(dir)
        const who = owner ? `process ${owner.pid} on ${owner.host}, started ${owner.started}` : 'an unknown process'
        logger.info(`removed the staging folder ${dir}, abandoned by ${who} (last active ${Math.round((now - lastSeen) / 1000)} s ago)`)
      } catch (err) {
        logger.warning(`cannot clean up the staging folder ${dir}: ${(err as Error).message}`)
      }
    })
  )
  return removed
}

/** A folder's owner record and its last heartbeat (the record's mtime, else the folder's). */
async function readOwner(dir: string): Promise<{owner: StagingOwner | undefined; lastSeen: number}> {
  const record = path.join(dir, OWNER_FILE)
  try {
    const [text, info] = await Promise.all([readFile(record, 'utf8'), stat(record)])
    return {owner: parseOwner(text), lastSeen: info.mtimeMs}
  } catch {
    return {owner: undefined, lastSeen: (await stat(dir)).mtimeMs}
  }
}
