/**
 * End to end over loopback HTTP: real Go archives packed from the toolchains on this machine
 * (see helpers/go-mirror-server.mjs), served with their real sha256, installed into a temporary tool cache.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFile} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import type {ToolchainCache} from '../../src/go/actions-cache.js'
import {installGo, placeAtomically, type InstallRequest} from '../../src/go/install.js'
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

describe('installGo with the Actions cache', () => {
  /** An in-memory stand-in for the cache service: saved directories are hard-link copies. */
  function fakeCache(store: string): ToolchainCache & {keys: string[]} {
    const keys: string[] = []
    const slot = (key: string): string => path.join(store, key)
    return {
      keys,
      available: async () => true,
      async restore(dir, key) {
        if (!existsSync(slot(key))) return false
        await mkdir(path.dirname(dir), {recursive: true})
        await execFileAsync('cp', ['-al', slot(key), dir])
        return true
      },
      async save(dir, key) {
        keys.push(key)
        await execFileAsync('cp', ['-al', dir, slot(key)])
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
    const broken: ToolchainCache = {
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
