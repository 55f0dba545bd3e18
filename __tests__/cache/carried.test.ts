/**
 * CarriedCaches' order of work, with a store that restores folders on cue: restores start when the
 * versions are resolved, a version waits for its own build cache and the module cache only, a miss
 * still runs and saves, a run that used exactly what it restored saves nothing, and a store that
 * fails is a warning and a miss, never an error.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {mkdir, mkdtemp, rm, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {CarriedCaches} from '../../src/cache/carried.js'
import type {CacheClient} from '../../src/transport/actions-cache.js'
import {matrixPaths} from '../../src/runner/matrix.js'
import {versionDirs} from '../../src/runner/env.js'
import {recordingLogger} from '../github/recording-logger.js'
import {unitsDone} from '../../src/cache/setup.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-carried-'))
})
afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

function deferred(): {promise: Promise<void>; resolve: () => void} {
  let resolve = (): void => undefined
  const promise = new Promise<void>(r => (resolve = r))
  return {promise, resolve}
}

async function writeEntry(gocache: string, name: string): Promise<void> {
  await mkdir(path.join(gocache, name.slice(0, 2)), {recursive: true})
  await writeFile(path.join(gocache, name.slice(0, 2), name), 'x')
}

describe('CarriedCaches', () => {
  it('lets a version start once its own build cache is restored, whatever another version waits for', async () => {
    const paths = matrixPaths({workDir: path.join(root, 'work')})
    const slow = deferred()
    const asked: string[] = []
    const store: CacheClient = {
      available: async () => true,
      async restore(paths, key) {
        const dir = paths[0] as string
        asked.push(key)
        if (key.includes('go1.24.4')) await slow.promise
        if (key.includes('go1.27.4')) await writeEntry(dir, 'aa01-a')
        return key.includes('go1.27.4') ? 'go-matrix-build-old' : undefined
      },
      save: async () => true
    }
    const carried = new CarriedCaches({store, paths, moduleDir: root, platform: {os: 'linux', arch: 'amd64'}, unique: 'u', save: true, saveWhy: 'test', logger: recordingLogger()})
    carried.start(['1.24.4', '1.27.4'])
    await carried.beforeVersion('1.27.4')
    expect(carried.reportOf('1.27.4')).toMatchObject({restored: true, key: 'go-matrix-build-old'})
    expect(carried.reportOf('1.24.4')).toMatchObject({restored: false})
    // Both restores were asked for at once; no module cache without a go.sum.
    expect(asked.filter(k => k.startsWith('go-matrix-build-'))).toHaveLength(2)
    expect(asked.filter(k => k.startsWith('go-matrix-mod-'))).toEqual([])
    slow.resolve()
    await carried.beforeVersion('1.24.4')
    expect(carried.reportOf('1.24.4')).toMatchObject({restored: false, key: null})
  })

  it('saves a version that missed, and not one that used exactly what it restored', async () => {
    const paths = matrixPaths({workDir: path.join(root, 'work')})
    const saved: string[] = []
    const store: CacheClient = {
      available: async () => true,
      async restore(paths, key) {
        const dir = paths[0] as string
        if (!key.includes('go1.27.4')) return undefined
        await writeEntry(dir, 'aa01-a')
        return 'restored-key'
      },
      async save(_paths, key) {
        saved.push(key)
        return true
      }
    }
    const carried = new CarriedCaches({store, paths, moduleDir: root, platform: {os: 'linux', arch: 'amd64'}, unique: 'u', save: true, saveWhy: 'test', logger: recordingLogger()})
    carried.start(['1.24.4', '1.27.4'])
    await carried.beforeVersion('1.24.4')
    await carried.beforeVersion('1.27.4')
    // The runs: 1.24 compiles an entry; 1.27 uses its restored entry (Go sets the old mtime to now).
    await writeEntry(versionDirs('', paths, '1.24.4').gocache, 'bb01-d')
    const used = path.join(versionDirs('', paths, '1.27.4').gocache, 'aa', 'aa01-a')
    await utimes(used, new Date(), new Date())
    await carried.afterVersion('1.24.4', 'ran')
    await carried.afterVersion('1.27.4', 'ran')
    await carried.finish(null)
    expect(saved).toEqual(['go-matrix-build-linux-amd64-go1.24.4-nodeps-u'])
    expect(carried.reportOf('1.24.4')).toMatchObject({restored: false, saved: true, addedEntries: 1})
    expect(carried.reportOf('1.27.4')).toMatchObject({restored: true, saved: false, addedEntries: 0, removedEntries: 0, why: 'not saved: the run used exactly what it restored'})
  })

  it('turns a failing store into warnings and misses', async () => {
    const paths = matrixPaths({workDir: path.join(root, 'work')})
    const store: CacheClient = {
      available: async () => true,
      restore: async () => {
        throw new Error('service unavailable')
      },
      save: async () => {
        throw new Error('quota exceeded')
      }
    }
    const log = recordingLogger()
    const carried = new CarriedCaches({store, paths, moduleDir: root, platform: {os: 'linux', arch: 'amd64'}, unique: 'u', save: true, saveWhy: 'test', logger: log})
    carried.start(['1.27.4'])
    await carried.beforeVersion('1.27.4')
    await writeEntry(versionDirs('', paths, '1.27.4').gocache, 'cc01-d')
    await carried.afterVersion('1.27.4', 'ran')
    await carried.finish(null)
    expect(carried.reportOf('1.27.4')).toMatchObject({restored: false, saved: false, why: 'saving failed: quota exceeded'})
    expect(log.warnings.join('\n')).toContain('was not restored: service unavailable')
    expect(log.warnings.join('\n')).toContain('was not saved: quota exceeded')
  })
})

describe('unitsDone', () => {
  it("gives a version's outcome at its last module's run only: ran when any ran", () => {
    const done = unitsDone(3)
    expect(done('1.27.4', 'skipped')).toBeNull()
    expect(done('1.24.4', 'stopped')).toBeNull()
    expect(done('1.27.4', 'ran')).toBeNull()
    expect(done('1.27.4', 'skipped')).toBe('ran')
    expect(done('1.24.4', 'skipped')).toBeNull()
    expect(done('1.24.4', 'skipped')).toBe('stopped')
    expect(unitsDone(1)('1.22.12', 'skipped')).toBe('skipped')
  })
})
