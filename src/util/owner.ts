/**
 * Owner records: who is using a folder or a toolchain (pid, host, pid namespace, start), kept fresh
 * by a heartbeat (the record's mtime), and when the owner is gone. Staging folders
 * (go/staging.ts) and toolchain leases (toolchains/leases.ts) use them.
 */
import {readlinkSync} from 'node:fs'
import os from 'node:os'

export const HEARTBEAT_MS = 30_000
/** Twenty missed heartbeats: no live owner is that late. */
export const STALE_AFTER_MS = 10 * 60_000
/** Who is using a staging folder or a toolchain. */
export interface StagingOwner {
  pid: number
  host: string
  /** Linux's pid namespace (`pid:[4026531836]`), '' elsewhere: a pid means something only inside its namespace. */
  pidNamespace: string
  started: string
}

/** This process, as a staging folder's owner. */
export function currentOwner(): StagingOwner {
  return {pid: process.pid, host: os.hostname(), pidNamespace: pidNamespace(), started: new Date().toISOString()}
}

let namespace: string | undefined
function pidNamespace(): string {
  if (namespace === undefined) {
    try {
      namespace = process.platform === 'linux' ? readlinkSync('/proc/self/ns/pid') : ''
    } catch {
      namespace = ''
    }
  }
  return namespace
}

/**
 * Whether a staging folder was abandoned. Pure: its owner record (undefined when missing or unreadable),
 * how long since its last heartbeat, where we run, and whether a pid is alive here.
 */
export function isAbandoned(
  owner: StagingOwner | undefined,
  silentForMs: number,
  here: Pick<StagingOwner, 'host' | 'pidNamespace'>,
  isAlive: (pid: number) => boolean
): boolean {
  if (silentForMs > STALE_AFTER_MS) return true
  if (!owner) return false
  const sameMachine = owner.host === here.host && owner.pidNamespace === here.pidNamespace
  return sameMachine && !isAlive(owner.pid)
}

/** Whether a process with this pid exists here (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function parseOwner(text: string): StagingOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<StagingOwner>
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.pidNamespace === 'string' && typeof value.started === 'string') {
      return value as StagingOwner
    }
  } catch {
    // An unreadable record is judged by its age alone.
  }
  return undefined
}
