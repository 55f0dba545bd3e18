import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {actionsCacheClient, type CacheClient} from '../../src/transport/actions-cache.js'
import {FakeCache} from '../helpers/fake-cache.js'
import {
  baselineCacheDir,
  baselineKey,
  baselineKeyPrefix,
  CACHE_UNAVAILABLE_NOTE,
  commitOfKey,
  decideBaselineAction,
  restoreBaseline,
  sanitizeKeyPart,
  saveBaseline
} from '../../src/github/baseline-store.js'
import type {Logger} from '../../src/util/log.js'

/** A cache whose service fails every call the way a network error does. */
const failingCache: CacheClient = {
  available: async () => true,
  restore: async () => {
    throw new Error('getCacheEntry failed: connect ECONNREFUSED')
  },
  save: async () => {
    throw new Error('reserveCache failed: connect ECONNREFUSED')
  }
}

function recordingLogger(): Logger & {warnings: string[]} {
  const warnings: string[] = []
  return {warnings, info() {}, warning: message => void warnings.push(message), error() {}, debug() {}, group() {}}
}

const sha = (digit: string): string => digit.repeat(40)
const REPO = 'octo-org/my-repo'

let temp: string
let dir: string

beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-baseline-store-'))
  dir = baselineCacheDir(temp)
})

afterEach(() => {
  rmSync(temp, {recursive: true, force: true})
})

/** Writes a report.json whose commit is `commit`, as a run would. */
function report(commit: string): string {
  const file = path.join(temp, `report-${commit.slice(0, 4)}.json`)
  writeFileSync(file, JSON.stringify({schemaVersion: 1, commit}))
  return file
}

describe('cache keys', () => {
  it('names the repository, branch and commit', () => {
    expect(baselineKey(REPO, 'main', sha('a'))).toBe(`go-matrix-baseline-octo-org-my-repo-main-${sha('a')}`)
    expect(baselineKeyPrefix(REPO, 'main')).toBe('go-matrix-baseline-octo-org-my-repo-main-')
  })

  it.each([
    ['feature/x', 'feature_x'],
    ['release-1.2', 'release-1.2'],
    ['a,b c', 'a_b_c'],
    ['ünïcode', '_n_code']
  ])('sanitises the branch %j to %j', (branch, part) => {
    expect(sanitizeKeyPart(branch)).toBe(part)
  })

  it('keeps a long branch name unique and the key within 512 characters', () => {
    const long = 'x'.repeat(300)
    const part = sanitizeKeyPart(long)
    expect(part).toHaveLength(200)
    expect(part).not.toBe(sanitizeKeyPart(`${long}y`))
    expect(baselineKey(`${'o'.repeat(39)}/${'r'.repeat(100)}`, 'é'.repeat(255), sha('a').repeat(2).slice(0, 64)).length).toBeLessThanOrEqual(512)
  })

  it.each([
    [`go-matrix-baseline-o-r-main-${sha('a')}`, sha('a')],
    [`go-matrix-baseline-o-r-main-2-${sha('a')}`, null],
    [`go-matrix-baseline-o-r-main-${sha('a').slice(0, 7)}`, null],
    [`go-matrix-baseline-o-r-other-${sha('a')}`, null]
  ])('reads the commit of %s', (key, commit) => {
    expect(commitOfKey(key, 'go-matrix-baseline-o-r-main-')).toBe(commit)
  })
})

