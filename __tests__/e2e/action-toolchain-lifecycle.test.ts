/**
 * The toolchain lifecycle end to end, with dist/index.js and dist/cli.js as whole processes over a
 * loopback go.dev mirror and one shared tool cache: two jobs racing on one version, a damaged
 * toolchain recovered with the run still passing, the audit log those jobs wrote, retention at the
 * end of a job, and `go-matrix toolchains list|verify|prune` (sizes against du, leases of running
 * and crashed jobs).
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFile, spawnSync} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, stat, truncate, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {LeaseHolder} from '../../src/toolchains/leases.js'
import type {AuditRecord} from '../../src/toolchains/audit.js'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'

const execFileAsync = promisify(execFile)
const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')
const cli = path.join(repo, 'dist/cli.js')

let mirror: GoMirror
let root: string
let toolCache: string
let version: string

beforeAll(async () => {
  mirror = await startGoMirror({versions: ['1.21']})
  version = mirror.archives[0]?.version ?? ''
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-lifecycle-'))
  toolCache = path.join(root, 'toolcache')
}, 300_000)

afterAll(async () => {
  await mirror?.close()
  if (root) await rm(root, {recursive: true, force: true})
})

const goroot = (): string => path.join(toolCache, 'go', version, 'x64')

async function job(name: string, inputs: Record<string, string> = {}) {
  const dirs: RunnerDirs = {root: path.join(root, name), temp: path.join(root, name, 'temp'), toolCache, workspace: repo}
  await mkdir(dirs.root, {recursive: true})
  const run = await runAction(
    bundle,
    dirs,
    {'go-versions': '1.21', 'download-base-url': mirror.baseUrl, 'working-directory': 'examples/hello', 'report-directory': path.join(dirs.root, 'report'), ...inputs},
    {GITHUB_RUN_ID: name}
  )
  const report = run.outputs.report ? JSON.parse(await readFile(run.outputs.report, 'utf8')) : undefined
  return {...run, report}
}

async function auditLog(): Promise<AuditRecord[]> {
  const text = await readFile(path.join(toolCache, 'go', 'go-matrix-audit.jsonl'), 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text
    .slice(0, -1)
    .split('\n')
    .map(line => JSON.parse(line) as AuditRecord)
}

function toolchains(...args: string[]): {code: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [cli, 'toolchains', ...args, '--tool-cache', toolCache], {encoding: 'utf8', env: {...process.env, GITHUB_RUN_ID: 'admin'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('the toolchain lifecycle on a shared tool cache', () => {
  it('two jobs racing on one version both pass, leave one verified toolchain, and an audit log of whole JSON lines', async () => {
    const [a, b] = await Promise.all([job('race-a'), job('race-b')])
    for (const run of [a, b]) {
      expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
      expect(run.report.versions[0].toolchain).toMatchObject({source: 'download', verified: 'archive', recovered: false})
    }
    expect(readdirSync(path.dirname(goroot())).sort()).toEqual(['x64', 'x64.complete', 'x64.leases', 'x64.manifest.json', 'x64.state.json'])
    // Both jobs released their leases when they ended.
    expect(readdirSync(`${goroot()}.leases`)).toEqual([])
    const lines = await auditLog()
    const installs = lines.filter(l => l.version === version && (l.event === 'install' || l.event === 'reuse'))
    expect(installs.map(l => l.job).sort()).toEqual(['github:race-a/1/', 'github:race-b/1/'])
    expect(installs.map(l => l.outcome).sort()).toEqual(['installed by another job', 'ok'])
    for (const l of lines) expect(Date.parse(l.time)).toBeGreaterThan(0)
  }, 300_000)

  it("a toolchain whose bin/go was overwritten is detected, recovered and logged, and the run still passes", async () => {
    const go = path.join(goroot(), 'bin', 'go')
    const {size} = await stat(go)
    await writeFile(go, Buffer.alloc(size, 0x90))
    const run = await job('damaged')
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
    expect(run.report.versions[0].toolchain).toMatchObject({source: 'download', verified: 'archive', recovered: true})
    expect(run.report.versions[0].notes).toEqual([expect.stringContaining('bin/go: content differs; it was moved aside and Go')])
    expect(run.stdout).toMatch(/::warning::Go 1\.21\.13: the toolchain in .* differs from its install manifest: bin\/go: content differs; moving it aside/)
    const lines = (await auditLog()).filter(l => l.job === 'github:damaged/1/')
    expect(lines.map(l => [l.event, l.outcome])).toEqual([
      ['verify', 'damaged'],
      ['recover', 'ok']
    ])
    expect(lines[0]?.detail).toBe('differs from its install manifest: bin/go: content differs')
    // The next job reuses the recovered toolchain, verified.
    const next = await job('after')
    expect(next.report.versions[0].toolchain).toMatchObject({source: 'tool-cache', verified: 'fast', recovered: false})
  }, 300_000)

  it('a go killed in the middle of a run leaves no go-build* folder in the temporary folder, nor anywhere of the job', async () => {
    // A module whose test kills the go that runs it: go then cannot remove its go-build* folder.
    const workspace = path.join(root, 'killed-workspace')
    await mkdir(workspace, {recursive: true})
    await writeFile(path.join(workspace, 'go.mod'), 'module example.com/killed\n\ngo 1.21\n')
    await writeFile(
      path.join(workspace, 'killed_test.go'),
      [
        'package killed',
        '',
        'import (',
        '\t"os"',
        '\t"strings"',
        '\t"syscall"',
        '\t"testing"',
        ')',
        '',
        '// Writes where go made its folders, and what they were, then kills go (the test\'s parent).',
        'func TestKillGo(t *testing.T) {',
        '\tdir := os.Getenv("GOTMPDIR")',
        '\tentries, _ := os.ReadDir(dir)',
        '\tnames := []string{dir}',
        '\tfor _, e := range entries {',
        '\t\tnames = append(names, e.Name())',
        '\t}',
        '\t_ = os.WriteFile("killed-go.log", []byte(strings.Join(names, "\\n")), 0o644)',
        '\t_ = syscall.Kill(os.Getppid(), syscall.SIGKILL)',
        '}',
        ''
      ].join('\n')
    )
    // The job's TMPDIR is private here, so that any go-build* go made outside GOTMPDIR would show.
    const tmp = path.join(root, 'killed-tmp')
    await mkdir(tmp, {recursive: true})
    const dirs: RunnerDirs = {root: path.join(root, 'killed'), temp: path.join(root, 'killed', 'temp'), toolCache, workspace}
    await mkdir(dirs.root, {recursive: true})
    const run = await runAction(bundle, dirs, {'go-versions': '1.21', 'download-base-url': mirror.baseUrl, 'report-directory': path.join(dirs.root, 'report')}, {TMPDIR: tmp})
    const report = JSON.parse(await readFile(run.outputs.report ?? '', 'utf8'))
    expect(report.versions[0]).toMatchObject({status: 'error'})
    expect(run.code).toBe(1)
    // go had made its folder in the run's GOTMPDIR, below the job's temporary folder…
    const [gotmpdir, ...made] = (await readFile(path.join(workspace, 'killed-go.log'), 'utf8')).split('\n')
    expect(gotmpdir?.startsWith(`${dirs.temp}${path.sep}`)).toBe(true)
    expect(made).toEqual([expect.stringMatching(/^go-build\d+$/)])
    // …which went when the job ended, the killed go's leftovers with it; nothing went to TMPDIR.
    expect(existsSync(gotmpdir ?? '')).toBe(false)
    expect(readdirSync(tmp).filter(name => name.startsWith('go-build'))).toEqual([])
    expect(readdirSync(dirs.root, {recursive: true, encoding: 'utf8'}).filter(p => path.basename(p).startsWith('go-build'))).toEqual([])
  })

  it("toolchains list: every toolchain, setup-go's too, with the size du counts", async () => {
    // A toolchain as setup-go leaves it: a folder and a marker, no manifest.
    const setupGo = path.join(toolCache, 'go', '1.20.0', 'x64')
    await mkdir(path.join(setupGo, 'bin'), {recursive: true})
    await writeFile(path.join(setupGo, 'bin', 'go'), '#!/bin/sh\n', {mode: 0o755})
    await writeFile(`${setupGo}.complete`, '')
    const listed = toolchains('list', '--json')
    expect(listed.code).toBe(0)
    const json = JSON.parse(listed.stdout) as {toolchains: {version: string; path: string; sizeBytes: number; source: string; sha256: string | null; verification: string}[]}
    expect(json.toolchains.map(t => [t.version, t.source, t.verification])).toEqual([
      ['1.20.0', 'unknown (no manifest)', 'unverified'],
      [version, 'go-matrix 0.1.0', 'fast']
    ])
    expect(json.toolchains[1]?.sha256).toBe(mirror.archives[0]?.sha256)
    for (const t of json.toolchains) {
      const du = Number((await execFileAsync('du', ['-s', '--block-size=1', t.path])).stdout.split('\t')[0])
      expect(t.sizeBytes).toBe(du)
    }
    const table = toolchains('list').stdout
    expect(table).toMatch(new RegExp(`^${version.replace(/\./g, '\\.')} +x64 +\\d+ MiB`, 'm'))
    expect(table).toMatch(/^2 toolchains, /m)
  })

  it('toolchains verify exits 1 naming the file that differs, 0 when all is well', async () => {
    expect(toolchains('verify', version).code).toBe(0)
    await truncate(path.join(goroot(), 'src', 'fmt', 'print.go'), 10)
    const failed = toolchains('verify', '1.21', '--full')
    expect(failed.code).toBe(1)
    expect(failed.stdout).toMatch(/^DIFFERS +Go 1\.21\.13 \(x64\) .* src\/fmt\/print\.go: 10 bytes where \d+ were installed/m)
    const lines = (await auditLog()).filter(l => l.job === 'github:admin/1/' && l.event === 'verify')
    expect(lines.at(-1)?.outcome).toBe('damaged')
    expect(toolchains('list', '--json').stdout).toContain('"verification": "damaged"')
    expect(toolchains('verify', '1.99').code).toBe(2)
  })

  it("toolchains prune never removes a toolchain a running job holds, and ignores a crashed job's lease", async () => {
    const setupGo = path.join(toolCache, 'go', '1.20.0', 'x64')
    const holder = new LeaseHolder()
    await holder.take(goroot())
    // A crashed job's lease: its process is gone.
    const crashed = spawnSync('true')
    await mkdir(`${setupGo}.leases`)
    await writeFile(path.join(`${setupGo}.leases`, 'dead.json'), JSON.stringify({pid: crashed.pid, host: os.hostname(), pidNamespace: await readPidNamespace(), started: new Date().toISOString()}))
    try {
      const dry = toolchains('prune', '--keep-newest-patches', '0', '--dry-run', '--json')
      expect(dry.code).toBe(0)
      expect(JSON.parse(dry.stdout).toolchains.map((t: {version: string; result: string}) => [t.version, t.result])).toEqual([
        [version, 'held'],
        ['1.20.0', 'would remove']
      ])
      expect(existsSync(setupGo)).toBe(true)
      const pruned = toolchains('prune', '--keep-newest-patches', '0')
      expect(pruned.code).toBe(0)
      expect(pruned.stdout).toMatch(/^held +Go 1\.21\.13 \(x64\) .*but held by a running job$/m)
      expect(pruned.stdout).toMatch(/^removed +Go 1\.20\.0 \(x64\)/m)
      expect(existsSync(setupGo)).toBe(false)
      expect(existsSync(path.dirname(setupGo))).toBe(false)
      expect(existsSync(path.join(goroot(), 'bin', 'go'))).toBe(true)
      expect(existsSync(`${goroot()}.complete`)).toBe(true)
      const removal = (await auditLog()).filter(l => l.event === 'remove')
      expect(removal.map(l => [l.version, l.outcome])).toEqual([['1.20.0', 'ok']])
      expect(removal[0]?.bytes).toBeGreaterThan(0)
    } finally {
      await holder.releaseAll()
    }
    expect(toolchains('prune').code).toBe(2)
  })

  it('toolchain-retention-days removes what no job used for that long at the end of a job, and the footer says so', async () => {
    // The tool cache's 1.21 was last used 40 days ago; this job uses it, so only the old one goes.
    const old = path.join(toolCache, 'go', '1.19.0', 'x64')
    await mkdir(path.join(old, 'bin'), {recursive: true})
    await writeFile(path.join(old, 'bin', 'go'), 'x'.repeat(100_000))
    await writeFile(`${old}.complete`, '')
    const longAgo = new Date(Date.now() - 40 * 24 * 3600_000)
    await utimes(`${old}.complete`, longAgo, longAgo)
    const run = await job('retention', {'toolchain-retention-days': '30'})
    expect(run.code).toBe(0)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(path.join(goroot(), 'bin', 'go'))).toBe(true)
    expect(run.summary).toMatch(/toolchain retention \(30 days\): reclaimed \d+ KiB \(Go 1\.19\.0\)<\/sub>/)
  }, 300_000)
})

async function readPidNamespace(): Promise<string> {
  try {
    return (await import('node:fs')).readlinkSync('/proc/self/ns/pid')
  } catch {
    return ''
  }
}
