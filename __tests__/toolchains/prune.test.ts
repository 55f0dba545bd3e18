import {describe, expect, it} from '@jest/globals'
import {spawn} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseSize, formatSize} from '../../src/toolchains/inventory.js'
import {LeaseHolder, leasesOf} from '../../src/toolchains/leases.js'
import {removeToolchain, selectForRemoval, type PruneCandidate} from '../../src/toolchains/prune.js'
import type {AuditRecord} from '../../src/toolchains/audit.js'

const now = new Date('2026-11-30T12:00:00Z')
const daysAgo = (n: number): Date => new Date(now.getTime() - n * 86_400_000)
const c = (version: string, lastUsedDaysAgo: number | undefined, sizeOnDisk = 100, held = false, arch = 'x64'): PruneCandidate => ({
  version,
  arch,
  dir: `/tc/go/${version}/${arch}`,
  lastUsed: lastUsedDaysAgo === undefined ? undefined : daysAgo(lastUsedDaysAgo),
  sizeOnDisk,
  held
})
const picked = (s: ReturnType<typeof selectForRemoval>): string[][] => [s.remove.map(r => `${r.candidate.version}/${r.candidate.arch}: ${r.reason}`), s.held.map(r => `${r.candidate.version}: ${r.reason}`)]

describe('selectForRemoval', () => {
  it('--unused-days: what no job used for that long, or never recorded as used', () => {
    expect(picked(selectForRemoval([c('1.22.12', 3), c('1.21.13', 40), c('1.20.0', undefined)], {unusedDays: 30}, now))).toEqual([
      ['1.21.13/x64: unused for 40 days', '1.20.0/x64: never recorded as used'],
      []
    ])
  })

  it('--keep-newest-patches: per minor and architecture, by version order (rc before its release)', () => {
    const all = [c('1.22.10', 1), c('1.22.12', 1), c('1.22.11', 1), c('1.23.0-rc.1', 1), c('1.23.0', 1), c('1.22.9', 1, 100, false, 'arm64')]
    expect(picked(selectForRemoval(all, {keepNewestPatches: 1}, now))).toEqual([
      ['1.22.10/x64: older than the 1 newest of Go 1.22', '1.22.11/x64: older than the 1 newest of Go 1.22', '1.23.0-rc.1/x64: older than the 1 newest of Go 1.23'],
      []
    ])
  })

  it('--max-size: then the least recently used until the rest fits; held ones count but stay', () => {
    const all = [c('1.20.0', 50, 300, true), c('1.21.13', 20, 300), c('1.22.12', 10, 300), c('1.23.5', 1, 300)]
    expect(picked(selectForRemoval(all, {maxSize: 700}, now))).toEqual([
      ['1.21.13/x64: least recently used while the toolchains exceed 700 bytes', '1.22.12/x64: least recently used while the toolchains exceed 700 bytes'],
      []
    ])
    expect(picked(selectForRemoval(all, {unusedDays: 30}, now))).toEqual([[], ['1.20.0: unused for 50 days, but held by a running job']])
  })
})

