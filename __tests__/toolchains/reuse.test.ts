/**
 * Verification on reuse, over a real toolchain installed from the loopback mirror: each kind of
 * damage the issue lists is detected, named, moved aside and recovered from the verified archive,
 * and the recovered toolchain works.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFile} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, truncate, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {installGo, type InstallRequest} from '../../src/go/install.js'
import {platformFor} from '../../src/go/platform.js'
import type {Toolchain} from '../../src/go/toolchain.js'
import {checkToolchain} from '../../src/go/reuse.js'
import type {Logger} from '../../src/util/log.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'

const execFileAsync = promisify(execFile)
const linux = platformFor('linux', 'x64')

let mirror: GoMirror
let root: string
let version: string
let base: InstallRequest
let warnings: string[]

beforeAll(async () => {
  mirror = await startGoMirror({versions: ['1.21']})
  version = mirror.archives[0]?.version ?? ''
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-reuse-'))
  warnings = []
  const logger: Logger = {info() {}, error() {}, debug() {}, group() {}, warning: m => void warnings.push(m)}
  base = {
    specs: ['1.21'],
    downloadBaseUrl: mirror.baseUrl,
    toolCacheDir: path.join(root, 'tool-cache'),
    tempDir: path.join(root, 'temp'),
    platform: linux,
    cache: false,
    logger,
    retry: {attempts: 2, baseDelayMs: 1, idleTimeoutMs: 10_000}
  }
  await installGo(base)
}, 300_000)

afterAll(async () => {
  await mirror?.close()
  if (root) await rm(root, {recursive: true, force: true})
})

const goroot = (): string => path.join(base.toolCacheDir, 'go', version, 'x64')

async function install(verify: 'fast' | 'full' = 'fast'): Promise<Toolchain> {
  warnings.length = 0
  const [toolchain] = await installGo({...base, verify})
  return toolchain as Toolchain
}

async function expectRuns(toolchain: Toolchain): Promise<void> {
  const {stdout} = await execFileAsync(path.join(toolchain.goroot, 'bin', 'go'), ['version'], {env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: ''}})
  expect(stdout).toContain(`go${version} `)
}

describe('a toolchain reused from the tool cache', () => {
  it('is verified fast by default and used as it is', async () => {
    const toolchain = await install()
    expect([toolchain.source, toolchain.verified, toolchain.recovery]).toEqual(['tool-cache', 'fast', undefined])
    expect(warnings).toEqual([])
  })

  it.each([
    ['a truncated file', 'src/fmt/print.go', (file: string) => truncate(file, 100), /src\/fmt\/print\.go: 100 bytes where \d+ were installed/],
    ['a deleted file', 'src/fmt/print.go', (file: string) => rm(file), /src\/fmt\/print\.go: missing/],
    [
      "bin/go's bytes changed (size kept)",
      'bin/go',
      async (file: string) => {
        const {size} = await stat(file)
        await writeFile(file, Buffer.alloc(size, 0x90))
        await chmod(file, 0o755)
      },
      /bin\/go: content differs/
    ],
    [
      'a file replaced by a symbolic link',
      'src/fmt/print.go',
      async (file: string) => {
        await rm(file)
        await symlink('/etc/hostname', file)
      },
      /src\/fmt\/print\.go: a symbolic link where a file was installed/
    ]
  ])('with %s: detected, named, moved aside and reinstalled from the verified archive', async (_, relative, damage, named) => {
    await damage(path.join(goroot(), relative))
    const toolchain = await install()
    expect([toolchain.source, toolchain.verified]).toEqual(['download', 'archive'])
    expect(toolchain.recovery).toMatch(named)
    expect(warnings).toEqual([expect.stringMatching(named)])
    expect(warnings[0]).toMatch(/moving it aside and reinstalling it from the verified archive$/)
    await expectRuns(toolchain)
    // Nothing is left aside, and the next reuse passes the full check.
    expect(readdirSync(path.dirname(goroot())).sort()).toEqual(['x64', 'x64.complete', 'x64.leases', 'x64.manifest.json', 'x64.state.json'])
    const again = await install('full')
    expect([again.source, again.verified, again.recovery]).toEqual(['tool-cache', 'full', undefined])
  })

  it('a file the archive did not hold passes the fast check and fails the full one', async () => {
    const stray = path.join(goroot(), 'src', 'fmt', 'zz_stray.go')
    await writeFile(stray, 'package fmt\n')
    expect((await install('fast')).source).toBe('tool-cache')
    const toolchain = await install('full')
    expect(toolchain.source).toBe('download')
    expect(toolchain.recovery).toMatch(/src\/fmt\/zz_stray\.go: a file the archive did not hold/)
    expect(existsSync(stray)).toBe(false)
  })

  it('an edited byte in a file that does not run passes fast (size and mode kept) and fails full', async () => {
    const file = path.join(goroot(), 'src', 'fmt', 'doc.go')
    const bytes = await readFile(file)
    bytes[0] = bytes[0] === 0x2f ? 0x2a : 0x2f
    await writeFile(file, bytes)
    expect((await install('fast')).source).toBe('tool-cache')
    expect((await install('full')).recovery).toMatch(/src\/fmt\/doc\.go: content differs/)
  })
})

/** Changes a file's last byte in place, and sets its mtime back: only its ctime tells. */
async function flipLastByteKeepingMtime(file: string): Promise<void> {
  const before = await stat(file)
  const bytes = await readFile(file)
  bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 0xff, bytes.length - 1)
  await writeFile(file, bytes)
  await utimes(file, before.atime, before.mtime)
}

