/**
 * installGo: resolves the requested Go versions against go.dev's index (fetched once) and makes each
 * one available, looking in order at the local toolchains, the runner's tool cache, the Actions cache,
 * and finally downloading (verified, streamed, atomic). Versions install concurrently, bounded.
 *
 * Cancellation (the request's signal) stops every download, extraction, backoff and cache restore at
 * once; what was staged is removed before installGo rejects, so the tool cache never holds a partial
 * toolchain. Each download also has a deadline over all its attempts, on top of the idle timeout.
 */
import {randomBytes} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {restoreEntry, saveEntry, actionsCacheClient, type CacheClient} from '../transport/actions-cache.js'
import {extractTarGz, extractVerifiedZip, saveVerified} from './archive.js'
import {HttpError, openStream, withRetries, type RetryOptions} from '../transport/http.js'
import {abortable, formatDuration, withDeadline} from '../transport/retry.js'
import {goVersionAt} from './local.js'
import {currentPlatform, goBinary, type Platform} from './platform.js'
import {mapBounded} from '../util/pool.js'
import {archiveUrl, availableVersions, fetchReleases, findArchive, indexUrl, type GoRelease, type GoReleaseFile} from './releases.js'
import {createStaging, removeAbandonedStaging, STAGING_PREFIX} from './staging.js'
import type {Toolchain, ToolchainSource, ToolchainVerification} from './toolchain.js'
import {readVersionFile, type DeclaredVersion} from './version-file.js'
import {isPrerelease} from './gover.js'
import {goToSemver, resolveVersions, type AvailableVersion, type SpecRequest} from './versions.js'
import {silentLogger, type Logger} from '../util/log.js'
import {treeFromDisk} from '../toolchains/disk-tree.js'
import {sidecarsOf, stampWrittenManifest, writeFileAtomically} from '../toolchains/layout.js'
import {buildManifest, formatManifest} from '../toolchains/manifest.js'
import {isExecutedFile, type TreeEntry} from '../toolchains/tree.js'
import {replaceToolchain} from '../toolchains/replace.js'
import {checkOutcome, checksOf, checkToolchain, type Expected} from './reuse.js'
import type {VerifyLevel} from '../toolchains/verify.js'
import type {AuditEvent} from '../toolchains/audit.js'
import {ToolchainLedger} from '../toolchains/ledger.js'
import {readState, type PreviousChecks} from '../toolchains/state.js'
import {stampFiles} from '../toolchains/stamps.js'
import {TOOL_VERSION} from '../util/version.js'

export interface InstallRequest {
  /** `go-versions`, one spec each. */
  specs: readonly string[]
  /** `go-version-file`: an absolute path, or '' for none. Its version is added after `specs`. */
  versionFile?: string
  /** `download-base-url`: `{base}/?mode=json&include=all` and `{base}/{filename}`. */
  downloadBaseUrl: string
  /** GOROOTs already on the machine, used when their `go version` is the resolved version. */
  localToolchains?: readonly string[]
  /** Use the Actions cache (when the service is available). */
  cache?: boolean
  /** RUNNER_TOOL_CACHE: toolchains live at <toolCacheDir>/go/<semver>/<arch> (setup-go's layout). */
  toolCacheDir: string
  /** RUNNER_TEMP: zip downloads are staged here. */
  tempDir: string
  /** Versions installed at once. Default 3. */
  concurrency?: number
  platform?: Platform
  logger?: Logger
  retry?: RetryOptions
  /** Defaults to the Actions cache service. */
  toolchainCache?: CacheClient
  /**
   * How a toolchain found installed is checked against its install manifest before it is used
   * (`verify`): `fast` (default) or `full`. An Actions cache restore is always checked fully.
   */
  verify?: VerifyLevel
  /**
   * Leases, audit log and state for the toolchains of the tool cache (toolchains/ledger.ts). The
   * pipeline passes one and releases its leases when the job ends; by default installGo makes one
   * whose leases end with the process.
   */
  ledger?: ToolchainLedger
  /**
   * Cancels the install: downloads, extraction, backoffs and cache restores stop at once, what was
   * staged is removed, and installGo rejects with a message that starts with the reason's message
   * (`cancelled by SIGTERM while installing Go 1.27.4; …`).
   */
  signal?: AbortSignal
  /**
   * How long one download (the index, or one archive with all its attempts) may take in all, however
   * steadily bytes arrive: the idle timeout (retry.idleTimeoutMs) catches a silent server, this one a
   * server that drips. Default DEFAULT_DOWNLOAD_TIMEOUT_MS.
   */
  downloadTimeoutMs?: number
  /** Called with the resolved versions before any is installed (carried caches start restoring then). */
  onResolved?: (versions: readonly string[]) => void
}

