/**
 * Pruning a tool cache: which toolchains a policy selects (selectForRemoval, pure), and removing one
 * so that no job ever sees half a toolchain nor loses one it holds (removeToolchain).
 *
 * The removal's order pairs with the installer's (take a lease, then look for the marker):
 *   1. a live lease: keep it;
 *   2. remove the `.complete` marker: from now on a job that looks finds no toolchain and installs
 *      its own;
 *   3. look for leases again: a job that leased it before step 2 may have seen the marker and be
 *      using it, so put the marker back and keep it;
 *   4. rename the folder aside (`<arch>.removing-*`), and only then delete it and its sidecars. If
 *      what was renamed is not the folder seen at step 1 (a job reinstalled the version in between),
 *      it is renamed back.
 */
import {existsSync} from 'node:fs'
import {lstat, rename, rm, rmdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import semver from 'semver'
import {removingPathOf, sidecarsOf} from './layout.js'
import {hasLiveLease, leasesOf} from './leases.js'

export interface PrunePolicy {
  /** Remove toolchains not used for this many days. */
  unusedDays?: number
  /** Keep the K newest patch releases of each minor version (per architecture); remove older ones. */
  keepNewestPatches?: number
  /** Then remove the least recently used until the toolchains take at most this many bytes. */
  maxSize?: number
}

export interface PruneCandidate {
  version: string
  arch: string
  dir: string
  lastUsed: Date | undefined
  sizeOnDisk: number
  /** A running job holds a lease on it. */
  held: boolean
}

export interface Selection<T extends PruneCandidate> {
  candidate: T
  /** Why the policy selects it, or why a selected one stays: `unused for 41 days`, `held by a running job`. */
  reason: string
}

const DAY_MS = 24 * 60 * 60_000

/** minor series of a semver folder name: `1.22` of `1.22.12`; the name itself when it is not semver. */
function seriesOf(version: string): string {
  const parsed = semver.parse(version)
  return parsed ? `${parsed.major}.${parsed.minor}` : version
}

function newestFirst(a: string, b: string): number {
  const [pa, pb] = [semver.valid(a), semver.valid(b)]
  if (pa && pb) return semver.rcompare(pa, pb)
  return pa ? -1 : pb ? 1 : a < b ? 1 : -1
}

/** Pure: what the policy removes and, of those it selects, what it must keep because a job holds it. */
export function selectForRemoval<T extends PruneCandidate>(
  candidates: readonly T[],
  policy: PrunePolicy,
  now: Date
): {remove: Selection<T>[]; held: Selection<T>[]} {
  const reasons = new Map<T, string>()
  if (policy.unusedDays !== undefined) {
    const cutoff = now.getTime() - policy.unusedDays * DAY_MS
    for (const c of candidates) {
      if (c.lastUsed === undefined) reasons.set(c, 'never recorded as used')
      else if (c.lastUsed.getTime() < cutoff) reasons.set(c, `unused for ${Math.floor((now.getTime() - c.lastUsed.getTime()) / DAY_MS)} days`)
    }
  }
  if (policy.keepNewestPatches !== undefined) {
    const groups = new Map<string, T[]>()
    for (const c of candidates) {
      const key = `${seriesOf(c.version)} ${c.arch}`
      groups.set(key, [...(groups.get(key) ?? []), c])
    }
    for (const group of groups.values()) {
      const sorted = [...group].sort((a, b) => newestFirst(a.version, b.version))
      for (const c of sorted.slice(policy.keepNewestPatches)) {
        if (!reasons.has(c)) reasons.set(c, `older than the ${policy.keepNewestPatches} newest of Go ${seriesOf(c.version)}`)
      }
    }
  }
  if (policy.maxSize !== undefined) {
    let total = candidates.filter(c => !reasons.has(c) || c.held).reduce((sum, c) => sum + c.sizeOnDisk, 0)
    const byAge = candidates.filter(c => !reasons.has(c) && !c.held).sort((a, b) => (a.lastUsed?.getTime() ?? 0) - (b.lastUsed?.getTime() ?? 0))
    for (const c of byAge) {
      if (total <= policy.maxSize) break
      reasons.set(c, `least recently used while the toolchains exceed ${policy.maxSize} bytes`)
      total -= c.sizeOnDisk
    }
  }
  const selected = candidates.filter(c => reasons.has(c)).map(candidate => ({candidate, reason: reasons.get(candidate) as string}))
  return {
    remove: selected.filter(s => !s.candidate.held),
    held: selected.filter(s => s.candidate.held).map(s => ({...s, reason: `${s.reason}, but held by a running job`}))
  }
}

export type Removal = 'removed' | 'held' | 'gone'

/** Removes the toolchain at `dir` and its sidecars, as the module comment says. */
export async function removeToolchain(dir: string): Promise<Removal> {
  const sidecars = sidecarsOf(dir)
  if (await hasLiveLease(dir)) return 'held'
  let seen
  try {
    seen = await lstat(dir)
  } catch {
    return 'gone'
  }
  const hadMarker = existsSync(sidecars.marker)
  await rm(sidecars.marker, {force: true})
  if (await hasLiveLease(dir)) {
    if (hadMarker) await writeFile(sidecars.marker, '')
    return 'held'
  }
  const aside = removingPathOf(dir)
  try {
    await rename(dir, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw err
  }
  const moved = await lstat(aside)
  if (moved.ino !== seen.ino || moved.dev !== seen.dev) {
    // A job reinstalled the version between our look and the rename: that copy is its, give it back.
    await rename(aside, dir).catch(() => rm(aside, {recursive: true, force: true}))
    return 'held'
  }
  await Promise.all([rm(sidecars.manifest, {force: true}), rm(sidecars.state, {force: true}), ...(await leasesOf(dir)).filter(l => !l.live).map(l => rm(l.file, {force: true}))])
  await rm(aside, {recursive: true, force: true})
  // Only when empty: a lease a job just took (it will find no marker and install its own) stays.
  await rmdir(sidecars.leases).catch(() => undefined)
  await rmdir(path.dirname(dir)).catch(() => undefined)
  return 'removed'
}
