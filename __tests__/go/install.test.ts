/**
 * End to end over loopback HTTP: real Go archives packed from the toolchains on this machine
 * (see helpers/go-mirror-server.mjs), served with their real sha256, installed into a temporary tool cache.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFile, spawn} from 'node:child_process'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {existsSync, readdirSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import type {CacheClient} from '../../src/transport/actions-cache.js'
import {DEFAULT_DOWNLOAD_TIMEOUT_MS, installGo, parseDownloadTimeout, placeAtomically, type InstallRequest} from '../../src/go/install.js'
import {currentOwner} from '../../src/go/staging.js'
import {goVersionAt} from '../../src/go/local.js'
import {platformFor} from '../../src/go/platform.js'
import type {Toolchain} from '../../src/go/toolchain.js'
import type {Logger} from '../../src/util/log.js'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const execFileAsync = promisify(execFile)
// An old release and the two current ones (oldstable, stable), as on go.dev today.
const MINORS = ['1.21', '1.26', '1.27']
const linux = platformFor('linux', 'x64')

let mirror: GoMirror
let root: string
/** Full versions the mirror serves, by minor: {'1.26': '1.26.11', ...}. */
const served: Record<string, string> = {}
const sha: Record<string, string> = {}

beforeAll(async () => {
  mirror = await startGoMirror({versions: MINORS})
  for (const a of mirror.archives) {
    served[a.version.split('.').slice(0, 2).join('.')] = a.version
    sha[a.version] = a.sha256
  }
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-install-'))
}, 300_000)

afterAll(async () => {
  await mirror?.close()
  if (root) await rm(root, {recursive: true, force: true})
})

interface Captured extends Logger {
  warnings: string[]
  infos: string[]
}
function capture(): Captured {
  const warnings: string[] = []
  const infos: string[] = []
  return {warnings, infos, info: m => void infos.push(m), error() {}, debug() {}, group() {}, warning: m => void warnings.push(m)}
}

async function request(overrides: Partial<InstallRequest> = {}): Promise<InstallRequest> {
  const dir = await mkdtemp(path.join(root, 'run-'))
  return {
    specs: [],
    downloadBaseUrl: mirror.baseUrl,
    toolCacheDir: path.join(dir, 'tool-cache'),
    tempDir: path.join(dir, 'temp'),
    platform: linux,
    cache: false,
    logger: capture(),
    retry: {attempts: 3, baseDelayMs: 1, idleTimeoutMs: 10_000},
    ...overrides
  }
}

const archiveRequests = (name: string): number => mirror.requests.filter(r => r === `/dl/${name}`).length
const archiveOf = (version: string): string => `go${version}.linux-amd64.tar.gz`
/** What is left in <tool-cache>/go: version directories only, never staging or stale ones. */
const leftovers = (toolCacheDir: string): string[] => (existsSync(path.join(toolCacheDir, 'go')) ? readdirSync(path.join(toolCacheDir, 'go')).sort() : [])

async function expectWorking(toolchain: Toolchain): Promise<void> {
  expect(await goVersionAt(toolchain.goroot)).toBe(toolchain.version)
  const {stdout} = await execFileAsync(path.join(toolchain.goroot, 'bin', 'go'), ['env', 'GOROOT'], {env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: ''}})
  expect(stdout.trim()).toBe(toolchain.goroot)
}