/** 10 minutes: a Go archive (70-80 MB) at 130 kB/s, retries included. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10 * 60_000
/** Where the action and the command line read downloadTimeoutMs from, in minutes. */
export const DOWNLOAD_TIMEOUT_VARIABLE = 'GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES'

/** The value of GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES in milliseconds; undefined when it is unset or empty. */
export function parseDownloadTimeout(minutes: string | undefined): number | undefined {
  if (minutes === undefined || minutes.trim() === '') return undefined
  const value = Number(minutes.trim())
  if (!/^\d*\.?\d+$/.test(minutes.trim()) || !(value > 0)) {
    throw new Error(`${DOWNLOAD_TIMEOUT_VARIABLE}: ${JSON.stringify(minutes)} is not a positive number of minutes (the deadline of one toolchain download, default ${DEFAULT_DOWNLOAD_TIMEOUT_MS / 60_000})`)
  }
  return Math.round(value * 60_000)
}

/** Installs every requested version; returns them in input order, without duplicates. */
export async function installGo(request: InstallRequest): Promise<Toolchain[]> {
  const stopped = new Set<string>()
  try {
    return await install(request, stopped)
  } catch (err) {
    const {signal} = request
    if (!signal?.aborted) throw err
    const during = stopped.size > 0 ? ` while installing ${[...stopped].map(v => `Go ${v}`).join(', ')}` : ''
    throw new Error(`${abortReason(signal.reason)}${during}; the tool cache holds no partial toolchain`, {cause: err})
  }
}

async function install(request: InstallRequest, stopped: Set<string>): Promise<Toolchain[]> {
  const {signal} = request
  signal?.throwIfAborted()
  const logger = request.logger ?? silentLogger
  const platform = request.platform ?? currentPlatform()
  const retry: RetryOptions = {onRetry: message => logger.warning(message), ...request.retry}
  // Folders of killed jobs go while the index downloads; the installs below stage their own.
  const sweeping = removeAbandonedStaging(path.join(request.toolCacheDir, 'go'), logger).catch(err => {
    logger.warning(`cannot look for abandoned staging folders in ${request.toolCacheDir}: ${(err as Error).message}`)
  })
  const context: InstallContext = {
    request,
    platform,
    logger,
    retry,
    releases: undefined,
    locals: new Map(),
    cache: request.toolchainCache ?? actionsCacheClient,
    signal,
    downloadTimeoutMs: request.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
    stopped,
    ledger: request.ledger ?? new ToolchainLedger(request.toolCacheDir, message => logger.warning(message))
  }
  let available: AvailableVersion[]
  let declared: DeclaredVersion | undefined
  const specs: SpecRequest[] = request.specs.map(spec => ({spec, source: 'go-versions'}))
  try {
    declared = request.versionFile ? await readVersionFile(request.versionFile) : undefined
    if (declared?.assumed) logger.warning(declared.assumed)
    context.locals = await inspectLocalToolchains(request.localToolchains ?? [], platform, logger)
    ;({releases: context.releases, available} = await loadIndex(context))
  } finally {
    await sweeping
  }
  const resolved = resolveVersions(specs, available)
  if (declared) {
    // The file's version comes after the named ones, and only when none of them is that version.
    // A version chosen by a rule (Go's default for a missing go line, a newer release standing in
    // for a minimum) carries the sentence saying so, for the report.
    const [fromFile] = resolveVersions([{spec: declared.spec, source: `go-version-file: ${request.versionFile}`, minimum: declared.minimum === true}], available)
    if (fromFile?.note) logger.warning(fromFile.note)
    const note = [declared.assumed, fromFile?.note].filter(Boolean).join(' ')
    if (fromFile && !resolved.some(r => r.version === fromFile.version)) resolved.push({...fromFile, ...(note ? {note} : {})})
  }
  request.onResolved?.(resolved.map(r => r.version))
  return mapBounded(resolved, request.concurrency ?? 3, async ({spec, version, note}) => {
    const toolchain = await installVersion(spec, version, context)
    return note ? {...toolchain, note} : toolchain
  })
}

