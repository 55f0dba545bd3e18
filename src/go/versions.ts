/**
 * Go version specs and their resolution against a list of releases. Pure: no I/O; the caller passes
 * the releases available for its platform (see releases.ts) and gets concrete versions back.
 * Versions are ordered and matched as Go orders them (gover.ts); semver only reads and matches the
 * ranges a user may write (`^1.22`, `>=1.21 <1.24`).
 */
import semver from 'semver'
import {compareGoVersions} from './gover.js'

/** A Go release version, parsed: `1.22.12`, `1.20` (patch 0), `1.24rc1`, `1.9beta2`. */
export interface GoVersion {
  major: number
  minor: number
  patch: number
  prerelease?: {kind: 'beta' | 'rc'; number: number}
}

/** What a user asked for, parsed. */
export type VersionSpec =
  | {kind: 'exact'; version: GoVersion}
  | {kind: 'minor'; major: number; minor: number}
  | {kind: 'range'; range: string}
  | {kind: 'stable'}
  | {kind: 'oldstable'}

/** A release that has an archive for the platform being installed. */
export interface AvailableVersion {
  /** Go's form without the prefix: `1.22.12`, `1.24rc1`, `1.20`. */
  version: string
  stable: boolean
}

/** One spec to resolve and where it came from, for error messages (`go-versions`, `go-version-file go.mod`). */
export interface SpecRequest {
  spec: string
  source?: string
  /**
   * The spec is the oldest Go a module supports (a go.mod `go` or `toolchain` line), which any
   * newer release satisfies, as Go reads it: when no release of it is available, the newest patch
   * of the oldest newer minor stands in, with a note saying so.
   */
  minimum?: boolean
}

export interface ResolvedVersion {
  /** The spec as the user wrote it; `>=1.16` when a release newer than a minimum stood in for it. */
  spec: string
  /** Go's form without the prefix. */
  version: string
  /** Why the version is not the one the spec names (a minimum with no release of its own). */
  note?: string
}

/** A spec that cannot be parsed or matches no release: bad input, not a failure of the machine. */
export class VersionResolutionError extends Error {
  override name = 'VersionResolutionError'
}

const GO_VERSION = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(beta|rc)(\d+))?$/

/** Parses Go's own version form (`1.22.12`, `go1.24rc1`, `1.20`); undefined when it is not one. */
export function parseGoVersion(text: string): GoVersion | undefined {
  const match = GO_VERSION.exec(stripPrefix(text.trim()))
  if (!match) return undefined
  const [, major, minor, patch, kind, number] = match
  // Go never published a prerelease of a patch release (no `1.22.1rc1`).
  if (kind !== undefined && patch !== undefined) return undefined
  const version: GoVersion = {major: Number(major), minor: Number(minor ?? 0), patch: Number(patch ?? 0)}
  if (kind !== undefined) version.prerelease = {kind: kind as 'beta' | 'rc', number: Number(number)}
  return version
}

/** go1.20 -> 1.20.0, go1.21.0 -> 1.21.0, go1.24rc1 -> 1.24.0-rc.1, go1.9beta2 -> 1.9.0-beta.2. */
export function goToSemver(text: string): string {
  const version = parseGoVersion(text)
  if (!version) throw new VersionResolutionError(`${JSON.stringify(text)} is not a Go version`)
  const pre = version.prerelease ? `-${version.prerelease.kind}.${version.prerelease.number}` : ''
  return `${version.major}.${version.minor}.${version.patch}${pre}`
}

/**
 * 1.24.0-rc.1 -> 1.24rc1; 1.20.0 -> 1.20 (Go named x.y.0 releases `go1.x` until 1.21); 1.21.0 -> 1.21.0.
 */
export function semverToGo(text: string): string {
  const parsed = semver.parse(text)
  if (!parsed) throw new VersionResolutionError(`${JSON.stringify(text)} is not a semantic version`)
  const [kind, number] = parsed.prerelease
  if (kind === 'rc' || kind === 'beta') return `${parsed.major}.${parsed.minor}${kind}${number ?? ''}`
  if (parsed.patch === 0 && parsed.major === 1 && parsed.minor < 21) return `${parsed.major}.${parsed.minor}`
  return `${parsed.major}.${parsed.minor}.${parsed.patch}`
}

