/**
 * Reclaiming a tool cache's space: the policy's selection (prune.ts) applied to what the tool cache
 * holds (inventory.ts), each removal made safely and written to the audit log. Shared by
 * `go-matrix toolchains prune` and the action's `toolchain-retention-days`.
 */
import type {Logger} from '../util/log.js'
import type {AuditLog} from './audit.js'
import {formatSize, listToolchains, type InstalledToolchain} from './inventory.js'
import {removeToolchain, selectForRemoval, type PrunePolicy} from './prune.js'

export interface PruneOutcome {
  toolchain: InstalledToolchain
  /** What the policy said. */
  reason: string
  /** `removed`, `would remove` (dry run), `held` (a running job holds it), `gone` (removed by another), `failed`. */
  result: 'removed' | 'would remove' | 'held' | 'gone' | 'failed'
  error?: string
}

export interface PruneReport {
  outcomes: PruneOutcome[]
  /** Bytes on disk the removals freed (or would free). */
  freed: number
}

export async function pruneToolCache(toolCacheDir: string, policy: PrunePolicy, options: {dryRun?: boolean; audit?: AuditLog; now?: Date} = {}): Promise<PruneReport> {
  const now = options.now ?? new Date()
  const toolchains = await listToolchains(toolCacheDir)
  const {remove, held} = selectForRemoval(
    toolchains.map(t => ({...t, held: t.liveLeases > 0})),
    policy,
    now
  )
  const outcomes: PruneOutcome[] = held.map(({candidate, reason}) => ({toolchain: candidate, reason, result: 'held'}))
  for (const {candidate, reason} of remove) {
    if (options.dryRun) {
      outcomes.push({toolchain: candidate, reason, result: 'would remove'})
      continue
    }
    let outcome: PruneOutcome
    try {
      const result = await removeToolchain(candidate.dir)
      outcome = {toolchain: candidate, reason: result === 'held' ? `${reason}, but a job took it meanwhile` : reason, result}
    } catch (err) {
      outcome = {toolchain: candidate, reason, result: 'failed', error: (err as Error).message}
    }
    outcomes.push(outcome)
    await options.audit?.append(
      {
        event: 'remove',
        version: candidate.version,
        arch: candidate.arch,
        path: candidate.dir,
        outcome: outcome.result === 'removed' ? 'ok' : outcome.result,
        detail: outcome.error ?? reason,
        ...(outcome.result === 'removed' ? {bytes: candidate.sizeOnDisk} : {})
      },
      now
    )
  }
  const freed = outcomes.filter(o => o.result === 'removed' || o.result === 'would remove').reduce((sum, o) => sum + o.toolchain.sizeOnDisk, 0)
  return {outcomes, freed}
}

/**
 * `toolchain-retention-days` at the end of a job: prunes what has not been used for that many days
 * and returns the footer's sentence (undefined when nothing was selected). Failures are warnings.
 */
export async function pruneForRetention(toolCacheDir: string, days: number, audit: AuditLog, logger: Logger): Promise<string | undefined> {
  let report: PruneReport
  try {
    report = await pruneToolCache(toolCacheDir, {unusedDays: days}, {audit})
  } catch (err) {
    logger.warning(`toolchain-retention-days: cannot prune ${toolCacheDir}: ${(err as Error).message}`)
    return undefined
  }
  for (const o of report.outcomes) {
    const what = `Go ${o.toolchain.version} (${o.toolchain.arch}) at ${o.toolchain.dir}`
    if (o.result === 'failed') logger.warning(`toolchain-retention-days: cannot remove ${what}: ${o.error}`)
    else logger.info(`toolchain-retention-days: ${o.result} ${what}: ${o.reason}`)
  }
  const removed = report.outcomes.filter(o => o.result === 'removed')
  const kept = report.outcomes.filter(o => o.result === 'held').length
  if (removed.length === 0 && kept === 0) return undefined
  const versions = removed.map(o => o.toolchain.version).join(', ')
  return `toolchain retention (${days} days): ${removed.length === 0 ? 'nothing removed' : `reclaimed ${formatSize(report.freed)} (Go ${versions})`}${kept > 0 ? `, ${kept} kept while a job holds ${kept === 1 ? 'it' : 'them'}` : ''}`
}