interface InstallContext {
  request: InstallRequest
  platform: Platform
  logger: Logger
  retry: RetryOptions
  releases: GoRelease[] | undefined
  locals: Map<string, string>
  cache: CacheClient
  signal: AbortSignal | undefined
  downloadTimeoutMs: number
  /** The versions whose install the signal stopped, for the message that says so. */
  stopped: Set<string>
  ledger: ToolchainLedger
}

/** An abort's reason as text: an Error's message (`cancelled by SIGTERM`), a string, else `cancelled`. */
function abortReason(reason: unknown): string {
  if (reason instanceof Error && reason.message) return reason.message
  return typeof reason === 'string' && reason !== '' ? reason : 'cancelled'
}

/** The error that ends a download past its deadline: not retried, since the deadline covers every attempt. */
function deadlineError(what: string, url: string, ms: number): HttpError {
  return new HttpError(
    `${what}: the download from ${url} did not finish within ${formatDuration(ms)} (the download timeout: ${DOWNLOAD_TIMEOUT_VARIABLE} for the action and the command line, downloadTimeoutMs for the library)`,
    false
  )
}

/** version -> GOROOT, the first directory wins; unusable directories are warnings. */
async function inspectLocalToolchains(dirs: readonly string[], platform: Platform, logger: Logger): Promise<Map<string, string>> {
  const found = await Promise.all(
    dirs.map(async dir => {
      try {
        return {dir, version: await goVersionAt(dir, platform)}
      } catch (err) {
        logger.warning(`local-toolchains: ${dir} is not usable: ${(err as Error).message}`)
        return undefined
      }
    })
  )
  const byVersion = new Map<string, string>()
  for (const f of found) if (f && !byVersion.has(f.version)) byVersion.set(f.version, f.dir)
  return byVersion
}

async function loadIndex(context: InstallContext): Promise<{releases: GoRelease[] | undefined; available: AvailableVersion[]}> {
  const {retry, locals, platform, logger, downloadTimeoutMs: timeout} = context
  const baseUrl = context.request.downloadBaseUrl
  try {
    const expired = (): Error => deadlineError('the Go release index', indexUrl(baseUrl), timeout)
    const releases = await withDeadline(timeout, expired, context.signal, signal => fetchReleases(baseUrl, retry, signal))
    return {releases, available: availableVersions(releases, platform)}
  } catch (err) {
    context.signal?.throwIfAborted()
    if (locals.size === 0) {
      throw new Error(`cannot fetch the Go release index from ${baseUrl}: ${(err as Error).message}`, {cause: err})
    }
    // Offline with toolchains on the machine (the command line, a self-hosted runner): use those.
    logger.warning(`cannot fetch the Go release index from ${baseUrl} (${(err as Error).message}); resolving against local-toolchains: ${[...locals.keys()].join(', ')}`)
    return {releases: undefined, available: [...locals.keys()].map(version => ({version, stable: !isPrerelease(version)}))}
  }
}

async function installVersion(spec: string, version: string, context: InstallContext): Promise<Toolchain> {
  context.signal?.throwIfAborted()
  try {
    return await findOrInstall(spec, version, context)
  } catch (err) {
    if (context.signal?.aborted) context.stopped.add(version)
    throw err
  }
}