function stripPrefix(text: string): string {
  return text.replace(/^(go|v)(?=\d)/i, '')
}

const SPEC_FORMS = 'use 1.22.5, 1.22, 1.22.x, a range such as ^1.22 or ">=1.21 <1.24", stable, oldstable or 1.24rc1'

/** Parses one spec; throws a VersionResolutionError naming the spec and the accepted forms. */
export function parseVersionSpec(text: string, source = 'go-versions'): VersionSpec {
  const spec = stripPrefix(text.trim())
  const lower = spec.toLowerCase()
  if (lower === 'stable') return {kind: 'stable'}
  if (lower === 'oldstable') return {kind: 'oldstable'}
  const minor = /^(\d+)\.(\d+)(?:\.x)?$/i.exec(spec)
  if (minor) return {kind: 'minor', major: Number(minor[1]), minor: Number(minor[2])}
  if (/^\d+\.\d+\.\d+$/.test(spec) || /^\d+\.\d+(beta|rc)\d+$/.test(spec)) {
    const version = parseGoVersion(spec)
    if (version) return {kind: 'exact', version}
  }
  const asSemver = semver.valid(spec)
  if (asSemver) {
    const version = parseGoVersion(semverToGo(asSemver))
    if (version) return {kind: 'exact', version}
  }
  if (spec !== '' && semver.validRange(spec)) return {kind: 'range', range: spec}
  throw new VersionResolutionError(`${source}: ${JSON.stringify(text)} is not a Go version spec (${SPEC_FORMS})`)
}

interface Candidate extends AvailableVersion {
  semver: string
  parsed: GoVersion
}

/**
 * Resolves specs to concrete releases, in input order; a spec resolving to a version already resolved
 * is dropped (the first spec wins). Minors, ranges, `stable` and `oldstable` pick stable releases only;
 * an exact version matches a prerelease too. Throws a VersionResolutionError naming the spec and the
 * nearest available versions when one matches nothing.
 */
export function resolveVersions(
  specs: readonly (SpecRequest | string)[],
  available: readonly AvailableVersion[]
): ResolvedVersion[] {
  const candidates = toCandidates(available)
  const resolved: ResolvedVersion[] = []
  const seen = new Set<string>()
  for (const request of specs) {
    const {spec, source = 'go-versions', minimum = false} = typeof request === 'string' ? {spec: request} : request
    const found = minimum ? resolveMinimum(spec, source, candidates) : {spec, version: resolveOne(spec, source, candidates)}
    if (seen.has(found.version)) continue
    seen.add(found.version)
    resolved.push(found)
  }
  return resolved
}

/**
 * A minimum (a go.mod's `go 1.16`) resolves as its spec does; when nothing matches, the newest
 * patch of the oldest minor above it stands in: the oldest release Go would accept for it.
 */
function resolveMinimum(spec: string, source: string, candidates: readonly Candidate[]): ResolvedVersion {
  try {
    return {spec, version: resolveOne(spec, source, candidates)}
  } catch (err) {
    const floor = err instanceof VersionResolutionError ? parseGoVersion(spec) : undefined
    if (floor === undefined) throw err
    const newer = candidates.filter(c => c.stable && compareGoVersions(c.version, spec) >= 0)
    const oldest = newer[newer.length - 1]
    if (oldest === undefined) throw err
    // Candidates are newest first: the first of the oldest minor is its newest patch.
    const standIn = newer.find(c => c.parsed.major === oldest.parsed.major && c.parsed.minor === oldest.parsed.minor) as Candidate
    return {
      spec: `>=${spec}`,
      version: standIn.version,
      note: `${source}: no Go ${spec} release is available; the module's minimum is go ${spec}, which every newer Go satisfies, so Go ${standIn.version}, the oldest release that does, is tested in its place`
    }
  }
}

/** Resolves one spec to a Go version (without prefix). */
export function resolveVersion(spec: string, available: readonly AvailableVersion[], source = 'go-versions'): string {
  return resolveOne(spec, source, toCandidates(available))
}

