/**
 * Turns a downloaded release archive into a verified directory tree, reading the bytes once.
 *
 * .tar.gz (Linux, macOS): the response is hashed as it arrives, gunzipped once in Node (zlib runs on
 * libuv's threadpool), every tar header is read (tar-headers.ts, as GNU tar reads it) and every entry
 * checked against the ones before it (archive-entries.ts) *before* the chunk holding it is passed on,
 * and GNU/BSD tar (`tar -xpf - -C staging`: modes exactly as the archive gives them, whatever the
 * umask) writes the files. Each file's data is hashed on its way to tar (toolchains/tar-tree.ts), so
 * the install manifest comes from the same single read. Chosen by measurement on a Go 1.22
 * archive (14,290 entries, 250 MB unpacked; bench/install, `--variants`): node-tar's Unpack took
 * 1.6-5x as long as `curl | tee >(sha256sum) | tar -xz` (it creates files one by one on the main
 * thread), while this design runs at the pipeline's speed (0.9-1.0x). `tar -xzf -` beside a
 * validating reader is as fast on an idle machine but gunzips everything twice, which costs a core on
 * a busy runner. The staging directory is never used before the digest and every entry are verified,
 * and the caller removes it on any failure.
 *
 * .zip (Windows): a zip's directory is at its end, so it cannot be checked while streaming. It is saved
 * to a temporary file while hashing, verified, its names checked, then extracted.
 *
 * Both stop at once when the caller's signal aborts: the body is destroyed, tar is killed, and the
 * signal's reason is thrown.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createWriteStream} from 'node:fs'
import type {Readable} from 'node:stream'
import {finished} from 'node:stream/promises'
import {createGunzip} from 'node:zlib'
import {ArchiveTree, type ArchiveEntry} from './archive-entries.js'
import {HttpError, truncatedError} from '../transport/http.js'
import {TarFormatError, TarHeaderReader} from './tar-headers.js'
import {listZipEntries} from './zip-entries.js'
import {TarTreeRecorder} from './tar-tree.js'
import type {TreeEntry} from '../toolchains/tree.js'

/** A bad archive: a digest mismatch, an unsafe entry, a damaged stream. Retrying the download will not help. */
export class ArchiveError extends Error {
  override name = 'ArchiveError'
}

export interface VerifyOptions {
  /** The archive's file name, for messages: `go1.22.5.linux-amd64.tar.gz`. */
  archive: string
  url: string
  /** The digest the index lists. */
  sha256: string
  /** Content-Length, when known: a shorter body is a truncated download. */
  length?: number
  /** Stops the download and the extraction; the signal's reason is thrown. */
  signal?: AbortSignal
}

/**
 * How tar extracts a Go archive read from stdin: `-p` gives every file and folder exactly the mode
 * the archive gives it, as root does by default but other users only with -p (else the umask takes
 * bits away), so the modes the manifest records from the stream are the modes on disk.
 */
export const TAR_EXTRACT_ARGS: readonly string[] = ['-x', '-p', '--no-same-owner', '-f', '-']

/** How much gunzipped data each chunk passed to the header reader and to tar holds. */
const GUNZIP_CHUNK_BYTES = 256 * 1024

export interface Extracted {
  sha256: string
  bytes: number
  entries: number
  /** What was extracted under `go/`, every file hashed: the install manifest's tree. */
  tree: TreeEntry[]
}

export function mismatchError(archive: string, expected: string, actual: string): ArchiveError {
  return new ArchiveError(`${archive}: sha256 mismatch: expected ${expected}, got ${actual}`)
}

function refusal(archive: string, name: string, reason: string): ArchiveError {
  return new ArchiveError(`${archive}: refusing entry ${JSON.stringify(name)}: ${reason}`)
}

/** Checks entries one by one, as an ArchiveTree; throws the ArchiveError that names the first one refused. */
function entryGuard(archive: string): {admit(entry: ArchiveEntry): void; finish(): void} {
  const tree = new ArchiveTree()
  return {
    admit(entry) {
      const reason = tree.admit(entry)
      if (reason) throw refusal(archive, entry.name, reason)
    },
    finish() {
      const refused = tree.finish()
      if (refused) throw refusal(archive, refused.name, refused.reason)
    }
  }
}

/**
 * Extracts a .tar.gz response into `dest` (an existing empty directory), hashing and validating on the
 * way. Resolves only when the digest matches, every entry passed and tar succeeded.
 */
