import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {bytesOf, restoreEntry, saveEntry} from '../../src/transport/actions-cache.js'
import {FakeCache} from '../helpers/fake-cache.js'

const root = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-actions-cache-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name)
  mkdirSync(dir, {recursive: true})
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text)
  return dir
}

describe('restoreEntry and saveEntry', () => {
  it('report, in one call each, what was saved, what was restored, under which key, how big', async () => {
    const client = new FakeCache()
    const a = folder('a', {x: '12345'})
    const b = folder('b', {y: '123'})
    expect(await saveEntry({paths: [a, b], key: 'k-1', client})).toMatchObject({saved: true, bytes: 8})
    expect(await saveEntry({paths: [a, b], key: 'k-1', client})).toMatchObject({saved: false, bytes: 8})
    rmSync(a, {recursive: true})
    rmSync(b, {recursive: true})

    expect(await restoreEntry({paths: [a, b], key: 'k-1', client})).toMatchObject({outcome: 'hit', matchedKey: 'k-1', bytes: 8})
    expect(await restoreEntry({paths: [a, b], key: 'k-2', restoreKeys: ['k-'], client})).toMatchObject({outcome: 'partial', matchedKey: 'k-1', bytes: 8})
    expect(await restoreEntry({paths: [a, b], key: 'k-2', restoreKeys: ['j-'], client})).toMatchObject({outcome: 'miss', matchedKey: null, bytes: 0})
    // The paths are part of an entry's identity, as in the service.
    expect(await restoreEntry({paths: [a], key: 'k-1', client})).toMatchObject({outcome: 'miss'})
    const restored = await restoreEntry({paths: [a, b], key: 'k-1', client})
    expect(restored.seconds).toBeGreaterThanOrEqual(0)
  })

  it('pass a failing service on to the caller', async () => {
    const client = new FakeCache()
    client.restore = async () => Promise.reject(new Error('getCacheEntry failed: connect ECONNREFUSED'))
    await expect(restoreEntry({paths: [root], key: 'k', client})).rejects.toThrow('ECONNREFUSED')
  })
})

describe('bytesOf', () => {
  it('counts the regular files of folders and files, not links, and nothing for what is missing', async () => {
    const dir = folder('sized/deep', {f: 'abcd'})
    writeFileSync(path.join(root, 'sized', 'g'), 'ab')
    symlinkSync(path.join(dir, 'f'), path.join(root, 'sized', 'link'))
    expect(await bytesOf([path.join(root, 'sized'), path.join(root, 'missing')])).toBe(6)
    expect(await bytesOf([path.join(dir, 'f')])).toBe(4)
  })
})
