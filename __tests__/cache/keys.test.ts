import {describe, expect, it} from '@jest/globals'
import {buildCacheKeys, decideCacheSave, digestOfDependencies, moduleCacheKeys, uniqueSavePart} from '../../src/cache/keys.js'
import {describeVersionCache} from '../../src/cache/report.js'

const context = {os: 'linux', arch: 'amd64', dependencies: '0123456789abcdef', unique: '42-1-abc'}

describe('carried cache keys', () => {
  it('name the platform, the version and the dependencies, are unique per save, and fall back to the newest of the same version', () => {
    expect(buildCacheKeys('1.27.4', context)).toEqual({
      key: 'go-matrix-build-linux-amd64-go1.27.4-0123456789abcdef-42-1-abc',
      restoreKeys: ['go-matrix-build-linux-amd64-go1.27.4-0123456789abcdef-', 'go-matrix-build-linux-amd64-go1.27.4-']
    })
    expect(moduleCacheKeys({...context, dependencies: ''}).key).toBe('go-matrix-mod-linux-amd64-nodeps-42-1-abc')
    // A 1.2 build cache is never restored for 1.27: the prefix ends with the version and a dash.
    expect(buildCacheKeys('1.2', context).restoreKeys.at(-1)).toBe('go-matrix-build-linux-amd64-go1.2-')
  })

  it('digest go.sum and go.work.sum by name and content, in any order', () => {
    const a = digestOfDependencies([{name: 'go.sum', content: 'x'}, {name: 'go.work.sum', content: 'y'}])
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect(digestOfDependencies([{name: 'go.work.sum', content: 'y'}, {name: 'go.sum', content: 'x'}])).toBe(a)
    expect(digestOfDependencies([{name: 'go.sum', content: 'y'}, {name: 'go.work.sum', content: 'x'}])).not.toBe(a)
    expect(digestOfDependencies([])).toBe('')
  })

  it('make each save unique: the run, its attempt and the time', () => {
    expect(uniqueSavePart({GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2'}, 36)).toBe('7-2-10')
    expect(uniqueSavePart({}, 35)).toBe('local-z')
  })
})

describe('decideCacheSave', () => {
  const main = {eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main'}
  it.each([
    ['default-branch', main, true],
    ['default-branch', {...main, eventName: 'schedule'}, true],
    ['default-branch', {...main, ref: 'refs/heads/feature'}, false],
    ['default-branch', {...main, eventName: 'pull_request', ref: 'refs/pull/7/merge'}, false],
    ['default-branch', {...main, eventName: 'pull_request_target', ref: 'refs/heads/main'}, false],
    ['default-branch', {...main, defaultBranch: null}, false],
    ['always', {...main, eventName: 'pull_request', ref: 'refs/pull/7/merge'}, true],
    ['never', main, false]
  ] as const)('%s on %j saves: %s', (mode, event, save) => {
    const decision = decideCacheSave(mode, event)
    expect(decision.save).toBe(save)
    expect(decision.why).not.toBe('')
  })
})

describe('describeVersionCache', () => {
  it('says restored or missed, what was added, saved or why not', () => {
    expect(
      describeVersionCache({where: 'actions-cache', restored: true, key: 'k1', restoredBytes: 3 * 1024 * 1024, restoreSeconds: 1.25, saved: false, saveSeconds: 0, addedEntries: 0, why: 'not saved: cache-save is never'})
    ).toBe('build cache restored from k1 (3.0 MiB, 1.3 s); nothing compiled or tested anew; not saved: cache-save is never')
    expect(describeVersionCache({where: 'actions-cache', restored: false, key: null, restoredBytes: 0, restoreSeconds: 0.1, saved: true, savedKey: 'k2', savedBytes: 1024 * 1024, saveSeconds: 2, addedEntries: 12})).toBe(
      'build cache missed; 12 entries added; saved as k2 (1.0 MiB, 2.0 s)'
    )
  })
})
