#!/usr/bin/env node
/**
 * A loopback mirror of go.dev/dl for tests and benchmarks: `{base}/?mode=json&include=all` lists the
 * releases the way go.dev does, `{base}/{filename}` serves real archives packed from the Go toolchains
 * installed on this machine (where scripts/setup.sh puts them: scripts/toolchains.mjs), with faults
 * injectable per file name. The index lists every installed toolchain's release, so that `stable` and
 * `oldstable` resolve as on go.dev today (1.27.x and 1.26.x); only the versions asked for are packed
 * and served.
 *
 * Plain JavaScript so that it runs both in-process (imported by go-mirror.ts in Jest) and as a separate
 * process (the lead's end-to-end tests and bench/install):
 *
 *   node __tests__/helpers/go-mirror-server.mjs --port 0 --versions 1.21,1.22,1.23
 *
 * prints the base URL (`http://127.0.0.1:PORT/dl`) on stdout and serves until SIGINT/SIGTERM.
 *
 * Packing a toolchain takes seconds, so archives are cached under os.tmpdir()/go-matrix-mirror, keyed by
 * the GOROOT, its VERSION file and the packing recipe, and written atomically (temporary name, then
 * rename), so test files running in parallel share them and a stale or half-written archive is never used.
 *
 * Compression: the tests' archives are gzip files of stored (level 0) deflate blocks, valid gzip that
 * any gunzip reads, which cost next to nothing to pack or to inflate: on a fresh 2-core machine,
 * `gzip -1` took 5-6 s of CPU per toolchain and inflating it 1.2 s per install, for six toolchains and
 * dozens of installs a run. What the tests check (digests, streaming, faults, extraction, recovery)
 * does not depend on the ratio. The benchmarks ask for `compression: 'gzip'` (`--compression gzip`),
 * archives compressed as go.dev's are, since they time the installer's inflating against tar's.
 */
import {spawn, execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createReadStream, createWriteStream, existsSync} from 'node:fs'
import {chmod, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile} from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {pipeline} from 'node:stream/promises'
import {promisify} from 'node:util'
import {createGzip} from 'node:zlib'
import {gorootOf, installedGoMinors, versionAt} from '../../scripts/toolchains.mjs'
import {listenOnLoopback, serveWhenRun, throttle} from './loopback.mjs'

const execFileAsync = promisify(execFile)

/**
 * Bump when the way archives are packed changes, so cached archives from the old recipe are not reused.
 * The compression is part of the key too (packGoArchive).
 */
const PACKING_RECIPE = 'tar-ch-go-prefix-v4'

/**
 * How archives are compressed: `stored`, deflate's stored blocks (the tests' default, see above), or
 * `gzip`, `gzip -1` (a third of -6's time, and inflating costs what go.dev's archives cost).
 */
const COMPRESSIONS = ['stored', 'gzip']

export {installedGoMinors}

/** Go's version of a GOROOT (`1.22.12`), from its own `go version`. */
export async function goVersionOf(goroot) {
  const {stdout} = await execFileAsync(path.join(goroot, 'bin', 'go'), ['version'], {
    env: {...process.env, GOTOOLCHAIN: 'local'}
  })
  const match = /^go version go(\S+) /.exec(stdout)
  if (!match) throw new Error(`${goroot}/bin/go version: unexpected output ${JSON.stringify(stdout)}`)
  return match[1]
}

/**
 * Packs a GOROOT as go.dev packs releases: every entry under `go/`, symlinks dereferenced (Debian's
 * GOROOTs link src/, api/, misc/ and test/ into /usr/share), in a gzip file compressed as
 * `compression` says (COMPRESSIONS). Returns the cached archive.
 */