async function findOrInstall(spec: string, version: string, context: InstallContext): Promise<Toolchain> {
  const started = performance.now()
  const {request, platform, logger} = context
  const level = request.verify ?? 'fast'
  const done = (source: ToolchainSource, goroot: string, sha256: string, verified: ToolchainVerification, recovery?: string): Toolchain => {
    const seconds = Math.round(performance.now() - started) / 1000
    const how = verified === 'archive' ? 'verified archive' : verified === 'unverified' ? 'unverified: no install manifest' : `verified ${verified}`
    logger.info(`Go ${version} (${spec}): ${source} ${goroot} (${how}${recovery ? ', recovered' : ''}) in ${seconds.toFixed(2)} s`)
    return {spec, version, goroot, sha256, source, seconds, verified, ...(recovery ? {recovery} : {})}
  }
  const expected = {version, os: platform.os, arch: platform.arch, goBinary: platform.goBinary}

  const local = context.locals.get(version)
  let localProblem = ''
  if (local) {
    const check = await checkToolchain(local, expected, level)
    if (check.ok) return done('local', local, '', check.verified)
    // Not ours to repair: the version comes from the tool cache or a download instead.
    localProblem = `local-toolchains: ${local} ${check.problem}`
    logger.warning(`${localProblem}; not using it`)
  }

  const found = context.releases && findArchive(context.releases, version, platform)
  if (!found) throw new Error(`${localProblem ? `${localProblem}, and ` : ''}Go ${version}: no ${platform.os}-${platform.arch} archive in the index of ${request.downloadBaseUrl}`)
  const {file} = found
  const dir = toolCachePath(request.toolCacheDir, version, platform)
  const {ledger} = context
  const record = (event: AuditEvent, outcome: string, verification?: ToolchainVerification | 'damaged', detail?: string, checks?: PreviousChecks): Promise<void> =>
    ledger.record(dir, {event, version, arch: platform.toolCacheArch, outcome, verification, ...(detail ? {detail} : {}), ...checks})
  // Leased before looking: toolchains prune removes the marker before it checks leases (toolchains/prune.ts).
  await ledger.lease(dir)
  try {
    let damage: string | undefined
    if (isComplete(dir, platform)) {
      const check = await checkToolchain(dir, {...expected, sha256: file.sha256}, level, await readState(dir))
      if (check.ok) {
        await record('reuse', checkOutcome(check), check.verified, undefined, checksOf(check))
        return done('tool-cache', dir, file.sha256, check.verified)
      }
      damage = `the toolchain in ${dir} ${check.problem}`
      logger.warning(`Go ${version}: ${damage}; moving it aside and reinstalling it from the verified archive`)
      await record('verify', 'damaged', 'damaged', check.problem)
    }

    const key = toolchainCacheKey(version, platform.os, platform.arch, file.sha256)
    const useCache = request.cache === true && (await cacheAvailable(context))
    // A damaged toolchain is replaced from the archive: a restore would write into the folder in place.
    if (useCache && damage === undefined) {
      const restore = await restoreFromCache(dir, key, {...expected, sha256: file.sha256}, context)
      if (typeof restore === 'object' && 'restored' in restore) {
        await record('install', 'ok', 'full', `restored from the Actions cache (key ${key}), verified full`, restore.restored)
        return done('cache', dir, file.sha256, 'full')
      }
      if (typeof restore === 'object' && 'damage' in restore) damage = restore.damage
    }

    const placed = await downloadAndPlace(version, file, dir, context, damage !== undefined && isComplete(dir, platform))
    if (!placed) logger.info(`Go ${version}: another job installed it at ${dir} first; using that verified copy`)
    if (useCache && placed) {
      try {
        await abortable(saveEntry({paths: toolchainCachePaths(dir), key, client: context.cache}), context.signal)
      } catch (err) {
        context.signal?.throwIfAborted()
        logger.warning(`Go ${version}: saving to the Actions cache failed: ${(err as Error).message}`)
      }
    }
    const recovery = damage && `${damage}; it was moved aside and Go ${version} reinstalled from the verified archive`
    if (placed) await record(damage ? 'recover' : 'install', 'ok', 'archive', `from ${archiveUrl(request.downloadBaseUrl, file.filename)} (sha256 ${file.sha256})`, placed)
    else await record('reuse', 'installed by another job', 'archive')
    return done('download', dir, file.sha256, 'archive', recovery)
  } catch (err) {
    // Nothing of this version is in use: no lease may outlive the failed install.
    await ledger.leases.release(dir)
    await record('install', 'failed', undefined, (err as Error).message)
    throw err
  }
}

/** `go-matrix-go-<version>-<os>-<arch>-<sha256>`: a new archive digest never restores an old toolchain. */
export function toolchainCacheKey(version: string, os: string, arch: string, sha256: string): string {
  return `go-matrix-go-${version}-${os}-${arch}-${sha256}`
}

/**
 * What a toolchain's cache entry holds: its folder and its install manifest beside it, so that a
 * restored toolchain is verified against the manifest written when it was installed.
 */
export function toolchainCachePaths(dir: string): string[] {
  return [dir, sidecarsOf(dir).manifest]
}

/** <toolCacheDir>/go/<semver>/<arch>, the layout of actions/tool-cache and setup-go. */
export function toolCachePath(toolCacheDir: string, version: string, platform: Platform): string {
  return path.join(toolCacheDir, 'go', goToSemver(version), platform.toolCacheArch)
}

