import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {cacheLimitBytes, measureKept, trimCacheFolder} from '../../src/cache/folder.js'
import {markRestored, pruneUnused} from '../../src/cache/build-cache.js'

const HOUR = 3600_000
let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-folder-'))
})
afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

async function entry(version: string, name: string, bytes: number, ageMs: number, now: number): Promise<void> {
  const dir = path.join(root, version, 'gocache', name.slice(0, 2))
  await mkdir(dir, {recursive: true})
  const file = path.join(dir, name)
  await writeFile(file, Buffer.alloc(bytes))
  const t = new Date(now - ageMs)
  await utimes(file, t, t)
}

const remaining = async (version: string, prefix: string): Promise<string[]> => (await readdir(path.join(root, version, 'gocache', prefix)).catch(() => [])).sort()

describe('trimCacheFolder', () => {
  it('removes the least recently used entries across versions down to 80% of the limit, never one used in the last hour', async () => {
    const now = Date.now()
    await entry('1.24.4', 'aa01-d', 1000, 50 * HOUR, now)
    await entry('1.27.4', 'aa02-d', 1000, 30 * HOUR, now)
    await entry('1.27.4', 'aa03-d', 1000, 20 * HOUR, now)
    await entry('1.24.4', 'aa04-d', 1000, 10 * HOUR, now)
    await writeFile(path.join(root, '1.27.4', 'gocache', 'README'), 'Go bookkeeping stays')
    const trimmed = await trimCacheFolder(root, 2500, now)
    expect(trimmed).toEqual({bytesBefore: 4000, bytesAfter: 2000, removedFiles: 2})
    expect([...(await remaining('1.24.4', 'aa')), ...(await remaining('1.27.4', 'aa'))]).toEqual(['aa04-d', 'aa03-d'])
    expect(await readdir(path.join(root, '1.27.4', 'gocache'))).toContain('README')
    // Recently used entries stay even over the limit.
    await entry('1.27.4', 'bb01-d', 5000, 10 * 60_000, now)
    expect((await trimCacheFolder(root, 1000, now)).removedFiles).toBe(2)
    expect(await remaining('1.27.4', 'bb')).toEqual(['bb01-d'])
  })

  it('leaves the trim to the job holding the lock, and takes over a stale one', async () => {
    await entry('1.27.4', 'aa01-d', 1000, 50 * HOUR, Date.now())
    await writeFile(path.join(root, '.go-matrix-trim.lock'), '1\n')
    expect(await trimCacheFolder(root, 10)).toMatchObject({skipped: true})
    const old = new Date(Date.now() - HOUR)
    await utimes(path.join(root, '.go-matrix-trim.lock'), old, old)
    expect(await trimCacheFolder(root, 10)).toMatchObject({removedFiles: 1})
  })

  it('measures again only the entry folders that changed since the last run, and afresh when its record is damaged', async () => {
    const now = Date.now()
    await entry('1.27.4', 'aa01-d', 1000, 50 * HOUR, now)
    await entry('1.27.4', 'bb01-d', 1000, 50 * HOUR, now)
    // Entry folders last changed a while ago, as between runs (a folder changed within the last two seconds is measured anyway).
    const settle = async (...prefixes: string[]): Promise<void> => {
      const old = new Date(now - HOUR)
      for (const prefix of prefixes) await utimes(path.join(root, '1.27.4', 'gocache', prefix), old, old)
    }
    await settle('aa', 'bb')
    expect(await trimCacheFolder(root, 10_000, now)).toEqual({bytesBefore: 2000, bytesAfter: 2000, removedFiles: 0})
    const recordFile = path.join(root, '.go-matrix-sizes.json')
    const record = JSON.parse(await readFile(recordFile, 'utf8'))
    expect(Object.keys(record).sort()).toEqual([path.join('1.27.4', 'gocache', 'aa'), path.join('1.27.4', 'gocache', 'bb')])
    // The next run trusts what it recorded for a folder whose mtime is unchanged: a figure planted
    // there is what it counts, which shows that it did not read the folder again.
    record[path.join('1.27.4', 'gocache', 'bb')].bytes = 5000
    await writeFile(recordFile, JSON.stringify(record))
    expect((await trimCacheFolder(root, 10_000, now)).bytesBefore).toBe(6000)
    // A folder Go added an entry to has a new mtime: it is read again.
    await entry('1.27.4', 'bb02-d', 500, 40 * HOUR, now)
    expect((await trimCacheFolder(root, 10_000, now)).bytesBefore).toBe(2500)
    // Over the limit, every entry is read (their mtimes say which were used least recently), and the record is dropped.
    expect(await trimCacheFolder(root, 2000, now)).toEqual({bytesBefore: 2500, bytesAfter: 1500, removedFiles: 1})
    expect(existsSync(recordFile)).toBe(false)
    await writeFile(recordFile, '{"damaged')
    expect((await trimCacheFolder(root, 10_000, now)).bytesBefore).toBe(1500)
  })

  it("gives a run's report one version's entries and bytes, the bytes of folders unchanged since the last trim from its record", async () => {
    const now = Date.now()
    await entry('1.27.4', 'aa01-d', 1000, 50 * HOUR, now)
    await entry('1.27.4', 'bb01-a', 100, 50 * HOUR, now)
    await entry('1.24.4', 'cc01-d', 700, 50 * HOUR, now)
    const gocache = path.join(root, '1.27.4', 'gocache')
    // No record yet: every entry is read.
    const first = await measureKept(root, gocache, now)
    expect({...first, names: first.names.sort()}).toEqual({names: ['aa/aa01-d', 'bb/bb01-a'], files: 2, bytes: 1100})
    const old = new Date(now - HOUR)
    for (const prefix of ['aa', 'bb']) await utimes(path.join(gocache, prefix), old, old)
    await trimCacheFolder(root, 10_000, now)
    const recordFile = path.join(root, '.go-matrix-sizes.json')
    const record = JSON.parse(await readFile(recordFile, 'utf8'))
    // A figure planted for an unchanged folder is what it counts; its entries are still listed.
    record[path.join('1.27.4', 'gocache', 'bb')].bytes = 5000
    await writeFile(recordFile, JSON.stringify(record))
    const trusted = await measureKept(root, gocache, now)
    expect({...trusted, names: trusted.names.sort()}).toEqual({names: ['aa/aa01-d', 'bb/bb01-a'], files: 2, bytes: 6000})
    // A folder Go added an entry to is read again; another version's folders are not counted.
    await entry('1.27.4', 'bb02-d', 500, 0, now)
    const grown = await measureKept(root, gocache, now)
    expect({...grown, names: grown.names.sort()}).toEqual({names: ['aa/aa01-d', 'bb/bb01-a', 'bb/bb02-d'], files: 3, bytes: 1600})
    // It only reads the record; a missing GOCACHE holds nothing.
    expect(JSON.parse(await readFile(recordFile, 'utf8'))).toEqual(record)
    expect(await measureKept(root, path.join(root, '1.99.0', 'gocache'), now)).toEqual({names: [], files: 0, bytes: 0})
  })

  it('reads GO_MATRIX_CACHE_LIMIT_GB', () => {
    expect(cacheLimitBytes(undefined)).toBe(5 * 1024 ** 3)
    expect(cacheLimitBytes('0.5')).toBe(512 * 1024 ** 2)
    expect(() => cacheLimitBytes('lots')).toThrow('GO_MATRIX_CACHE_LIMIT_GB: "lots" is not a positive number of GiB')
  })
})