export async function packGoArchive(goroot, cacheRoot = path.join(os.tmpdir(), 'go-matrix-mirror'), compression = 'stored') {
  if (!COMPRESSIONS.includes(compression)) throw new Error(`packGoArchive: compression ${JSON.stringify(compression)} is not one of ${COMPRESSIONS.join(', ')}`)
  const version = await goVersionOf(goroot)
  const versionFile = await readFile(path.join(goroot, 'VERSION'), 'utf8').catch(() => '')
  const key = createHash('sha256').update(`${PACKING_RECIPE}\0${compression}\0${path.resolve(goroot)}\0${version}\0${versionFile}`).digest('hex').slice(0, 16)
  const filename = `go${version}.linux-amd64.tar.gz`
  const dir = path.join(cacheRoot, key)
  const archive = path.join(dir, filename)
  const sidecar = `${archive}.sha256`
  // The directory appears whole (packed elsewhere, then renamed), so an archive found here is complete
  // and its sidecar belongs to it.
  const cached = async () => {
    const [sha256, size] = await Promise.all([readFile(sidecar, 'utf8'), stat(archive).then(s => s.size)])
    return {version, filename, path: archive, sha256: sha256.trim(), size}
  }
  if (existsSync(sidecar)) return cached()
  await mkdir(cacheRoot, {recursive: true})
  const work = await mkdtemp(path.join(cacheRoot, `.pack-${key}-`))
  try {
    const link = path.join(work, 'go')
    await symlink(path.resolve(goroot), link)
    const {sha256} = await tarGzip(work, 'go', path.join(work, filename), compression)
    await rm(link)
    await writeFile(path.join(work, `${filename}.sha256`), `${sha256}\n`)
    await chmod(work, 0o755)
    try {
      await rename(work, dir)
    } catch (err) {
      // Another process packed the same toolchain first: same recipe, same input, so use theirs.
      if (!existsSync(sidecar)) throw err
    }
    return cached()
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

/**
 * `tar -chf - -C dir entry | gzip -1 -n > out` (compression `gzip`), or with deflate's stored blocks in
 * place of gzip -1 (`stored`), with the sha256 of the output computed on the way.
 */
async function tarGzip(dir, entry, out, compression) {
  const tar = spawn('tar', ['-ch', '--owner=0', '--group=0', '--numeric-owner', '-f', '-', '-C', dir, entry], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const stderr = []
  tar.stderr.on('data', d => stderr.push(d))
  const exited = child => new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', code => (code === 0 ? resolve() : reject(new Error(`${child.spawnfile} exited with ${code}: ${Buffer.concat(stderr)}`))))
  })
  const hash = createHash('sha256')
  const hashed = async function* (source) {
    for await (const chunk of source) {
      hash.update(chunk)
      yield chunk
    }
  }
  if (compression === 'stored') {
    // node's gzip writes no name and no mtime (as gzip -n), so the same tree packs to the same bytes.
    const gzip = createGzip({level: 0, chunkSize: 1 << 20})
    await Promise.all([pipeline(tar.stdout, gzip, hashed, createWriteStream(out)), exited(tar)])
  } else {
    const gzip = spawn('gzip', ['-1', '-n', '-c'], {stdio: ['pipe', 'pipe', 'pipe']})
    gzip.stderr.on('data', d => stderr.push(d))
    await Promise.all([pipeline(tar.stdout, gzip.stdin), pipeline(gzip.stdout, hashed, createWriteStream(out)), exited(tar), exited(gzip)])
  }
  return {sha256: hash.digest('hex')}
}

const fakeSha = text => createHash('sha256').update(`fake:${text}`).digest('hex')

function file(version, os, arch, ext, kind, sha256 = fakeSha(`${version}.${os}-${arch}${ext}`), size = 100_000_000) {
  const filename = os === '' ? `go${version}.src.tar.gz` : `go${version}.${os}-${arch}${ext}`
  return {filename, os, arch, version: `go${version}`, sha256, size, kind}
}

/** The files go.dev lists for one release: source, archives for several platforms, installers. */
function releaseFiles(version, linuxAmd64) {
  return [
    file(version, '', '', '', 'source'),
    file(version, 'darwin', 'amd64', '.tar.gz', 'archive'),
    file(version, 'darwin', 'amd64', '.pkg', 'installer'),
    file(version, 'darwin', 'arm64', '.tar.gz', 'archive'),
    linuxAmd64 ?? file(version, 'linux', 'amd64', '.tar.gz', 'archive'),
    file(version, 'linux', 'arm64', '.tar.gz', 'archive'),
    file(version, 'linux', 'armv6l', '.tar.gz', 'archive'),
    file(version, 'windows', 'amd64', '.zip', 'archive'),
    file(version, 'windows', 'amd64', '.msi', 'installer')
  ]
}

function previousPatch(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (!match || Number(match[3]) === 0) return undefined
  return `${match[1]}.${match[2]}.${Number(match[3]) - 1}`
}

/**
 * The index: for every real archive its release (real sha256 and size); every other `listed` version
 * (an installed toolchain not packed: listed so that `stable` resolves as on go.dev, its archive a
 * 404); and releases that make it look like go.dev's: the previous patch of each minor (listed, its
 * archive not served: a 404), a newer release candidate (unstable, so `stable` stays the newest real
 * release), and an old release with archives for other platforms only.
 */
export function buildIndex(archives, wrongSha256 = new Set(), listed = []) {
  const releases = []
  const versions = [...archives.map(a => a.version), ...listed.filter(v => !archives.some(a => a.version === v))]
  for (const a of archives) {
    const sha256 = wrongSha256.has(a.filename) ? fakeSha(`wrong:${a.filename}`) : a.sha256
    releases.push({version: `go${a.version}`, stable: true, files: releaseFiles(a.version, {...file(a.version, 'linux', 'amd64', '.tar.gz', 'archive', sha256, a.size)})})
  }
  for (const version of versions.slice(archives.length)) releases.push({version: `go${version}`, stable: true, files: releaseFiles(version)})
  for (const version of versions) {
    const older = previousPatch(version)
    if (older && !versions.includes(older)) releases.push({version: `go${older}`, stable: true, files: releaseFiles(older)})
  }
  const newestMinor = versions.map(v => /^(\d+)\.(\d+)/.exec(v)).filter(Boolean).map(m => Number(m[2])).sort((x, y) => x - y).pop() ?? 23
  releases.push({version: `go1.${newestMinor + 1}rc1`, stable: false, files: releaseFiles(`1.${newestMinor + 1}rc1`)})
  releases.push({
    version: 'go1.9.7',
    stable: true,
    files: [file('1.9.7', '', '', '', 'source'), file('1.9.7', 'darwin', 'amd64', '.tar.gz', 'archive'), file('1.9.7', 'freebsd', 'amd64', '.tar.gz', 'archive')]
  })
  // go.dev lists newest first.
  return releases.sort((a, b) => compareGo(b.version, a.version))
}

function compareGo(a, b) {
  const parse = v => {
    const m = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(v) ?? []
    return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0), m[4] ? (m[4] === 'beta' ? 0 : 1) : 2, Number(m[5] ?? 0)]
  }
  const x = parse(a)
  const y = parse(b)
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i]
  return 0
}

