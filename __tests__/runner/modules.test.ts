/**
 * The runner over several modules: each module × version is one unit under the version's isolated
 * environment, on the three-module fixture repository (__tests__/fixtures/repos/three: the root,
 * api/ depending on it through a replace, tools/ with `go 1.25`), under an old and a new Go.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {runMatrix} from '../../src/runner/matrix.js'
import type {RunRequest, VersionRun} from '../../src/runner/types.js'
import type {Logger} from '../../src/util/log.js'
import {SHARED_WORK_DIR, goTestCoverIn, localToolchain, recordingLogger} from './helpers.js'
import {SHARED_GO_CACHES} from '../helpers/go-caches.js'

const THREE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos/three')
const old = localToolchain('1.21')
const stable = localToolchain('1.27')
let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-modules-run-'))
})

afterAll(() => {
  rmSync(scratch, {recursive: true, force: true})
})

function request(root: string, overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    toolchains: [old, stable],
    moduleDir: root,
    modules: ['.', 'api', 'tools'],
    packages: ['./...'],
    build: true,
    vet: false,
    buildTargets: [],
    testFlags: [],
    coverMode: '',
    coverPackages: '',
    maxParallel: 2,
    timeoutMinutes: 5,
    reportDir: mkdtempSync(path.join(scratch, 'report-')),
    workDir: SHARED_WORK_DIR,
    cacheDir: SHARED_GO_CACHES,
    env: {...process.env, GOFLAGS: '-count=1'},
    logger: recordingLogger().logger,
    ...overrides
  }
}

/** The same, from the unit's coverage.out: package → percent, as go test -cover computes it. */
function profileCover(run: VersionRun): Map<string, string> {
  const byPackage = new Map<string, {covered: number; total: number}>()
  for (const line of readFileSync(run.profile as string, 'utf8').split('\n').slice(1)) {
    const m = /^(.+)\/[^/]+\.go:\S+ (\d+) (\d+)$/.exec(line)
    if (!m) continue
    const c = byPackage.get(m[1] as string) ?? {covered: 0, total: 0}
    c.total += Number(m[2])
    if (Number(m[3]) > 0) c.covered += Number(m[2])
    byPackage.set(m[1] as string, c)
  }
  return new Map([...byPackage].map(([pkg, c]) => [pkg, ((100 * c.covered) / c.total).toFixed(1)]))
}

const row = (r: VersionRun): unknown[] => [r.toolchain.spec, r.module?.dir, r.module?.path, r.status, r.reason ?? null]

describe('runMatrix over three modules', () => {
  let runs: VersionRun[]
  let reportDir: string
  const log = recordingLogger()
  // Units in flight at once, as the logger sees them start and finish.
  let running = 0
  let most = 0
  const logger: Logger = {
    ...log.logger,
    info: message => {
      if (/: started \(\d+ of \d+\)$/.test(message)) most = Math.max(most, ++running)
    },
    group: (title, body) => {
      running--
      log.logger.group(title, body)
    }
  }

  beforeAll(async () => {
    const req = request(THREE, {logger})
    reportDir = req.reportDir
    runs = await runMatrix(req)
  }, 600_000)

  it('runs every module under every version, version by version, skipping a module whose go.mod needs a newer Go', () => {
    expect(runs.map(row)).toEqual([
      ['1.21', '.', 'example.com/mono', 'passed', null],
      ['1.21', 'api', 'example.com/mono/api', 'passed', null],
      ['1.21', 'tools', 'example.com/mono/tools', 'skipped', 'tools/go.mod requires go >= 1.25'],
      ['1.27', '.', 'example.com/mono', 'passed', null],
      ['1.27', 'api', 'example.com/mono/api', 'passed', null],
      ['1.27', 'tools', 'example.com/mono/tools', 'passed', null]
    ])
    expect(runs[2]?.steps).toEqual([])
  })

  it("gives each module's figures exactly as go test -cover prints them in that module", () => {
    for (const run of runs.filter(r => r.status === 'passed')) {
      const dir = path.join(THREE, run.module?.dir as string)
      expect([run.toolchain.spec, run.module?.dir, Object.fromEntries(profileCover(run))]).toEqual([run.toolchain.spec, run.module?.dir, goTestCoverIn(run.toolchain, dir)])
    }
    // Each module's tests are its own: go test ./... stops at module boundaries.
    expect(runs[3]?.packages.map(p => p.name)).toEqual(['example.com/mono'])
    expect(runs[4]?.packages.map(p => p.name)).toEqual(['example.com/mono/api'])
  })

  it("keeps each unit's files in <version>/ for the root module and <version>/<dir>/ for the others", () => {
    expect(runs.map(r => path.relative(reportDir, r.dir))).toEqual([
      old.version,
      path.join(old.version, 'api'),
      path.join(old.version, 'tools'),
      stable.version,
      path.join(stable.version, 'api'),
      path.join(stable.version, 'tools')
    ])
    for (const run of runs.filter(r => r.status === 'passed')) {
      expect(run.profile).toBe(path.join(run.dir, 'coverage.out'))
      expect(existsSync(path.join(run.dir, 'test.json'))).toBe(true)
    }
  })

  it('bounds the units running at once by maxParallel, over all modules and versions', () => {
    expect(most).toBe(2)
    expect(log.groups.map(g => g.title.replace(/, [\d.]+s$/, ''))).toEqual(
      expect.arrayContaining([`Go ${old.version} · tools: skipped (tools/go.mod requires go >= 1.25)`, `Go ${stable.version} · api: passed, 1 passed, 0 failed, 0 skipped`])
    )
  })
})