describe('markRestored and pruneUnused', () => {
  it('tell the entries a run used (Go set their mtime) from those it did not, and count the new ones', async () => {
    const now = Date.now()
    // Restored with fresh-looking mtimes, as an archive keeps them: Go would not touch these within the hour.
    await entry('v', 'aa01-a', 10, 60_000, now)
    await entry('v', 'aa02-a', 20, 60_000, now)
    const gocache = path.join(root, 'v', 'gocache')
    const marked = await markRestored(gocache, now)
    expect(marked.entries).toEqual({files: 2, bytes: 30})
    // The run: Go uses aa01 (its mtime is now more than an hour old, so Go sets it) and writes aa03.
    await utimes(path.join(gocache, 'aa', 'aa01-a'), new Date(), new Date())
    await entry('v', 'aa03-d', 5, 0, Date.now())
    const pruned = await pruneUnused(gocache, marked.names, now)
    expect(pruned).toEqual({kept: {files: 2, bytes: 15}, removed: {files: 1, bytes: 20}, added: {files: 1, bytes: 5}})
    expect(await remaining('v', 'aa')).toEqual(['aa01-a', 'aa03-d'])
  })

  it("keep the output a used action record names, which Go does not read when everything is cached", async () => {
    const now = Date.now()
    const gocache = path.join(root, 'v', 'gocache')
    const action = 'ab'.repeat(32)
    const output = 'cd'.repeat(32)
    const other = 'ef'.repeat(32)
    await mkdir(path.join(gocache, 'ab'), {recursive: true})
    await writeFile(path.join(gocache, 'ab', `${action}-a`), `v1 ${action} ${output}                  100  1700000000000000000\n`)
    await entry('v', `${output}-d`, 100, 60_000, now)
    await entry('v', `${other}-d`, 7, 60_000, now)
    const marked = await markRestored(gocache, now)
    // The run reads the record only (a cached compile whose output nothing links).
    await utimes(path.join(gocache, 'ab', `${action}-a`), new Date(), new Date())
    const pruned = await pruneUnused(gocache, marked.names, now)
    expect(pruned.removed).toEqual({files: 1, bytes: 7})
    expect(await remaining('v', 'cd')).toEqual([`${output}-d`])
    expect(await remaining('v', 'ef')).toEqual([])
  })
})