describe('installGo from a loopback mirror', () => {
  let cleanRequest: InstallRequest

  it('installs several versions from a clean tool cache, verified, in input order', async () => {
    cleanRequest = await request({specs: ['1.26', 'stable', '1.21', '1.26.x']})
    const toolchains = await installGo(cleanRequest)
    expect(toolchains.map(({spec, version, source, sha256}) => ({spec, version, source, sha256}))).toEqual([
      {spec: '1.26', version: served['1.26'], source: 'download', sha256: sha[served['1.26'] ?? '']},
      {spec: 'stable', version: served['1.27'], source: 'download', sha256: sha[served['1.27'] ?? '']},
      {spec: '1.21', version: served['1.21'], source: 'download', sha256: sha[served['1.21'] ?? '']}
    ])
    for (const t of toolchains) {
      expect(t.goroot).toBe(path.join(cleanRequest.toolCacheDir, 'go', t.version, 'x64'))
      expect(existsSync(`${t.goroot}.complete`)).toBe(true)
      expect(t.seconds).toBeGreaterThan(0)
      await expectWorking(t)
    }
    expect(leftovers(cleanRequest.toolCacheDir)).toEqual([served['1.21'], served['1.26'], served['1.27']].sort())
    expect(readdirSync(path.join(cleanRequest.toolCacheDir, 'go', served['1.26'] ?? ''))).toEqual(['x64', 'x64.complete'])
    // the index was fetched once
    expect(mirror.requests.filter(r => r.startsWith('/dl/?'))).toEqual(['/dl/?mode=json&include=all'])
  })

  it('finds them in the tool cache the next time, downloading nothing', async () => {
    const before = mirror.requests.length
    const toolchains = await installGo({...cleanRequest, specs: ['1.27', 'oldstable']})
    expect(toolchains.map(t => [t.spec, t.version, t.source])).toEqual([
      ['1.27', served['1.27'], 'tool-cache'],
      ['oldstable', served['1.26'], 'tool-cache']
    ])
    expect(toolchains.every(t => t.seconds < 0.5)).toBe(true)
    expect(mirror.requests.slice(before)).toEqual(['/dl/?mode=json&include=all'])
  })

  it('adds the version of go-version-file after go-versions, dropping duplicates', async () => {
    const dir = await mkdtemp(path.join(root, 'module-'))
    await writeFile(path.join(dir, 'go.mod'), `module example.com/m\n\ngo 1.21\n\ntoolchain go${served['1.26']}\n`)
    const toolchains = await installGo({...cleanRequest, specs: ['1.27', '1.21'], versionFile: path.join(dir, 'go.mod')})
    expect(toolchains.map(t => [t.spec, t.version])).toEqual([
      ['1.27', served['1.27']],
      ['1.21', served['1.21']],
      [served['1.26'], served['1.26']]
    ])
  })

  it('fails a checksum mismatch naming the file and both digests, leaving nothing in the tool cache', async () => {
    const name = archiveOf(served['1.21'] ?? '')
    mirror.setFault(name, {wrongSha256: true})
    try {
      const advertised = mirror.releases.flatMap(r => r.files).find(f => f.filename === name)?.sha256
      const req = await request({specs: ['1.21']})
      await expect(installGo(req)).rejects.toThrow(`${name}: sha256 mismatch: expected ${advertised}, got ${sha[served['1.21'] ?? '']}`)
      expect(leftovers(req.toolCacheDir)).toEqual([])
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('retries a truncated download and fails when it stays truncated, leaving nothing behind', async () => {
    const name = archiveOf(served['1.21'] ?? '')
    mirror.setFault(name, {truncate: true, afterBytes: 5_000_000})
    try {
      const req = await request({specs: ['1.21']})
      const before = archiveRequests(name)
      await expect(installGo(req)).rejects.toThrow(new RegExp(`^${name.replace(/\./g, '\\.')}: download from .* (broke off|ended) after .*\\(gave up after 3 attempts\\)$`))
      expect(archiveRequests(name) - before).toBe(3)
      expect(leftovers(req.toolCacheDir)).toEqual([])
      expect((req.logger as Captured).warnings).toHaveLength(2)
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('recovers from a truncated download on retry', async () => {
    const name = archiveOf(served['1.21'] ?? '')
    mirror.setFault(name, {truncate: true, times: 1})
    try {
      const req = await request({specs: ['1.21']})
      const [toolchain] = await installGo(req)
      expect(toolchain?.source).toBe('download')
      await expectWorking(toolchain as Toolchain)
      expect(leftovers(req.toolCacheDir)).toEqual([served['1.21']])
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('does not retry a 404 and says which release is missing', async () => {
    // The mirror lists the patch before each real one without serving its archive.
    const missing = `${served['1.26']?.replace(/\.(\d+)$/, (_, p: string) => `.${Number(p) - 1}`)}`
    const req = await request({specs: [missing]})
    const url = `${mirror.baseUrl}/${archiveOf(missing)}`
    await expect(installGo(req)).rejects.toThrow(`${archiveOf(missing)}: not found at ${url} (404): is ${missing} a released version?`)
    expect(archiveRequests(archiveOf(missing))).toBe(1)
    expect(leftovers(req.toolCacheDir)).toEqual([])
  })

  it('retries a 500 with backoff and succeeds', async () => {
    const name = archiveOf(served['1.27'] ?? '')
    mirror.setFault(name, {status: 500, times: 2})
    const delays: number[] = []
    try {
      const req = await request({specs: ['1.27'], retry: {attempts: 4, baseDelayMs: 10, random: () => 1, sleep: async ms => void delays.push(ms)}})
      const before = archiveRequests(name)
      const [toolchain] = await installGo(req)
      expect(toolchain?.version).toBe(served['1.27'])
      await expectWorking(toolchain as Toolchain)
      expect(archiveRequests(name) - before).toBe(3)
      expect(delays).toEqual([10, 20])
      expect((req.logger as Captured).warnings[0]).toBe(`${name}: ${mirror.baseUrl}/${name} answered 500 Internal Server Error; retrying in 0.0 s (attempt 2 of 4)`)
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('ends with one good toolchain when two jobs install the same version at once', async () => {
    const first = await request({specs: ['1.26']})
    const second = {...first, logger: capture()}
    const name = archiveOf(served['1.26'] ?? '')
    const before = archiveRequests(name)
    const [[a], [b]] = await Promise.all([installGo(first), installGo(second)])
    expect(archiveRequests(name) - before).toBe(2)
    // both downloaded and verified; exactly one rename lost the race and took the winner's copy
    const lost = [first, second].flatMap(r => (r.logger as Captured).infos).filter(m => m.includes('another job installed it'))
    expect(lost).toEqual([`Go ${served['1.26']}: another job installed it at ${a?.goroot} first; using that verified copy`])
    expect(a?.goroot).toBe(b?.goroot)
    await expectWorking(a as Toolchain)
    await expectWorking(b as Toolchain)
    expect(leftovers(first.toolCacheDir)).toEqual([served['1.26']])
    expect(readdirSync(path.join(first.toolCacheDir, 'go', served['1.26'] ?? ''))).toEqual(['x64', 'x64.complete'])
  })

  it('uses a local toolchain whose go version matches, downloading nothing', async () => {
    const before = mirror.requests.length
    const req = await request({specs: ['1.26', '1.27'], localToolchains: ['/nonexistent/go', gorootOf('1.26')]})
    req.toolCacheDir = cleanRequest.toolCacheDir
    const toolchains = await installGo(req)
    expect(toolchains.map(t => [t.version, t.source, t.goroot, t.sha256])).toEqual([
      [served['1.26'], 'local', gorootOf('1.26'), ''],
      [served['1.27'], 'tool-cache', path.join(cleanRequest.toolCacheDir, 'go', served['1.27'] ?? '', 'x64'), sha[served['1.27'] ?? '']]
    ])
    expect(mirror.requests.slice(before)).toEqual(['/dl/?mode=json&include=all'])
    expect((req.logger as Captured).warnings).toEqual([expect.stringMatching(/^local-toolchains: \/nonexistent\/go is not usable: /)])
  })

  it('resolves against the local toolchains when the index cannot be fetched, and fails clearly without them', async () => {
    const offline = await request({specs: ['1.26'], downloadBaseUrl: 'http://127.0.0.1:1/dl', localToolchains: [gorootOf('1.26')], retry: {attempts: 1}})
    const [toolchain] = await installGo(offline)
    expect([toolchain?.version, toolchain?.source]).toEqual([served['1.26'], 'local'])
    expect((offline.logger as Captured).warnings[0]).toMatch(/^cannot fetch the Go release index from http:\/\/127\.0\.0\.1:1\/dl \(.*\); resolving against local-toolchains: 1\.26\.\d+$/)
    await expect(installGo({...offline, localToolchains: []})).rejects.toThrow(/^cannot fetch the Go release index from http:\/\/127\.0\.0\.1:1\/dl: /)
  })

  it('names the spec that matches nothing and the nearest versions, before downloading anything', async () => {
    const req = await request({specs: ['1.26', '1.30']})
    await expect(installGo(req)).rejects.toThrow(`go-versions: no Go release matches "1.30"; nearest: ${served['1.27']}, ${served['1.26']}`)
    expect(leftovers(req.toolCacheDir)).toEqual([])
  })
})

/** Polls `condition` every 20 ms until it holds (or fails after `ms`). */
async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** The staging folders in a tool cache, and whether any has begun extracting. */
const stagingIn = (toolCacheDir: string): string[] => leftovers(toolCacheDir).filter(n => n.startsWith('.staging-'))
const extracting = (toolCacheDir: string): boolean =>
  stagingIn(toolCacheDir).some(n => existsSync(path.join(toolCacheDir, 'go', n, 'attempt-1', 'go', 'src')))

describe('installGo cancelled, or past its deadline', () => {
  const stable = (): string => served['1.27'] ?? ''

  it.each([
    ['1 byte every 5 s', {bytes: 1, everyMs: 5000}],
    ['1 MB every 0.5 s', {bytes: 1 << 20, everyMs: 500}]
  ])('stops a download that drips %s within a second of the signal, leaving the tool cache as it was', async (_, drip) => {
    const name = archiveOf(stable())
    mirror.setFault(name, {drip})
    try {
      const controller = new AbortController()
      // Idle timeout and deadline far beyond the test: only the signal can end it in time.
      const req = await request({specs: ['1.27'], signal: controller.signal, retry: {attempts: 3, idleTimeoutMs: 60_000}})
      const installing = installGo(req).then(
        () => undefined,
        (err: unknown) => err as Error
      )
      const before = archiveRequests(name)
      await until(() => archiveRequests(name) > before && stagingIn(req.toolCacheDir).length === 1)
      // At 1 MB per tick, cancel while tar is writing files.
      if (drip.bytes > 1) await until(() => extracting(req.toolCacheDir))
      else await new Promise(resolve => setTimeout(resolve, 300))
      const signalled = performance.now()
      controller.abort(new Error('cancelled by SIGTERM'))
      const error = await installing
      expect(performance.now() - signalled).toBeLessThan(1000)
      expect(error?.message).toBe(`cancelled by SIGTERM while installing Go ${stable()}; the tool cache holds no partial toolchain`)
      expect(leftovers(req.toolCacheDir)).toEqual([])
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('fails a download that outlasts its deadline, however steadily it drips, saying which limit and how to raise it', async () => {
    const name = archiveOf(stable())
    mirror.setFault(name, {drip: {bytes: 1, everyMs: 200}})
    try {
      const req = await request({specs: ['1.27'], downloadTimeoutMs: 1500, retry: {attempts: 3, idleTimeoutMs: 60_000}})
      const started = performance.now()
      await expect(installGo(req)).rejects.toThrow(
        `${name}: the download from ${mirror.baseUrl}/${name} did not finish within 1.5 s (the download timeout: GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES for the action and the command line, downloadTimeoutMs for the library)`
      )
      expect(performance.now() - started).toBeGreaterThan(1400)
      expect(performance.now() - started).toBeLessThan(3000)
      expect(leftovers(req.toolCacheDir)).toEqual([])
      expect((req.logger as Captured).warnings).toEqual([])
    } finally {
      mirror.setFault(name, undefined)
    }
  })

  it('stops waiting for an Actions cache restore when cancelled, and never marks what it restores', async () => {
    const controller = new AbortController()
    let restoring: Promise<void> | undefined
    const slow: CacheClient = {
      available: async () => true,
      restore: async ([dir = '']) => {
        // As the real client: it writes into the tool cache, and takes no signal, so it goes on
        // writing after go-matrix has stopped waiting (and removed what it found there).
        restoring = (async () => {
          await mkdir(path.join(dir, 'bin'), {recursive: true})
          await new Promise(resolve => setTimeout(resolve, 1000))
          await mkdir(path.join(dir, 'bin'), {recursive: true})
          await writeFile(path.join(dir, 'bin', 'go'), '')
        })()
        await restoring
        return 'restored'
      },
      save: async () => true
    }
    const req = await request({specs: ['1.21'], cache: true, toolchainCache: slow, signal: controller.signal})
    const installing = installGo(req).then(
      () => undefined,
      (err: unknown) => err as Error
    )
    await until(() => restoring !== undefined)
    const signalled = performance.now()
    controller.abort(new Error('cancelled by SIGINT'))
    expect((await installing)?.message).toBe(`cancelled by SIGINT while installing Go ${served['1.21']}; the tool cache holds no partial toolchain`)
    expect(performance.now() - signalled).toBeLessThan(500)
    await restoring
    // What it restored stays unmarked: no later run trusts it.
    expect(existsSync(path.join(req.toolCacheDir, 'go', served['1.21'] ?? '', 'x64', 'bin', 'go'))).toBe(true)
    expect(existsSync(path.join(req.toolCacheDir, 'go', served['1.21'] ?? '', 'x64.complete'))).toBe(false)
  })

  it('when cancelled while the index is fetched, does not fall back to local toolchains', async () => {
    const silent = http.createServer(() => undefined)
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    try {
      const controller = new AbortController()
      const baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/dl`
      const req = await request({specs: ['1.26'], downloadBaseUrl: baseUrl, localToolchains: [gorootOf('1.26')], signal: controller.signal})
      setTimeout(() => controller.abort(new Error('cancelled by SIGTERM')), 300)
      await expect(installGo(req)).rejects.toThrow(/^cancelled by SIGTERM; the tool cache holds no partial toolchain$/)
    } finally {
      silent.closeAllConnections()
      await new Promise(resolve => silent.close(resolve))
    }
  })

  it("removes what a killed job left in the tool cache, and not what a live one is using", async () => {
    const name = archiveOf(stable())
    mirror.setFault(name, {drip: {bytes: 1, everyMs: 5000}})
    const controller = new AbortController()
    try {
      const live = await request({specs: ['1.27'], signal: controller.signal})
      const installing = installGo(live).catch((err: Error) => err)
      await until(() => stagingIn(live.toolCacheDir).length === 1)
      const [inUse] = stagingIn(live.toolCacheDir)
      // A job killed outright (SIGKILL) left its folder, with its owner record, beside the live one.
      const child = spawn(process.execPath, ['-e', ''], {stdio: 'ignore'})
      await new Promise(resolve => child.on('exit', resolve))
      const killed = path.join(live.toolCacheDir, 'go', `.staging-${stable()}-x64-killed`)
      await mkdir(path.join(killed, 'attempt-1', 'go', 'bin'), {recursive: true})
      await writeFile(path.join(killed, 'owner.json'), JSON.stringify({...currentOwner(), pid: child.pid}))

      // Another job sharing the tool cache, with nothing to download.
      const other = await request({specs: ['1.26'], localToolchains: [gorootOf('1.26')]})
      const [toolchain] = await installGo({...other, toolCacheDir: live.toolCacheDir})
      expect(toolchain?.source).toBe('local')
      expect(stagingIn(live.toolCacheDir)).toEqual([inUse])
      expect((other.logger as Captured).infos).toContainEqual(expect.stringMatching(new RegExp(`^removed the staging folder ${killed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, abandoned by process ${child.pid} on `)))
      controller.abort(new Error('cancelled by SIGTERM'))
      await installing
      expect(leftovers(live.toolCacheDir)).toEqual([])
    } finally {
      controller.abort()
      mirror.setFault(name, undefined)
    }
  })

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['30', 30 * 60_000],
    ['0.5', 30_000],
    [' 2 ', 120_000]
  ])('GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES=%j is %j ms', (value, ms) => {
    expect(parseDownloadTimeout(value)).toBe(ms)
  })

  it.each(['0', '-1', 'ten', '1e3', 'Infinity'])('GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES=%j is refused, saying what it wants', value => {
    expect(() => parseDownloadTimeout(value)).toThrow(
      `GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES: ${JSON.stringify(value)} is not a positive number of minutes (the deadline of one toolchain download, default ${DEFAULT_DOWNLOAD_TIMEOUT_MS / 60_000})`
    )
  })
})

describe('installGo with the Actions cache', () => {
  /** An in-memory stand-in for the cache service: saved directories are hard-link copies. */
  function fakeCache(store: string): CacheClient & {keys: string[]} {
    const keys: string[] = []
    const slot = (key: string): string => path.join(store, key)
    return {
      keys,
      available: async () => true,
      async restore([dir = ''], key) {
        if (!existsSync(slot(key))) return undefined
        await mkdir(path.dirname(dir), {recursive: true})
        await execFileAsync('cp', ['-al', slot(key), dir])
        return key
      },
      async save([dir = ''], key) {
        keys.push(key)
        await execFileAsync('cp', ['-al', dir, slot(key)])
        return true
      }
    }
  }

  it('saves after a download under a key of version, platform and digest, and restores it next time', async () => {
    const store = await mkdtemp(path.join(root, 'actions-cache-'))
    const cache = fakeCache(store)
    const version = served['1.21'] ?? ''
    const first = await request({specs: ['1.21'], cache: true, toolchainCache: cache})
    expect((await installGo(first)).map(t => t.source)).toEqual(['download'])
    expect(cache.keys).toEqual([`go-matrix-go-${version}-linux-amd64-${sha[version]}`])

    const before = archiveRequests(archiveOf(version))
    const second = await request({specs: ['1.21'], cache: true, toolchainCache: cache})
    const [restored] = await installGo(second)
    expect([restored?.source, restored?.sha256]).toEqual(['cache', sha[version]])
    await expectWorking(restored as Toolchain)
    expect(existsSync(`${restored?.goroot}.complete`)).toBe(true)
    expect(archiveRequests(archiveOf(version))).toBe(before)
  })

  it('turns a failing cache service into warnings and downloads', async () => {
    const broken: CacheClient = {
      available: async () => true,
      restore: async () => Promise.reject(new Error('cache service unavailable')),
      save: async () => Promise.reject(new Error('reserve failed'))
    }
    const req = await request({specs: ['1.21'], cache: true, toolchainCache: broken})
    const [toolchain] = await installGo(req)
    expect(toolchain?.source).toBe('download')
    const version = served['1.21']
    expect((req.logger as Captured).warnings).toEqual([
      `Go ${version}: restoring from the Actions cache (key go-matrix-go-${version}-linux-amd64-${sha[version ?? '']}) failed: cache service unavailable; downloading instead`,
      `Go ${version}: saving to the Actions cache failed: reserve failed`
    ])
  })
})

describe('placeAtomically', () => {
  async function fakeToolchain(dir: string, tag: string): Promise<string> {
    await mkdir(path.join(dir, 'bin'), {recursive: true})
    await writeFile(path.join(dir, 'bin', 'go'), tag)
    return dir
  }

  it('moves a verified toolchain into place and marks it complete', async () => {
    const base = await mkdtemp(path.join(root, 'place-'))
    const target = path.join(base, 'go', '1.99.0', 'x64')
    await expect(placeAtomically(await fakeToolchain(path.join(base, 'staging'), 'ours'), target, linux)).resolves.toBe(true)
    expect(existsSync(`${target}.complete`)).toBe(true)
    expect(existsSync(path.join(base, 'staging'))).toBe(false)
  })

  it('keeps the winner of a race and reports the loss', async () => {
    const base = await mkdtemp(path.join(root, 'place-'))
    const target = path.join(base, 'go', '1.99.0', 'x64')
    await placeAtomically(await fakeToolchain(path.join(base, 'winner'), 'winner'), target, linux)
    await expect(placeAtomically(await fakeToolchain(path.join(base, 'loser'), 'loser'), target, linux)).resolves.toBe(false)
    expect(readdirSync(path.join(target, 'bin'))).toEqual(['go'])
    expect(existsSync(path.join(base, 'loser'))).toBe(true)
  })

  it('replaces a markerless directory instead of using it', async () => {
    const base = await mkdtemp(path.join(root, 'place-'))
    const target = path.join(base, 'go', '1.99.0', 'x64')
    await mkdir(path.join(target, 'src'), {recursive: true})
    await writeFile(path.join(target, 'src', 'half-extracted.go'), '')
    const logger = capture()
    await expect(placeAtomically(await fakeToolchain(path.join(base, 'ours'), 'ours'), target, linux, logger)).resolves.toBe(true)
    expect(readdirSync(target)).toEqual(['bin'])
    expect(readdirSync(path.dirname(target))).toEqual(['x64', 'x64.complete'])
    expect(logger.warnings).toEqual([`${target} has no x64.complete marker: replacing it`])
  })
})