/** A tool cache entry counts only with its `<arch>.complete` marker and a go binary. */
function isComplete(dir: string, platform: Platform): boolean {
  return existsSync(`${dir}.complete`) && existsSync(goBinary(dir, platform))
}

async function cacheAvailable(context: InstallContext): Promise<boolean> {
  try {
    return await context.cache.available()
  } catch (err) {
    context.logger.warning(`the Actions cache is not usable: ${(err as Error).message}`)
    return false
  }
}

/**
 * Restores from the Actions cache into the tool cache, with the manifest saved beside the toolchain,
 * and verifies it fully before marking it: a miss, a failing service or a restore without its
 * manifest is a warning and a miss; a restored tree that differs from its manifest is damage (the
 * caller downloads instead and reports the recovery). The cache client takes no signal: on
 * cancellation we stop waiting and never mark what it restores, so the directory stays untrusted
 * (the next install replaces it).
 */
async function restoreFromCache(dir: string, key: string, expected: Expected, context: InstallContext): Promise<{restored: PreviousChecks} | 'miss' | {damage: string}> {
  const {version} = expected
  const discard = (): Promise<void> => Promise.all(toolchainCachePaths(dir).map(p => rm(p, {recursive: true, force: true}))).then(() => undefined)
  try {
    // A markerless directory there is not ours to trust; the restore starts from nothing.
    await discard()
    if ((await abortable(restoreEntry({paths: toolchainCachePaths(dir), key, client: context.cache}), context.signal)).outcome === 'miss') return 'miss'
    if (!existsSync(sidecarsOf(dir).manifest)) throw new Error('the cache entry holds no install manifest')
    const check = await checkToolchain(dir, expected, 'full')
    context.signal?.throwIfAborted()
    if (!check.ok) {
      const damage = `the toolchain restored from the Actions cache (key ${key}) ${check.problem}`
      context.logger.warning(`Go ${version}: ${damage}; downloading it instead`)
      await discard()
      return {damage}
    }
    await writeFile(sidecarsOf(dir).marker, '')
    return {restored: checksOf(check)}
  } catch (err) {
    if (context.signal?.aborted) {
      await discard().catch(() => undefined)
      throw err
    }
    context.logger.warning(`Go ${version}: restoring from the Actions cache (key ${key}) failed: ${(err as Error).message}; downloading instead`)
    await discard().catch(() => undefined)
    return 'miss'
  }
}

/**
 * Downloads, verifies and extracts into a staging directory beside the target (same file system),
 * then renames it into place, or in place of the damaged toolchain there (`replace`). Returns the
 * stamps of the files that run and of the manifest, taken as they were written (so that the first
 * reuse need not hash them again), or undefined when another job placed the same version first. The
 * staging directory goes in every case: on success, failure and cancellation alike.
 */
async function downloadAndPlace(version: string, file: GoReleaseFile, dir: string, context: InstallContext, replace: boolean): Promise<PreviousChecks | undefined> {
  const {request, platform} = context
  const goDir = path.join(request.toolCacheDir, 'go')
  await mkdir(goDir, {recursive: true})
  const staging = await createStaging(goDir, `${STAGING_PREFIX}${goToSemver(version)}-${platform.toolCacheArch}-`)
  try {
    const url = archiveUrl(request.downloadBaseUrl, file.filename)
    const timeout = context.downloadTimeoutMs
    const extracted = await withDeadline(timeout, () => deadlineError(file.filename, url, timeout), context.signal, signal =>
      withRetries(
        context.retry,
        async attempt => {
          const target = path.join(staging.dir, `attempt-${attempt}`)
          await mkdir(target)
          try {
            return {target, tree: await fetchAndExtract(url, file, target, version, context, signal)}
          } catch (err) {
            await rm(target, {recursive: true, force: true})
            throw err
          }
        },
        signal
      )
    )
    const root = path.join(extracted.target, 'go')
    if (!existsSync(goBinary(root, platform))) {
      throw new Error(`${file.filename}: the archive holds no go/bin/${platform.goBinary}`)
    }
    const manifest = buildManifest({
      version,
      os: platform.os,
      arch: platform.arch,
      source: {url, archive: file.filename, sha256: file.sha256.toLowerCase()},
      installedAt: new Date(),
      installer: `go-matrix ${TOOL_VERSION}`,
      entries: extracted.tree
    })
    // Every file was hashed from the verified archive as it was written, in a folder no other process
    // knows yet: stamped now, the files that run need no hashing at the first reuse (stamps.ts).
    const stamps = stampFiles(root, extracted.tree.flatMap(e => (e.type === 'file' && isExecutedFile(e.path) ? [e.path] : [])), true)
    // A cancelled install adds nothing to the tool cache, not even a whole toolchain.
    context.signal?.throwIfAborted()
    const text = formatManifest(manifest)
    const placed = replace ? await replaceToolchain(root, dir, text) : await placeAtomically(root, dir, platform, context.logger, text)
    return placed ? {stamps, manifestStamps: await stampWrittenManifest(dir)} : undefined
  } finally {
    staging.release()
    await rm(staging.dir, {recursive: true, force: true})
  }
}