describe('sizes', () => {
  it.each([
    ['2048', 2048],
    ['500M', 500 * 1024 ** 2],
    ['10G', 10 * 1024 ** 3],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['3 kb', 3072]
  ])('--max-size %s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes))
  it.each(['', 'ten', '-1G', '5X'])('--max-size %j is refused', text => expect(parseSize(text)).toBeUndefined())
  it('formats as du -h does', () => expect([formatSize(512), formatSize(1536), formatSize(812 * 1024 ** 2), formatSize(3.2 * 1024 ** 3)]).toEqual(['512 B', '1.5 KiB', '812 MiB', '3.2 GiB']))
})

async function fakeToolchain(root: string, version: string): Promise<string> {
  const dir = path.join(root, 'go', version, 'x64')
  await mkdir(path.join(dir, 'bin'), {recursive: true})
  await writeFile(path.join(dir, 'bin', 'go'), `#!/bin/sh\nif [ "$1" = version ]; then echo "go version go${version} linux/amd64"; else echo "${dir}"; fi\n`, {mode: 0o755})
  await writeFile(`${dir}.complete`, '')
  return dir
}

describe('removeToolchain', () => {
  it('keeps a toolchain a live lease holds, marker and all; removes it whole once the lease is gone', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-prune-'))
    try {
      const dir = await fakeToolchain(root, '1.22.12')
      const holder = new LeaseHolder()
      await holder.take(dir)
      expect(await removeToolchain(dir)).toBe('held')
      expect(existsSync(`${dir}.complete`) && existsSync(path.join(dir, 'bin', 'go'))).toBe(true)
      await holder.releaseAll()
      expect(await removeToolchain(dir)).toBe('removed')
      expect(existsSync(path.join(root, 'go'))).toBe(true)
      expect(readdirSync(path.join(root, 'go'))).toEqual([])
      expect(await removeToolchain(dir)).toBe('gone')
    } finally {
      await rm(root, {recursive: true, force: true})
    }
  })

  it("a lease nobody renewed for 10 minutes is dead, and so is one whose process ended", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-prune-'))
    try {
      const dir = await fakeToolchain(root, '1.21.13')
      const holder = new LeaseHolder()
      await holder.take(dir)
      const [file] = holder.held
      const old = new Date(Date.now() - 11 * 60_000)
      await utimes(file as string, old, old)
      expect((await leasesOf(dir)).map(l => l.live)).toEqual([false])
      await holder.renew()
      expect((await leasesOf(dir)).map(l => l.live)).toEqual([true])
      // Another process's lease, taken and never released: dead once that process ends.
      const child = spawn(process.execPath, ['--input-type=module', '-e', LEASE_SCRIPT, dir], {stdio: ['ignore', 'pipe', 'inherit']})
      await new Promise(resolve => child.on('close', resolve))
      const leases = await leasesOf(dir)
      expect(leases.filter(l => l.owner?.pid === child.pid).map(l => l.live)).toEqual([false])
      await holder.releaseAll()
      expect(await removeToolchain(dir)).toBe('removed')
    } finally {
      await rm(root, {recursive: true, force: true})
    }
  })
})

/** Takes a lease as a job would (the record LeaseHolder writes) and exits without releasing it. */
const LEASE_SCRIPT = `
import {writeFileSync, mkdirSync, readlinkSync} from 'node:fs'
import os from 'node:os'
const folder = process.argv[1] + '.leases'
mkdirSync(folder, {recursive: true})
const ns = process.platform === 'linux' ? readlinkSync('/proc/self/ns/pid') : ''
writeFileSync(folder + '/crashed.json', JSON.stringify({pid: process.pid, host: os.hostname(), pidNamespace: ns, started: new Date().toISOString()}))
`

describe('the audit log', () => {
  it('stays whole JSON lines when several processes append at once', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-audit-'))
    try {
      for (let i = 0; i < 12; i++) await fakeToolchain(root, `1.22.${i + 1}`)
      const cli = path.resolve(import.meta.dirname, '../../dist/cli.js')
      const runs = [1, 2, 3, 4].map(
        n =>
          new Promise<number | null>(resolve => {
            const child = spawn(process.execPath, [cli, 'toolchains', 'verify', '--tool-cache', root], {stdio: 'ignore', env: {...process.env, GITHUB_RUN_ID: `job${n}`}})
            child.on('close', resolve)
          })
      )
      expect(await Promise.all(runs)).toEqual([0, 0, 0, 0])
      const text = await readFile(path.join(root, 'go', 'go-matrix-audit.jsonl'), 'utf8')
      const lines = text.trimEnd().split('\n').map(line => JSON.parse(line) as AuditRecord)
      expect(lines).toHaveLength(48)
      for (const n of [1, 2, 3, 4]) {
        const own = lines.filter(l => l.job === `github:job${n}/1/`)
        expect(own.map(l => [l.event, l.outcome])).toEqual(Array.from({length: 12}, () => ['verify', 'unverified']))
      }
    } finally {
      await rm(root, {recursive: true, force: true})
    }
  }, 120_000)
})