describe('stamps of the files that run', () => {
  const expected = {version: '', os: 'linux', arch: 'amd64', goBinary: 'go'}

  it('spare hashing unchanged files on later fast checks, and never hide a change, even with the mtime put back', async () => {
    const dir = goroot()
    const check = {...expected, version}
    // Stamps a check takes are trusted once the files' ctime is a second older than them.
    await new Promise(resolve => setTimeout(resolve, 1100))
    const first = await checkToolchain(dir, check, 'fast')
    expect(first.ok && first.result?.hashed).toBeGreaterThan(5)
    const previous = {stamps: first.result?.stamps}
    const later = await checkToolchain(dir, check, 'fast', previous)
    expect([later.ok, later.result?.hashed, later.result?.unchanged]).toEqual([true, 0, first.result?.hashed])
    expect((await checkToolchain(dir, check, 'full', previous)).result?.unchanged).toBe(0)

    const go = path.join(dir, 'bin', 'go')
    await flipLastByteKeepingMtime(go)
    const changed = await checkToolchain(dir, check, 'fast', previous)
    expect(changed).toMatchObject({ok: false, problem: 'differs from its install manifest: bin/go: content differs'})
    await flipLastByteKeepingMtime(go)
    expect((await checkToolchain(dir, check, 'fast', previous)).ok).toBe(true)
  })

  it('are taken at install, so that the first reuse hashes nothing and trusts the manifest it wrote; a change to either is still caught', async () => {
    const toolCacheDir = path.join(root, 'stamped-tool-cache')
    const [installed] = await installGo({...base, toolCacheDir})
    const dir = installed?.goroot ?? ''
    const check = {...expected, version}
    const state = JSON.parse(await readFile(`${dir}.state.json`, 'utf8'))
    expect(state.stamps.exclusive).toBe(true)
    expect(Object.keys(state.stamps.files).sort()).toEqual(expect.arrayContaining(['bin/go', 'bin/gofmt']))
    expect(Object.keys(state.stamps.files).every(f => f.startsWith('bin/') || f.startsWith('pkg/tool/'))).toBe(true)
    expect(state.manifestStamps).toMatchObject({exclusive: true, files: {manifest: expect.any(String)}})

    // At once, within the second: no file hashed, the manifest not checked entry by entry.
    const first = await checkToolchain(dir, check, 'fast', state)
    expect(first).toMatchObject({ok: true, verified: 'fast', manifestChecked: 'unchanged', result: {hashed: 0, unchanged: Object.keys(state.stamps.files).length}})
    // Nothing was hashed, so the install's stamps stay as they were.
    expect(first.ok && first.result?.stamps).toEqual(state.stamps)
    // The reuse through installGo records them again, and the next reuse trusts them too.
    const [reused] = await installGo({...base, toolCacheDir})
    expect([reused?.source, reused?.verified]).toEqual(['tool-cache', 'fast'])
    const after = JSON.parse(await readFile(`${dir}.state.json`, 'utf8'))
    expect([after.stamps, after.manifestStamps]).toEqual([state.stamps, state.manifestStamps])
    // A full check reads everything afresh.
    expect(await checkToolchain(dir, check, 'full', state)).toMatchObject({ok: true, manifestChecked: 'whole', result: {unchanged: 0}})

    // bin/go changed right after the install, its size and mtime kept: caught by its ctime.
    const go = path.join(dir, 'bin', 'go')
    await flipLastByteKeepingMtime(go)
    expect(await checkToolchain(dir, check, 'fast', state)).toMatchObject({ok: false, problem: 'differs from its install manifest: bin/go: content differs'})
    await flipLastByteKeepingMtime(go)

    // The manifest edited in place (same length, same inode): one entry's size changed, the
    // digest left as it was. Its stamp no longer holds, so it is checked whole, and refused.
    const manifestFile = `${dir}.manifest.json`
    const text = await readFile(manifestFile, 'utf8')
    const edited = text.replace(/"path":"bin\/gofmt","type":"file","mode":"0755","size":(\d)/, (_, d: string) => `"path":"bin/gofmt","type":"file","mode":"0755","size":${(Number(d) + 1) % 10}`)
    expect(edited).not.toBe(text)
    expect(edited.length).toBe(text.length)
    await writeFile(manifestFile, edited)
    expect(await checkToolchain(dir, check, 'fast', state)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^has a damaged install manifest: .*manifest\.json: tree\.digest sha256:[0-9a-f]{64} does not match its entries/)
    })
  })
})