export async function extractTarGz(body: Readable, options: VerifyOptions & {dest: string}): Promise<Extracted> {
  const {archive, dest, signal} = options
  signal?.throwIfAborted()
  const hash = createHash('sha256')
  let bytes = 0
  let extractError: Error | undefined

  const tar = spawn('tar', [...TAR_EXTRACT_ARGS, '-C', dest], {stdio: ['pipe', 'ignore', 'pipe']})
  let tarStderr = ''
  tar.stderr.on('data', (d: Buffer) => (tarStderr = (tarStderr + d.toString()).slice(-2000)))
  // EPIPE when tar stops reading early: its exit status tells why.
  tar.stdin.on('error', () => undefined)
  const tarExit = new Promise<number | null>(resolve => {
    tar.on('error', err => {
      fail(new ArchiveError(`${archive}: cannot run tar: ${err.message}`, {cause: err}))
      resolve(null)
    })
    tar.on('close', code => resolve(code))
  })

  // zlib's default 16 KiB output chunks mean 15,000 'data' events, header reads and pipe writes to
  // tar for a 250 MB toolchain; 256 KiB chunks cut an install's CPU by a fifth (bench/install).
  const gunzip = createGunzip({chunkSize: GUNZIP_CHUNK_BYTES})
  const guard = entryGuard(archive)
  const tree = new TarTreeRecorder()
  const reader = new TarHeaderReader(
    member => {
      guard.admit(member)
      tree.member(member)
    },
    data => tree.data(data)
  )

  /** Stops extracting but keeps hashing, so that a corrupt download is reported as a digest mismatch. */
  function fail(err: Error): void {
    if (extractError) return
    extractError = err
    body.unpipe(gunzip)
    gunzip.destroy()
    tar.kill('SIGKILL')
    body.resume()
  }
  /** Runs a check of the stream; what it throws stops the extraction. */
  function check(step: () => void): void {
    try {
      step()
    } catch (err) {
      fail(asArchiveError(err, archive))
    }
  }
  const onAbort = (): void => {
    fail(signal?.reason as Error)
    body.destroy(signal?.reason as Error)
  }
  signal?.addEventListener('abort', onAbort, {once: true})

  gunzip.on('error', err => fail(new ArchiveError(`${archive}: not a valid gzip stream: ${err.message}`, {cause: err})))
  gunzip.on('data', (chunk: Buffer) => {
    if (extractError) return
    // The headers in this chunk are read and checked synchronously, before tar sees a byte of it.
    check(() => reader.write(chunk))
    if (extractError) return
    if (!tar.stdin.write(chunk)) {
      gunzip.pause()
      tar.stdin.once('drain', () => gunzip.resume())
    }
  })
  const unzipped = new Promise<void>(resolve => {
    gunzip.on('end', () => {
      check(() => {
        reader.end()
        guard.finish()
      })
      tar.stdin.end()
      resolve()
    })
    gunzip.on('close', resolve)
  })

  body.on('data', (chunk: Buffer) => {
    hash.update(chunk)
    bytes += chunk.length
  })
  body.pipe(gunzip)
  try {
    try {
      await finished(body)
      if (options.length !== undefined && bytes < options.length) throw truncatedError(archive, options.url, bytes, options.length)
    } catch (err) {
      fail(err as Error)
      await tarExit
      signal?.throwIfAborted()
      throw err instanceof HttpError ? err : new HttpError(`${archive}: download from ${options.url} broke off after ${bytes} bytes: ${(err as Error).message}`, true, undefined, undefined, {cause: err})
    }
    const actual = hash.digest('hex')
    if (actual !== options.sha256.toLowerCase()) {
      fail(mismatchError(archive, options.sha256, actual))
      await tarExit
      throw mismatchError(archive, options.sha256, actual)
    }
    await unzipped
    const code = await tarExit
    if (extractError) throw extractError
    if (code !== 0) throw new ArchiveError(`${archive}: tar exited with ${code} extracting into ${dest}: ${tarStderr.trim()}`)
    return {sha256: actual, bytes, entries: reader.members, tree: tree.finish()}
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}

/** What a check threw, as the ArchiveError that says which archive and which entry. */
function asArchiveError(err: unknown, archive: string): Error {
  if (err instanceof ArchiveError) return err
  if (err instanceof TarFormatError) {
    return err.entry === undefined ? new ArchiveError(`${archive}: not a valid tar archive: ${err.message}`, {cause: err}) : refusal(archive, err.entry, err.reason)
  }
  return new ArchiveError(`${archive}: ${(err as Error).message}`, {cause: err})
}

/** Saves a response to `file` while hashing it; resolves only when complete and matching the digest. */
export async function saveVerified(body: Readable, options: VerifyOptions & {file: string}): Promise<{sha256: string; bytes: number}> {
  const hash = createHash('sha256')
  let bytes = 0
  body.on('data', (chunk: Buffer) => {
    hash.update(chunk)
    bytes += chunk.length
  })
  const out = createWriteStream(options.file)
  body.pipe(out)
  try {
    await finished(body)
  } catch (err) {
    out.destroy()
    options.signal?.throwIfAborted()
    throw new HttpError(`${options.archive}: download from ${options.url} broke off after ${bytes} bytes: ${(err as Error).message}`, true, undefined, undefined, {cause: err})
  }
  await finished(out)
  if (options.length !== undefined && bytes < options.length) throw truncatedError(options.archive, options.url, bytes, options.length)
  const actual = hash.digest('hex')
  if (actual !== options.sha256.toLowerCase()) throw mismatchError(options.archive, options.sha256, actual)
  return {sha256: actual, bytes}
}

/**
 * Checks every entry of a verified zip, then extracts it into `dest` (through @actions/tool-cache).
 * The extraction itself (an external program) cannot be interrupted: `signal` is checked before it.
 */
export async function extractVerifiedZip(file: string, dest: string, archive: string, signal?: AbortSignal): Promise<number> {
  const entries = await listZipEntries(file)
  const guard = entryGuard(archive)
  for (const entry of entries) {
    if (entry.type === 'SymbolicLink') throw refusal(archive, entry.name, 'symbolic links do not belong in a Go zip archive')
    guard.admit(entry)
  }
  guard.finish()
  signal?.throwIfAborted()
  // Loaded only here: the tool cache module is an Actions service, needed on this path alone.
  const toolCache = await import('@actions/tool-cache')
  await toolCache.extractZip(file, dest)
  return entries.length
}
