/**
 * The carried caches stay bounded (issue 11, item 3): over runs that each restore the previous
 * save, upgrade a dependency and change code, what is saved is what the run used. The module cache
 * loses the old dependency version, the build cache the objects only old code used, and a
 * restored, pruned cache still serves the next run fully, offline (GOPROXY=off) and with nothing
 * compiled anew. Real Go (1.27) against a file-based GOPROXY this test writes, with a store that
 * keeps entries as folders, restores as the Actions cache does (the exact key, else the newest
 * entry under each prefix in turn) and keeps mtimes, as archives do.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {CarriedCaches} from '../../src/cache/carried.js'
import {bytesOf, type CacheClient} from '../../src/transport/actions-cache.js'
import {isolatedEnv, versionDirs} from '../../src/runner/env.js'
import {matrixPaths} from '../../src/runner/matrix.js'
import {silentLogger} from '../../src/util/log.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const run = promisify(execFile)
const VERSION = '1.27.4'
const GOROOT = gorootOf('1.27')

/** Entries as folders under `root`, in the order saved. */
function folderStore(root: string): CacheClient & {saved: {key: string; dir: string}[]} {
  const saved: {key: string; dir: string}[] = []
  return {
    saved,
    available: async () => true,
    async restore(paths, primaryKey, restoreKeys) {
      const dir = paths[0] as string
      const found = saved.find(e => e.key === primaryKey) ?? restoreKeys.map(p => saved.filter(e => e.key.startsWith(p)).at(-1)).find(Boolean)
      if (!found) return undefined
      await rm(dir, {recursive: true, force: true})
      await cp(found.dir, dir, {recursive: true, preserveTimestamps: true})
      return found.key
    },
    async save(paths, key) {
      const dir = paths[0] as string
      if (saved.some(e => e.key === key)) return false
      const into = path.join(root, String(saved.length))
      await cp(dir, into, {recursive: true, preserveTimestamps: true})
      saved.push({key, dir: into})
      return true
    }
  }
}

async function zipModule(proxy: string, version: string, files: Record<string, string>): Promise<void> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-zip-'))
  const top = path.join(staging, `example.com/dep@${version}`)
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(top, name)), {recursive: true})
    await writeFile(path.join(top, name), body)
  }
  const at = path.join(proxy, 'example.com/dep/@v')
  await mkdir(at, {recursive: true})
  await run('zip', ['-qr', path.join(at, `${version}.zip`), `example.com/dep@${version}`], {cwd: staging})
  await writeFile(path.join(at, `${version}.mod`), files['go.mod'] as string)
  await writeFile(path.join(at, `${version}.info`), JSON.stringify({Version: version, Time: '2026-01-01T00:00:00Z'}))
  await rm(staging, {recursive: true, force: true})
}

describe('carried caches over many runs with a dependency upgrade', () => {
  let root: string
  let proxy: string
  let moduleDir: string

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-bounded-'))
    proxy = path.join(root, 'proxy')
    for (const [version, word] of [['v1.0.0', 'old'], ['v1.1.0', 'new']] as const) {
      await zipModule(proxy, version, {
        'go.mod': 'module example.com/dep\n\ngo 1.21\n',
        'dep.go': `package dep\n\n// Word is the ${word} word.\nfunc Word() string { return "${word}" }\n`
      })
    }
    await writeFile(path.join(proxy, 'example.com/dep/@v/list'), 'v1.0.0\nv1.1.0\n')
    moduleDir = path.join(root, 'app')
    await mkdir(moduleDir, {recursive: true})
  }, 60_000)

  afterAll(async () => {
    if (root) await rm(root, {recursive: true, force: true})
  })

  it('saves only what each run used, and a pruned cache serves the next run offline', async () => {
    const store = folderStore(path.join(root, 'store'))
    const paths = matrixPaths({workDir: path.join(root, 'work')})
    const env = isolatedEnv({PATH: process.env.PATH, HOME: root}, versionDirs(GOROOT, paths, VERSION))
    const go = path.join(GOROOT, 'bin/go')
    const sizes: {mod: number; build: number}[] = []

    const oneRun = async (n: number, dep: string, options: {save: boolean; proxy: string}) => {
      // A fresh runner: the work folder starts empty, but for the GOTMPDIR the runner makes before go runs.
      await rm(path.join(root, 'work'), {recursive: true, force: true})
      await mkdir(env.GOTMPDIR as string, {recursive: true})
      await writeFile(path.join(moduleDir, 'go.mod'), `module example.com/app\n\ngo 1.21\n\nrequire example.com/dep ${dep}\n`)
      await writeFile(path.join(moduleDir, 'go.sum'), '')
      // Each run changes the code, so each compiles something anew and saves.
      await writeFile(path.join(moduleDir, 'main.go'), `package main\n\nimport "example.com/dep"\n\nfunc main() { println(dep.Word(), ${n}) }\n`)
      const carried = new CarriedCaches({store, paths, moduleDir, platform: {os: 'linux', arch: 'amd64'}, unique: `run${n}`, save: options.save, saveWhy: 'test', logger: silentLogger})
      carried.start([VERSION])
      await carried.beforeVersion(VERSION)
      const runEnv = {...env, GOPROXY: options.proxy, GOSUMDB: 'off', GOFLAGS: `${env.GOFLAGS} -mod=mod`}
      await run(go, ['build', '-o', path.join(root, 'app.bin'), '.'], {cwd: moduleDir, env: runEnv})
      await carried.afterVersion(VERSION, 'ran')
      await carried.finish({binary: go, env: {...env, GOSUMDB: 'off'}})
      return carried.reportOf(VERSION)!
    }

    const fileProxy = `file://${proxy}`
    await oneRun(1, 'v1.0.0', {save: true, proxy: fileProxy})
    for (let n = 2; n <= 6; n++) {
      const report = await oneRun(n, 'v1.1.0', {save: true, proxy: fileProxy})
      expect(report).toMatchObject({restored: true, saved: true})
      // The objects only the previous run's code used are left out.
      expect(report.removedEntries).toBeGreaterThan(0)
      const mod = store.saved.filter(e => e.key.startsWith('go-matrix-mod-')).at(-1)!
      const build = store.saved.filter(e => e.key.startsWith('go-matrix-build-')).at(-1)!
      sizes.push({mod: await bytesOf([mod.dir]), build: await bytesOf([build.dir])})
      // The old dependency is gone from the saved module cache, extracted and downloaded alike.
      expect(await readdir(path.join(mod.dir, 'example.com'))).toEqual(['dep@v1.1.0'])
      expect((await readdir(path.join(mod.dir, 'cache/download/example.com/dep/@v'))).filter(f => f.startsWith('v1.0.0'))).toEqual([])
    }
    // The module cache is saved once per dependency change; the build cache does not grow.
    expect(store.saved.filter(e => e.key.startsWith('go-matrix-mod-')).map(e => e.key.split('-').at(-1))).toEqual(['run1', 'run2'])
    const builds = sizes.map(s => s.build)
    expect(Math.max(...builds.slice(1))).toBeLessThanOrEqual(builds[0]! * 1.05)

    // Offline, with the code of run 6: everything comes from the restored, pruned caches.
    await rm(path.join(root, 'app.bin'), {force: true})
    const last = await oneRun(6, 'v1.1.0', {save: false, proxy: 'off'})
    expect(last).toMatchObject({restored: true, addedEntries: 0})
    expect((await stat(path.join(root, 'app.bin'))).size).toBeGreaterThan(0)
  }, 600_000)
})