/**
 * Starts the mirror. Options:
 * - versions: minors to pack and serve (`['1.22', '1.23']`), default every installed toolchain;
 * - listed: minors listed in the index without an archive (default every installed toolchain, so that
 *   `stable` is 1.27.x and `oldstable` 1.26.x as on go.dev; `[]` lists only what is served);
 * - faults: {[filename]: Fault}, also settable later with setFault(filename, fault|undefined), where a
 *   Fault is one of
 *     {status: 404|500|429|..., times?: n, retryAfter?: seconds}  answer with that status (n times, then serve)
 *     {truncate: true, times?: n, afterBytes?: n}                   send part of the body, then close the socket
 *     {wrongSha256: true}                                           the index advertises another digest
 *     {slow: bytesPerSecond}                                        serve the body throttled
 *     {hang: true, times?: n}                                       send headers and a few bytes, then nothing
 *     {drip: {bytes: n, everyMs: ms}, times?: n}                    send n bytes every ms (never idle long
 *                                                                    enough for an idle timeout to fire)
 * - compression: 'stored' (default) or 'gzip' (packGoArchive);
 * - port (default 0), host (default 127.0.0.1), cacheRoot.
 * Returns {baseUrl, releases, archives, requests, setFault, close}; `requests` lists every path asked for.
 */