function toCandidates(available: readonly AvailableVersion[]): Candidate[] {
  const candidates: Candidate[] = []
  for (const a of available) {
    const parsed = parseGoVersion(a.version)
    if (parsed) candidates.push({...a, parsed, semver: goToSemver(a.version)})
  }
  // Newest first, so that "the first that matches" is the newest.
  return candidates.sort((x, y) => compareGoVersions(y.version, x.version))
}

function resolveOne(spec: string, source: string, candidates: readonly Candidate[]): string {
  const parsed = parseVersionSpec(spec, source)
  const stable = candidates.filter(c => c.stable)
  const noMatch = (target: GoVersion | undefined, what = `no Go release matches ${JSON.stringify(spec)}`): never => {
    const nearest = nearestVersions(target, candidates)
    throw new VersionResolutionError(`${source}: ${what}${nearest.length ? `; nearest: ${nearest.join(', ')}` : ''}`)
  }
  switch (parsed.kind) {
    case 'exact': {
      // Go's order makes the release `1.20` and the spec `1.20.0` one version, as they are.
      const want = formatGoVersion(parsed.version)
      return candidates.find(c => compareGoVersions(c.version, want) === 0)?.version ?? noMatch(parsed.version)
    }
    case 'minor': {
      const {major, minor} = parsed
      return stable.find(c => c.parsed.major === major && c.parsed.minor === minor)?.version ?? noMatch({major, minor, patch: 0})
    }
    case 'range': {
      const match = stable.find(c => semver.satisfies(c.semver, parsed.range))
      if (match) return match.version
      const lowest = semver.minVersion(parsed.range)
      return noMatch(lowest ? parseGoVersion(semverToGo(lowest.version)) : undefined)
    }
    case 'stable':
      return stable[0]?.version ?? noMatch(undefined, 'the index lists no stable Go release for this platform')
    case 'oldstable': {
      const newest = stable[0]
      const older = newest && stable.find(c => c.parsed.major < newest.parsed.major || c.parsed.minor < newest.parsed.minor)
      return older?.version ?? noMatch(undefined, `the index lists no stable Go release older than ${newest?.version ?? 'the newest'} for this platform`)
    }
  }
}

function formatGoVersion(v: GoVersion): string {
  if (v.prerelease) return `${v.major}.${v.minor}${v.prerelease.kind}${v.prerelease.number}`
  return `${v.major}.${v.minor}.${v.patch}`
}

/**
 * The versions to suggest when nothing matched `target`: within the same minor its newest stable
 * release (or its prereleases when it has only those); otherwise the newest release of the closest
 * minor below and of the closest minor above (two from one side when the other has none).
 */
function nearestVersions(target: GoVersion | undefined, candidates: readonly Candidate[], count = 2): string[] {
  const stable = candidates.filter(c => c.stable)
  if (!target) return stable.slice(0, count).map(c => c.version)
  const sameMinor = candidates.filter(c => c.parsed.major === target.major && c.parsed.minor === target.minor)
  const sameMinorStable = sameMinor.filter(c => c.stable)
  if (sameMinorStable.length > 0) return sameMinorStable.slice(0, 1).map(c => c.version)
  if (sameMinor.length > 0) return sameMinor.slice(0, 3).map(c => c.version)
  // The newest stable release of each minor, newest minor first.
  const perMinor: Candidate[] = []
  for (const c of stable) {
    if (!perMinor.some(p => p.parsed.major === c.parsed.major && p.parsed.minor === c.parsed.minor)) perMinor.push(c)
  }
  const key = (v: {major: number; minor: number}): number => v.major * 10_000 + v.minor
  const below = perMinor.filter(c => key(c.parsed) < key(target))
  const above = perMinor.filter(c => key(c.parsed) > key(target)).reverse()
  const picked = below.length && above.length ? [above[0], below[0]] : [...above, ...below].slice(0, count)
  return picked
    .filter((c): c is Candidate => c !== undefined)
    .sort((a, b) => key(b.parsed) - key(a.parsed))
    .map(c => c.version)
}