/** Downloads, verifies and extracts into `target`; returns the tree extracted under go/, every file hashed. */
async function fetchAndExtract(url: string, file: GoReleaseFile, target: string, version: string, context: InstallContext, signal: AbortSignal): Promise<TreeEntry[]> {
  const {body, length} = await openStream(url, {
    what: file.filename,
    notFoundHint: `is ${version} a released version?`,
    idleTimeoutMs: context.retry.idleTimeoutMs,
    signal
  })
  const verify = {archive: file.filename, url, sha256: file.sha256, length, signal}
  if (context.platform.archive === '.tar.gz') {
    // The tree is hashed as the archive streams through.
    return (await extractTarGz(body, {...verify, dest: target})).tree
  }
  const download = path.join(context.request.tempDir, `go-matrix-${randomBytes(6).toString('hex')}-${file.filename}`)
  await mkdir(context.request.tempDir, {recursive: true})
  try {
    await saveVerified(body, {...verify, file: download})
    await extractVerifiedZip(download, target, file.filename, signal)
    // A zip cannot be extracted as it streams (its directory is at its end), so its tree is read back.
    return await treeFromDisk(path.join(target, 'go'))
  } finally {
    await rm(download, {force: true})
  }
}

const TARGET_EXISTS = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'EISDIR'])

/**
 * Renames a verified toolchain into the tool cache, then writes its manifest (when given: the JSON
 * text) and the marker, in that order, so that a marked toolchain has its manifest. rename() is
 * atomic, so a directory there came whole from some job. When the target exists: with its marker,
 * another job won the race and its toolchain is used; without one, wait briefly (the winner writes
 * the marker right after its rename), then treat it as a stray (an interrupted run, a half-copied
 * tool-cache entry): move it aside and put ours in its place.
 */
export async function placeAtomically(source: string, dir: string, platform: Platform, logger: Logger = silentLogger, manifest?: string): Promise<boolean> {
  await mkdir(path.dirname(dir), {recursive: true})
  const {marker, manifest: manifestFile} = sidecarsOf(dir)
  for (let round = 1; ; round++) {
    try {
      await rename(source, dir)
      if (manifest !== undefined) await writeFileAtomically(manifestFile, manifest)
      await writeFile(marker, '')
      return true
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (code === 'ENOENT' && existsSync(source) && round < 5) {
        // Someone removed the version directory between our mkdir and rename (a cleanup): recreate it.
        await mkdir(path.dirname(dir), {recursive: true})
        continue
      }
      if (!TARGET_EXISTS.has(code) || !existsSync(dir)) {
        throw new Error(`cannot move the toolchain into ${dir}: ${(err as Error).message}`, {cause: err})
      }
    }
    if (await markerAppears(dir, platform)) return false
    if (round >= 5) throw new Error(`cannot move the toolchain into ${dir}: something keeps putting an incomplete directory there`)
    const aside = `${dir}.stale-${randomBytes(6).toString('hex')}`
    logger.warning(`${dir} has no ${path.basename(marker)} marker: replacing it`)
    try {
      await rename(dir, aside)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot move the incomplete ${dir} aside: ${(err as Error).message}`, {cause: err})
    }
    await rm(aside, {recursive: true, force: true})
  }
}

async function markerAppears(dir: string, platform: Platform, waitMs = 1000): Promise<boolean> {
  const until = Date.now() + waitMs
  for (;;) {
    if (isComplete(dir, platform)) return true
    if (Date.now() >= until) return false
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}