describe('runMatrix over the modules of a go.work', () => {
  it("skips by go.work's go line and each go.mod's, and runs a module go.work does not use with GOWORK=off", async () => {
    const root = mkdtempSync(path.join(scratch, 'work-'))
    cpSync(THREE, root, {recursive: true})
    writeFileSync(path.join(root, 'go.work'), 'go 1.22\n\nuse (\n\t.\n\t./api\n)\n')
    const runs = await runMatrix(request(root, {maxParallel: 3}))
    expect(runs.map(row)).toEqual([
      ['1.21', '.', 'example.com/mono', 'skipped', 'go.work requires go >= 1.22'],
      ['1.21', 'api', 'example.com/mono/api', 'skipped', 'go.work requires go >= 1.22'],
      ['1.21', 'tools', 'example.com/mono/tools', 'skipped', 'tools/go.mod requires go >= 1.25'],
      ['1.27', '.', 'example.com/mono', 'passed', null],
      ['1.27', 'api', 'example.com/mono/api', 'passed', null],
      // Inside the workspace, go would refuse tools/ ("directory . is outside modules listed in go.work").
      ['1.27', 'tools', 'example.com/mono/tools', 'passed', null]
    ])
  }, 600_000)

  it('reports a module folder without go.mod as an error on every version, and runs the others', async () => {
    const runs = await runMatrix(request(THREE, {modules: ['api', 'missing']}))
    expect(runs.map(row)).toEqual([
      ['1.21', 'api', 'example.com/mono/api', 'passed', null],
      ['1.21', 'missing', '', 'error', `missing/go.mod: not found in ${path.join(THREE, 'missing')}`],
      ['1.27', 'api', 'example.com/mono/api', 'passed', null],
      ['1.27', 'missing', '', 'error', `missing/go.mod: not found in ${path.join(THREE, 'missing')}`]
    ])
  }, 600_000)

  it('places annotations relative to the folder of the modules, so that two modules never share a file name', async () => {
    const root = mkdtempSync(path.join(scratch, 'failing-'))
    cpSync(THREE, root, {recursive: true})
    writeFileSync(path.join(root, 'api', 'api_test.go'), 'package api\n\nimport "testing"\n\nfunc TestTotal(t *testing.T) {\n\tt.Errorf("total is %d", Total(1))\n}\n')
    const log = recordingLogger()
    const runs = await runMatrix(request(root, {toolchains: [stable], modules: ['.', 'api'], logger: log.logger, annotationBase: root}))
    expect(runs.map(r => r.status)).toEqual(['passed', 'failed'])
    expect(runs[1]?.annotations).toEqual([{file: 'api/api_test.go', line: 6, message: 'TestTotal: total is 1'}])
    expect(log.errors).toEqual([{message: `TestTotal: total is 1 (Go ${stable.version})`, file: 'api/api_test.go', line: 6}])
  }, 600_000)
})
