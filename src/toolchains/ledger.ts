/**
 * What the installer tells the tool cache about each toolchain it touches: a lease before it looks
 * (leases.ts), then the audit line (audit.ts) and the state beside the toolchain (state.ts: last
 * used, last verification). Bookkeeping never fails an install: a tool cache that refuses it turns
 * into one warning.
 */
import {AuditLog, type AuditEvent} from './audit.js'
import {LeaseHolder} from './leases.js'
import {writeState} from './state.js'
import type {Stamps} from './stamps.js'
import type {ToolchainVerification} from './verify.js'

export interface LedgerEntry {
  event: AuditEvent
  version: string
  arch: string
  outcome: string
  detail?: string
  /** How the toolchain now in place was checked; recorded as its state (absent: state untouched). */
  verification?: ToolchainVerification | 'damaged'
  /** The stamps the verification (or the install) took of the files that run, for the next fast check. */
  stamps?: Stamps
  /** And of the manifest. */
  manifestStamps?: Stamps
}

export class ToolchainLedger {
  readonly audit: AuditLog
  private warned = false

  constructor(
    toolCacheDir: string,
    private readonly warn: (message: string) => void,
    /** The job's leases; the pipeline releases them when the job ends. */
    readonly leases: LeaseHolder = new LeaseHolder(),
    env: NodeJS.ProcessEnv = process.env
  ) {
    this.audit = AuditLog.of(toolCacheDir, warn, env)
  }

  /** Leases the toolchain folder `dir` for this job; a failure is a warning (the job goes on without). */
  async lease(dir: string): Promise<void> {
    try {
      await this.leases.take(dir)
    } catch (err) {
      this.warnOnce(`cannot take a lease on ${dir} (toolchains prune may remove it while this job runs): ${(err as Error).message}`)
    }
  }

  async record(dir: string, entry: LedgerEntry, now = new Date()): Promise<void> {
    const {verification, stamps, manifestStamps, ...audit} = entry
    await this.audit.append({...audit, path: dir}, now)
    if (verification === undefined) return
    try {
      await writeState(dir, {lastUsed: now.toISOString(), lastVerified: now.toISOString(), verification, ...(stamps ? {stamps} : {}), ...(manifestStamps ? {manifestStamps} : {})})
    } catch (err) {
      this.warnOnce(`cannot record the use of ${dir}: ${(err as Error).message}`)
    }
  }

  private warnOnce(message: string): void {
    if (this.warned) return
    this.warned = true
    this.warn(message)
  }
}