describe('decideBaselineAction', () => {
  it.each([
    [{eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main', baseRef: ''}, {action: 'save', branch: 'main'}],
    [{eventName: 'push', ref: 'refs/heads/release/1.x', defaultBranch: 'release/1.x', baseRef: ''}, {action: 'save', branch: 'release/1.x'}],
    [{eventName: 'pull_request', ref: 'refs/pull/7/merge', defaultBranch: 'main', baseRef: 'main'}, {action: 'restore', branch: 'main'}],
    [{eventName: 'pull_request_target', ref: 'refs/heads/main', defaultBranch: 'main', baseRef: 'develop'}, {action: 'restore', branch: 'develop'}],
    [
      {eventName: 'push', ref: 'refs/heads/feature', defaultBranch: 'main', baseRef: ''},
      {action: 'none', reason: 'baselines are saved on pushes to main; this push is to feature'}
    ],
    [
      {eventName: 'push', ref: 'refs/heads/mainline', defaultBranch: 'main', baseRef: ''},
      {action: 'none', reason: 'baselines are saved on pushes to main; this push is to mainline'}
    ],
    [{eventName: 'push', ref: 'refs/tags/v1.0.0', defaultBranch: 'main', baseRef: ''}, {action: 'none', reason: 'a push to refs/tags/v1.0.0 (not a branch) saves no baseline'}],
    [
      {eventName: 'push', ref: 'refs/heads/main', defaultBranch: '', baseRef: ''},
      {action: 'none', reason: "the push event does not name the default branch, so main's report is not saved as a baseline"}
    ],
    [
      {eventName: 'push', ref: 'refs/heads/main', defaultBranch: null, baseRef: null},
      {action: 'none', reason: "the push event does not name the default branch, so main's report is not saved as a baseline"}
    ],
    [
      {eventName: 'pull_request', ref: 'refs/pull/7/merge', defaultBranch: 'main', baseRef: ''},
      {action: 'none', reason: 'the pull_request event names no base branch, so there is no baseline to restore'}
    ],
    [
      {eventName: 'schedule', ref: 'refs/heads/main', defaultBranch: 'main', baseRef: ''},
      {action: 'none', reason: 'baselines are saved on pushes to the default branch and restored on pull requests; this is a schedule event'}
    ],
    [
      {eventName: '', ref: '', defaultBranch: '', baseRef: ''},
      {action: 'none', reason: 'baselines are saved on pushes to the default branch and restored on pull requests; this is a run without an event'}
    ]
  ])('%j -> %j', (event, action) => {
    expect(decideBaselineAction(event)).toEqual(action)
  })
})

describe('saveBaseline and restoreBaseline', () => {
  it('restores the newest report saved for the base branch', async () => {
    const cache = new FakeCache()
    const logger = recordingLogger()
    for (const commit of [sha('1'), sha('2')]) {
      const saved = await saveBaseline({reportPath: report(commit), branch: 'main', sha: commit, repo: REPO, dir, cache, logger})
      expect(saved).toEqual({key: baselineKey(REPO, 'main', commit), note: `This report is saved as the baseline for main at ${commit.slice(0, 7)}.`})
    }
    await saveBaseline({reportPath: report(sha('3')), branch: 'develop', sha: sha('3'), repo: REPO, dir, cache, logger})
    // The next job starts without the files of this one.
    rmSync(dir, {recursive: true, force: true})

    const restored = await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache, logger})
    expect(restored).toEqual({path: path.join(dir, 'report.json'), note: 'Baseline: the report of main at 2222222.'})
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toEqual({schemaVersion: 1, commit: sha('2')})
    expect(readdirSync(dir)).toEqual(['report.json'])
    expect(logger.warnings).toEqual([])
  })

  it("does not take another branch's baseline whose name starts with the base branch's", async () => {
    const cache = new FakeCache()
    const logger = recordingLogger()
    await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: REPO, dir, cache, logger})
    await saveBaseline({reportPath: report(sha('2')), branch: 'main-2', sha: sha('2'), repo: REPO, dir, cache, logger})

    const restored = await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache, logger})
    expect(restored).toEqual({
      path: null,
      note: `The newest cache entry matching go-matrix-baseline-octo-org-my-repo-main- is go-matrix-baseline-octo-org-my-repo-main-2-${sha('2')}, which is not a baseline of main, so there is no baseline.`
    })
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false)
  })

  it("does not take another repository's baseline", async () => {
    const cache = new FakeCache()
    await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: 'octo-org/other', dir, cache, logger: recordingLogger()})
    const restored = await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache, logger: recordingLogger()})
    expect(restored).toEqual({path: null, note: 'No baseline is saved for main yet (a push to main saves one), so there is no baseline.'})
  })

  it('never passes off a report left in the directory as a restored one', async () => {
    mkdirSync(dir, {recursive: true})
    writeFileSync(path.join(dir, 'report.json'), '{"schemaVersion": 1, "stale": true}')
    const restored = await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache: new FakeCache(), logger: recordingLogger()})
    expect(restored.path).toBeNull()
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false)
  })

  it('says so when the cache service is not available', async () => {
    const cache = new FakeCache(false)
    const logger = recordingLogger()
    expect(await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: REPO, dir, cache, logger})).toEqual({
      key: null,
      note: 'The Actions cache service is not available here, so this report is not saved as a baseline.'
    })
    expect(await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache, logger})).toEqual({path: null, note: CACHE_UNAVAILABLE_NOTE})
    expect(CACHE_UNAVAILABLE_NOTE).toBe('The Actions cache service is not available here, so there is no baseline.')
    expect(cache.entries).toEqual([])
    expect(logger.warnings).toEqual([])
  })

  it('turns a failing service into a warning and a note', async () => {
    const logger = recordingLogger()
    expect(await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: REPO, dir, cache: failingCache, logger})).toEqual({
      key: null,
      note: 'The baseline could not be saved to the Actions cache: reserveCache failed: connect ECONNREFUSED'
    })
    expect(await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, cache: failingCache, logger})).toEqual({
      path: null,
      note: 'The baseline could not be restored from the Actions cache (getCacheEntry failed: connect ECONNREFUSED), so there is no baseline.'
    })
    expect(logger.warnings).toEqual([
      `The baseline for main could not be saved to the Actions cache under ${baselineKey(REPO, 'main', sha('1'))}: reserveCache failed: connect ECONNREFUSED`,
      'The baseline for main could not be restored from the Actions cache: getCacheEntry failed: connect ECONNREFUSED'
    ])
  })

  it('reports a declined save (the commit has a baseline already)', async () => {
    const cache = new FakeCache()
    const logger = recordingLogger()
    await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: REPO, dir, cache, logger})
    expect(await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: sha('1'), repo: REPO, dir, cache, logger})).toEqual({
      key: null,
      note: `The Actions cache did not save the baseline under ${baselineKey(REPO, 'main', sha('1'))} (an entry with that key may exist already).`
    })
    expect(cache.entries).toHaveLength(1)
  })

  it('names a missing report file in the warning', async () => {
    const logger = recordingLogger()
    const missing = path.join(temp, 'nowhere', 'report.json')
    const saved = await saveBaseline({reportPath: missing, branch: 'main', sha: sha('1'), repo: REPO, dir, cache: new FakeCache(), logger})
    expect(saved.key).toBeNull()
    expect(saved.note).toContain(missing)
    expect(logger.warnings[0]).toContain(missing)
  })

  it('saves a report written in the cache directory itself', async () => {
    const cache = new FakeCache()
    mkdirSync(dir, {recursive: true})
    const inPlace = path.join(dir, 'report.json')
    writeFileSync(inPlace, '{"schemaVersion": 1}')
    const saved = await saveBaseline({reportPath: inPlace, branch: 'main', sha: sha('1'), repo: REPO, dir, cache, logger: recordingLogger()})
    expect(saved.key).toBe(baselineKey(REPO, 'main', sha('1')))
    expect(cache.entries[0]?.files).toEqual(new Map([[path.resolve(inPlace), '{"schemaVersion": 1}']]))
  })

  it('refuses a commit that is not a full commit id', async () => {
    const cache = new FakeCache()
    expect(await saveBaseline({reportPath: report(sha('1')), branch: 'main', sha: '', repo: REPO, dir, cache, logger: recordingLogger()})).toEqual({
      key: null,
      note: 'The report is not saved as a baseline: the commit "" is not a full commit id.'
    })
    expect(cache.entries).toEqual([])
  })
})

describe('actionsCacheClient', () => {
  const names = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'] as const
  const saved = names.map(name => [name, process.env[name]] as const)
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('is the default, and finds no cache service outside GitHub Actions', async () => {
    for (const name of names) delete process.env[name]
    expect(await actionsCacheClient.available()).toBe(false)
    expect(await restoreBaseline({baseBranch: 'main', repo: REPO, destDir: dir, logger: recordingLogger()})).toEqual({path: null, note: CACHE_UNAVAILABLE_NOTE})
    process.env.ACTIONS_CACHE_URL = 'http://127.0.0.1:9/'
    expect(await actionsCacheClient.available()).toBe(true)
  })
})