export async function startGoMirror(options = {}) {
  const minors = options.versions ?? installedGoMinors()
  const archives = []
  for (const minor of minors) archives.push(await packGoArchive(gorootOf(minor), options.cacheRoot, options.compression))
  const listed = (options.listed ?? installedGoMinors()).map(minor => versionAt(gorootOf(minor)))
  const faults = new Map(Object.entries(options.faults ?? {}))
  const served = new Map() // filename -> how many times a fault has fired
  const requests = []
  const index = () => buildIndex(archives, new Set([...faults].filter(([, f]) => f?.wrongSha256).map(([name]) => name)), listed)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mirror')
    requests.push(url.pathname + url.search)
    if (url.pathname === '/dl/' || url.pathname === '/dl') {
      if (url.searchParams.get('mode') !== 'json') return void res.writeHead(400).end('mode=json expected')
      const body = JSON.stringify(index(), null, 1)
      return void res.writeHead(200, {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)}).end(body)
    }
    const name = decodeURIComponent(url.pathname.replace(/^\/dl\//, ''))
    const fault = faults.get(name)
    const fired = served.get(name) ?? 0
    const active = fault && !fault.wrongSha256 && (fault.times === undefined || fired < fault.times)
    if (active) served.set(name, fired + 1)
    if (active && fault.status) {
      const headers = fault.retryAfter !== undefined ? {'retry-after': String(fault.retryAfter)} : {}
      return void res.writeHead(fault.status, headers).end(`injected ${fault.status}`)
    }
    const archive = archives.find(a => a.filename === name)
    if (!archive) return void res.writeHead(404, {'content-type': 'text/plain'}).end('404 page not found\n')
    res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': archive.size})
    if (active && fault.hang) return void res.write(Buffer.alloc(1024))
    if (active && fault.truncate) {
      const end = (fault.afterBytes ?? Math.floor(archive.size / 2)) - 1
      const stream = createReadStream(archive.path, {end})
      stream.pipe(res, {end: false})
      return void stream.on('end', () => res.socket?.destroy())
    }
    if (active && fault.drip) return void drip(createReadStream(archive.path, {highWaterMark: fault.drip.bytes}), res, fault.drip.everyMs)
    if (fault?.slow) return void throttle(createReadStream(archive.path), res, fault.slow)
    createReadStream(archive.path, {highWaterMark: 1 << 20}).pipe(res)
  })
  const listening = await listenOnLoopback(server, options)
  return {
    baseUrl: `${listening.origin}/dl`,
    get releases() {
      return index()
    },
    archives,
    requests,
    setFault(filename, fault) {
      served.delete(filename)
      if (fault) faults.set(filename, fault)
      else faults.delete(filename)
    },
    close: listening.close
  }
}

/** Sends each chunk of `source` (highWaterMark bytes), then waits `everyMs`; stops when the client goes. */
function drip(source, res, everyMs) {
  let timer
  source.on('data', chunk => {
    source.pause()
    res.write(chunk)
    timer = setTimeout(() => source.resume(), everyMs)
  })
  source.on('end', () => res.end())
  res.on('close', () => {
    clearTimeout(timer)
    source.destroy()
  })
}

const list = value => value.split(',').map(v => v.trim()).filter(Boolean)
const FLAGS = {'--port': ['port', Number, 'N'], '--versions': ['versions', list, '1.21,1.22'], '--listed': ['listed', list, '1.26,1.27'], '--host': ['host', String, 'ADDR'], '--compression': ['compression', String, 'stored|gzip']}
await serveWhenRun(import.meta.url, 'go-mirror-server', FLAGS, async options => {
  const mirror = await startGoMirror(options)
  return {url: mirror.baseUrl, close: mirror.close}
})
