/**
 * The foundation issue's "done when": dist/index.js, run as a runner runs it, installs 1.21,
 * 1.24.x and stable (1.27.4) from a loopback mirror of go.dev, sets `versions`, and a second run finds
 * them in the tool cache.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')

describe('dist/index.js installs from a go.dev mirror', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.21', '1.24', '1.27']})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: repo}
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  const inputs = () => ({
    'go-versions': '1.21,1.24.x,stable',
    'download-base-url': mirror.baseUrl,
    'working-directory': 'examples/hello',
    'report-directory': path.join(dirs.root, 'report')
  })

  it('installs three versions, runs them and sets every output', async () => {
    const run = await runAction(bundle, dirs, inputs())
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
    expect(JSON.parse(run.outputs.versions as string)).toEqual(['1.21.13', '1.24.4', '1.27.4'])
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    const archives = new Map(mirror.archives.map(a => [a.version, a.sha256]))
    for (const v of report.versions) {
      expect(v.toolchain.source).toBe('download')
      expect(v.toolchain.sha256).toBe(archives.get(v.version))
      const goroot = path.join(dirs.toolCache, 'go', v.version, 'x64')
      const printed = execFileSync(path.join(goroot, 'bin/go'), ['version'], {env: {GOTOOLCHAIN: 'local', PATH: '', HOME: dirs.root}}).toString()
      expect(printed).toBe(`go version go${v.version} linux/amd64\n`)
    }
    expect(report.versions.map((v: {spec: string}) => v.spec)).toEqual(['1.21', '1.24.x', 'stable'])
    const results = JSON.parse(run.outputs.results as string)
    expect(results.map((r: {status: string; coverage: number}) => [r.status, r.coverage])).toEqual([
      ['passed', 73.7],
      ['passed', 63.6],
      ['passed', 63.6]
    ])
    expect(run.outputs.coverage).toBe('63.6')
    expect(run.outputs.passed).toBe('true')
    expect(run.outputs.lcov).toBe(path.join(dirs.root, 'report', 'merged.lcov'))
    expect(run.summary.split('\n')[0]).toBe('✅ All 3 Go versions passed and every gate held.')
    const downloads = mirror.requests.filter(r => r.endsWith('.tar.gz'))
    expect(downloads.sort()).toEqual([
      '/dl/go1.21.13.linux-amd64.tar.gz',
      '/dl/go1.24.4.linux-amd64.tar.gz',
      '/dl/go1.27.4.linux-amd64.tar.gz'
    ])
  })

  it('finds them in the tool cache on the second run, downloading nothing', async () => {
    const before = mirror.requests.length
    const run = await runAction(bundle, dirs, inputs())
    expect(run.code).toBe(0)
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(report.versions.map((v: {toolchain: {source: string}}) => v.toolchain.source)).toEqual(['tool-cache', 'tool-cache', 'tool-cache'])
    // Verification included: bench/install/verify.mjs measures the 0.25 s target; this bounds a loaded machine.
    for (const v of report.versions) expect(v.toolchain.seconds).toBeLessThan(5)
    expect(mirror.requests.slice(before)).toEqual(['/?mode=json&include=all'.replace(/^/, '/dl')])
  })

  it('fails with a message naming the spec when nothing matches', async () => {
    const run = await runAction(bundle, dirs, {...inputs(), 'go-versions': '1.30'})
    expect(run.code).toBe(1)
    const why = 'input go-versions: no Go release matches "1.30"; nearest: 1.27.4, 1.26.11'
    expect(run.stdout).toContain(`::error::${why}`)
    expect(run.outputs.versions).toBeUndefined()
    // The job summary says why too, rather than staying empty.
    expect(run.summary.split('\n')[0]).toBe(`❌ go-matrix stopped before a report: ${why}.`)
  })
})
