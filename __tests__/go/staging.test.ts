import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {createStaging, currentOwner, HEARTBEAT_MS, isAbandoned, processAlive, removeAbandonedStaging, STALE_AFTER_MS, type StagingOwner} from '../../src/go/staging.js'
import type {Logger} from '../../src/util/log.js'

const here = {host: 'runner-1', pidNamespace: 'pid:[1]'}
const owner = (over: Partial<StagingOwner> = {}): StagingOwner => ({pid: 4242, host: 'runner-1', pidNamespace: 'pid:[1]', started: '2026-11-30T00:00:00.000Z', ...over})
const alive = (pids: number[]) => (pid: number) => pids.includes(pid)

describe('isAbandoned', () => {
  it.each([
    ['its owner on this machine is gone', owner(), 5_000, alive([]), true],
    ['its owner on this machine is alive', owner(), 5_000, alive([4242]), false],
    ['its owner is alive but silent past the limit (a reused pid)', owner(), STALE_AFTER_MS + 1, alive([4242]), true],
    ['its owner ran on another host and beats', owner({host: 'runner-2'}), 5_000, alive([]), false],
    ['its owner ran on another host and went silent', owner({host: 'runner-2'}), STALE_AFTER_MS + 1, alive([]), true],
    ['its owner ran in another pid namespace (a container) and beats', owner({pidNamespace: 'pid:[2]'}), 5_000, alive([]), false],
    ['it has no record and is fresh (being created)', undefined, 1_000, alive([]), false],
    ['it has no record and is old', undefined, STALE_AFTER_MS + 1, alive([]), true]
  ] as const)('%s: %s', (_, record, silentForMs, isAlive, expected) => {
    expect(isAbandoned(record, silentForMs, here, isAlive)).toBe(expected)
  })

  it('allows many missed heartbeats before calling a silent owner gone', () => {
    expect(STALE_AFTER_MS / HEARTBEAT_MS).toBeGreaterThanOrEqual(10)
  })
})

describe('staging folders on disk', () => {
  let root: string
  const infos: string[] = []
  const warnings: string[] = []
  const logger: Logger = {info: m => void infos.push(m), warning: m => void warnings.push(m), error() {}, debug() {}, group() {}}
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-staging-'))
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  /** The pid of a process that has exited, so that it is certainly not alive. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', ''], {stdio: 'ignore'})
    await new Promise(resolve => child.on('exit', resolve))
    expect(processAlive(child.pid as number)).toBe(false)
    return child.pid as number
  }

  async function leftBy(goDir: string, name: string, record: StagingOwner | undefined, ageMs = 0): Promise<string> {
    const dir = path.join(goDir, name)
    await mkdir(path.join(dir, 'attempt-1', 'go', 'bin'), {recursive: true})
    await writeFile(path.join(dir, 'attempt-1', 'go', 'bin', 'go'), 'partial')
    const file = record ? path.join(dir, 'owner.json') : dir
    if (record) await writeFile(file, JSON.stringify(record))
    const then = new Date(Date.now() - ageMs)
    await utimes(file, then, then)
    return dir
  }

  it('records its owner and keeps it as long as this process lives', async () => {
    const goDir = await mkdtemp(path.join(root, 'go-'))
    const staging = await createStaging(goDir, '.staging-1.99.0-x64-')
    try {
      const record = JSON.parse(await readFile(path.join(staging.dir, 'owner.json'), 'utf8')) as StagingOwner
      expect(record).toMatchObject({pid: process.pid, host: os.hostname(), pidNamespace: currentOwner().pidNamespace})
      expect(await removeAbandonedStaging(goDir, logger)).toEqual([])
      expect(existsSync(staging.dir)).toBe(true)
    } finally {
      staging.release()
    }
  })

  it("removes a killed job's folder at once, and old ones without a record; keeps the live and the recent", async () => {
    const goDir = await mkdtemp(path.join(root, 'go-'))
    const me = currentOwner()
    const killed = await leftBy(goDir, '.staging-1.27.4-x64-killed', {...me, pid: await deadPid()})
    const live = await leftBy(goDir, '.staging-1.27.4-x64-live', me)
    const elsewhere = await leftBy(goDir, '.staging-1.27.4-x64-elsewhere', {...me, host: 'another-runner', pid: 1}, 60_000)
    const silent = await leftBy(goDir, '.staging-1.27.4-x64-silent', {...me, host: 'another-runner', pid: 1}, STALE_AFTER_MS + 60_000)
    const unrecorded = await leftBy(goDir, '.staging-1.27.4-x64-unrecorded', undefined, STALE_AFTER_MS + 60_000)
    const fresh = await leftBy(goDir, '.staging-1.27.4-x64-fresh', undefined)
    const toolchain = path.join(goDir, '1.27.4', 'x64')
    await mkdir(toolchain, {recursive: true})
    const removed = await removeAbandonedStaging(goDir, logger)
    expect(removed.sort()).toEqual([killed, silent, unrecorded].sort())
    for (const dir of [killed, silent, unrecorded]) expect(existsSync(dir)).toBe(false)
    for (const dir of [live, elsewhere, fresh, toolchain]) expect(existsSync(dir)).toBe(true)
    expect(infos.find(m => m.includes(killed))).toMatch(/abandoned by process \d+ on /)
    expect(warnings).toEqual([])
  })

  it('the heartbeat keeps the record fresh while the owner works, and stops on release', async () => {
    const goDir = await mkdtemp(path.join(root, 'go-'))
    const staging = await createStaging(goDir, '.staging-1.99.0-x64-', 50)
    const record = path.join(staging.dir, 'owner.json')
    const longAgo = new Date(Date.now() - STALE_AFTER_MS - 60_000)
    try {
      await utimes(record, longAgo, longAgo)
      await new Promise(resolve => setTimeout(resolve, 200))
      expect(Date.now() - (await stat(record)).mtimeMs).toBeLessThan(1000)
      expect(await removeAbandonedStaging(goDir, logger)).toEqual([])
    } finally {
      staging.release()
    }
    await utimes(record, longAgo, longAgo)
    await new Promise(resolve => setTimeout(resolve, 200))
    expect(Date.now() - (await stat(record)).mtimeMs).toBeGreaterThan(STALE_AFTER_MS)
  })

  it('a tool cache without a go folder has nothing to clean', async () => {
    expect(await removeAbandonedStaging(path.join(root, 'nothing', 'go'), logger)).toEqual([])
  })
})
