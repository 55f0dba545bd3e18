/**
 * Leases: how a job tells `toolchains prune` (and the action's retention) that it is using a
 * toolchain. A job takes one before it looks for the toolchain, as a file
 * `<arch>.leases/<random>.json` holding its owner record (staging.ts's: pid, host, pid namespace,
 * start), touches it every HEARTBEAT_MS while it runs and removes it at the end. A lease is dead
 * exactly when a staging folder is abandoned: its process is gone (same host and pid namespace), or
 * nothing touched it for STALE_AFTER_MS (a job on another host sharing the tool cache, a reused
 * pid). So a crashed or killed job cannot hold a toolchain forever.
 *
 * With prune's order (remove the marker, then look for leases; prune.ts), a job either has its
 * lease seen or finds no marker and installs the version itself: never half a toolchain.
 */
import {randomBytes} from 'node:crypto'
import {mkdir, readdir, readFile, rm, rmdir, stat, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {currentOwner, HEARTBEAT_MS, isAbandoned, parseOwner, processAlive, type StagingOwner} from '../util/owner.js'
import {sidecarsOf} from './layout.js'

export interface Lease {
  file: string
  /** undefined when the file could not be read (being written, or damaged): its age alone decides. */
  owner: StagingOwner | undefined
  /** Its last heartbeat. */
  renewedAt: Date
  live: boolean
}

/** The leases on the toolchain at `dir`, live and dead. */
export async function leasesOf(dir: string, now = Date.now()): Promise<Lease[]> {
  const folder = sidecarsOf(dir).leases
  let names: string[]
  try {
    names = (await readdir(folder)).filter(n => n.endsWith('.json'))
  } catch {
    return []
  }
  const here = currentOwner()
  const leases = await Promise.all(
    names.map(async (name): Promise<Lease | undefined> => {
      const file = path.join(folder, name)
      try {
        const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
        const owner = parseOwner(text)
        return {file, owner, renewedAt: info.mtime, live: !isAbandoned(owner, now - info.mtimeMs, here, processAlive)}
      } catch {
        // Released while we looked.
        return undefined
      }
    })
  )
  return leases.filter((l): l is Lease => l !== undefined)
}

export async function hasLiveLease(dir: string): Promise<boolean> {
  return (await leasesOf(dir)).some(l => l.live)
}

/** A job's leases: taken before a toolchain is looked at, renewed while the job runs, released at its end. */
export class LeaseHolder {
  private readonly files = new Set<string>()
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly heartbeatMs = HEARTBEAT_MS) {}

  /** Takes a lease on the toolchain at `dir` (whether or not it is installed yet). */
  async take(dir: string): Promise<void> {
    const folder = sidecarsOf(dir).leases
    await mkdir(folder, {recursive: true})
    const file = path.join(folder, `${randomBytes(8).toString('hex')}.json`)
    await writeFile(file, `${JSON.stringify(currentOwner())}\n`)
    this.files.add(file)
    // The heartbeat alone must not keep a finished process alive.
    this.timer ??= setInterval(() => void this.renew(), this.heartbeatMs).unref()
  }

  async renew(now = new Date()): Promise<void> {
    await Promise.all([...this.files].map(f => utimes(f, now, now).catch(() => undefined)))
  }

  get held(): readonly string[] {
    return [...this.files]
  }

  /**
   * Releases the lease on `dir` (an install that failed), and the folders the lease made when they
   * hold nothing else, so that a failed install leaves the tool cache as it was.
   */
  async release(dir: string): Promise<void> {
    const folder = sidecarsOf(dir).leases
    for (const file of this.files) {
      if (path.dirname(file) !== folder) continue
      this.files.delete(file)
      await rm(file, {force: true})
    }
    await rmdir(folder).catch(() => undefined)
    await rmdir(path.dirname(dir)).catch(() => undefined)
  }

  async releaseAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    const files = [...this.files]
    this.files.clear()
    await Promise.all(files.map(f => rm(f, {force: true})))
  }
}
