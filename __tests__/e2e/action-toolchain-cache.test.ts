/**
 * `cache: true` for toolchains, end to end: dist/index.js, run as a runner runs it, downloads Go from a
 * loopback go.dev mirror and saves it through the real @actions/cache into a loopback Actions cache
 * service (v2, as on github.com); a later job on another branch, with an empty tool cache at the same
 * path (as on a fresh runner), restores it from the default branch's scope and downloads nothing.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {startActionsCacheStandIn, type ActionsCacheStandIn} from '../helpers/actions-cache.js'
import {runAction, type RunnerDirs} from './runner-env.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repoRoot, 'dist/index.js')

interface ReportVersion {
  version: string
  toolchain: {source: string; sha256: string}
}

describe('dist/index.js keeps toolchains in the Actions cache', () => {
  let mirror: GoMirror
  let cache: ActionsCacheStandIn
  let dirs: RunnerDirs

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.21']})
    cache = await startActionsCacheStandIn()
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-toolchain-cache-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: path.join(root, 'repo')}
    await cp(path.join(repoRoot, 'examples/hello'), dirs.workspace, {recursive: true})
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    await cache?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  const inputs = () => ({
    'go-versions': '1.21',
    'download-base-url': mirror.baseUrl,
    'report-directory': path.join(dirs.root, 'report'),
    baseline: 'none',
    cache: 'true'
  })
  const archive = () => mirror.archives[0]!
  const key = () => `go-matrix-go-${archive().version}-linux-amd64-${archive().sha256}`
  const downloads = () => mirror.requests.filter(r => r.endsWith('.tar.gz')).length

  async function versionsOf(report: string): Promise<ReportVersion[]> {
    return JSON.parse(await readFile(report, 'utf8')).versions
  }

  it('saves a downloaded toolchain on a push to main', async () => {
    const run = await runAction(bundle, dirs, inputs(), {GITHUB_REF: 'refs/heads/main', ...cache.envFor({ref: 'refs/heads/main'})})
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
    const [version] = await versionsOf(run.outputs.report as string)
    expect(version?.toolchain).toMatchObject({source: 'download', sha256: archive().sha256})
    expect(downloads()).toBe(1)
    expect(cache.entries()).toEqual([expect.objectContaining({key: key(), scope: 'refs/heads/main', finalized: true})])
    expect(cache.requests.map(r => [r.op, r.status])).toEqual([
      ['GetCacheEntryDownloadURL', 200],
      ['CreateCacheEntry', 200],
      ['PutBlob', 201],
      ['FinalizeCacheEntryUpload', 200]
    ])
  })

  it('restores it into an empty tool cache at the same path on another branch, downloading nothing', async () => {
    await rm(dirs.toolCache, {recursive: true, force: true})
    const before = cache.requests.length
    const run = await runAction(bundle, dirs, inputs(), {
      GITHUB_REF: 'refs/heads/feature',
      ...cache.envFor({ref: 'refs/heads/feature', readable: ['refs/heads/main']})
    })
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
    const [version] = await versionsOf(run.outputs.report as string)
    expect(version?.toolchain).toMatchObject({source: 'cache', sha256: archive().sha256})
    expect(downloads()).toBe(1)
    expect(cache.requests.slice(before).map(r => [r.op, r.status])).toEqual([
      ['GetCacheEntryDownloadURL', 200],
      ['GetBlob', 200]
    ])
    expect(cache.entries()).toEqual([expect.objectContaining({key: key(), scope: 'refs/heads/main', hits: 1})])
    const goroot = path.join(dirs.toolCache, 'go', archive().version, 'x64')
    expect(existsSync(`${goroot}.complete`)).toBe(true)
    const printed = execFileSync(path.join(goroot, 'bin/go'), ['version'], {env: {GOTOOLCHAIN: 'local', PATH: '', HOME: dirs.root}}).toString()
    expect(printed).toBe(`go version go${archive().version} linux/amd64\n`)
    expect(JSON.parse(run.outputs.results as string)).toEqual([expect.objectContaining({status: 'passed', coverage: 73.7})])
  })
})