describe('a toolchain without a manifest', () => {
  const expected = {version: '', os: 'linux', arch: 'amd64', goBinary: 'go'}

  it('is used, unverified, when go version and go env GOROOT agree with where it lies', async () => {
    const local = gorootOf('1.21')
    const {stdout} = await execFileAsync(path.join(local, 'bin', 'go'), ['env', 'GOVERSION'], {env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: ''}})
    const check = await checkToolchain(local, {...expected, version: stdout.trim().replace(/^go/, '')}, 'fast')
    expect(check).toEqual({ok: true, verified: 'unverified'})
  })

  it('is refused when its go names another version, or another GOROOT', async () => {
    const fake = path.join(root, 'fake-go')
    await mkdir(path.join(fake, 'bin'), {recursive: true})
    const script = (goroot: string): string =>
      `#!/bin/sh\nif [ "$1" = version ]; then echo "go version go1.21.13 linux/amd64"; else echo "${goroot}"; fi\n`
    await writeFile(path.join(fake, 'bin', 'go'), script('/somewhere/else'), {mode: 0o755})
    expect(await checkToolchain(fake, {...expected, version: '1.22.1'}, 'fast')).toEqual({
      ok: false,
      verified: 'unverified',
      problem: 'has no install manifest and its go version prints "go version go1.21.13 linux/amd64", not go1.22.1'
    })
    expect(await checkToolchain(fake, {...expected, version: '1.21.13'}, 'fast')).toEqual({
      ok: false,
      verified: 'unverified',
      problem: 'has no install manifest and its go env GOROOT is /somewhere/else, not the folder itself'
    })
    await writeFile(path.join(fake, 'bin', 'go'), script(fake), {mode: 0o755})
    expect(await checkToolchain(fake, {...expected, version: '1.21.13'}, 'fast')).toEqual({ok: true, verified: 'unverified'})
  })
})
