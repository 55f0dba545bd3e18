/**
 * Cancellation while a toolchain downloads, as a runner cancels a job: dist/index.js and dist/cli.js
 * run as processes against a loopback mirror that drips the archive (1 byte every 5 s never trips the
 * idle timeout; 1 MB every 0.5 s keeps tar busy), and get SIGTERM or SIGINT mid-download. Each must
 * exit within 2 s, say that it was cancelled, and leave the tool cache as it found it. A job killed
 * outright (SIGKILL) leaves its staging folder, and the next run removes it.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {SHARED_GO_CACHES} from '../helpers/go-caches.js'
import {AUDIT_LOG_NAME} from '../../src/toolchains/layout.js'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'

const repo = path.resolve(import.meta.dirname, '../..')
const EXIT_WITHIN_MS = 2000
const SLOW_DRIP = {bytes: 1, everyMs: 5000}
const FAST_DRIP = {bytes: 1 << 20, everyMs: 500}

let mirror: GoMirror
let root: string
let version: string
let archive: string

beforeAll(async () => {
  mirror = await startGoMirror({versions: ['1.27']})
  version = mirror.archives[0]?.version ?? ''
  archive = `go${version}.linux-amd64.tar.gz`
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-cancel-'))
}, 300_000)

afterAll(async () => {
  await mirror?.close()
  if (root) await rm(root, {recursive: true, force: true})
})

async function freshDirs(): Promise<RunnerDirs> {
  const dir = await mkdtemp(path.join(root, 'run-'))
  return {root: dir, temp: path.join(dir, 'temp'), toolCache: path.join(dir, 'toolcache'), workspace: repo}
}

/** What <tool cache>/go holds besides the audit log (which records the failed install: an audit trail, not a toolchain). */
const toolCacheGo = (dirs: RunnerDirs): string[] =>
  existsSync(path.join(dirs.toolCache, 'go')) ? readdirSync(path.join(dirs.toolCache, 'go')).filter(n => n !== AUDIT_LOG_NAME) : []
const staging = (dirs: RunnerDirs): string[] => toolCacheGo(dirs).filter(n => n.startsWith('.staging-'))

async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the download to start')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/**
 * Waits until the process is downloading (its staging folder exists and the mirror is sending; with a
 * fast drip, until tar has written files), sends `signal`, and resolves with how long it took to exit.
 */
async function signalMidDownload(child: ChildProcess, dirs: RunnerDirs, signal: NodeJS.Signals, fast: boolean): Promise<number> {
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  await until(() => staging(dirs).length === 1)
  if (fast) await until(() => staging(dirs).some(n => existsSync(path.join(dirs.toolCache, 'go', n, 'attempt-1', 'go', 'src'))))
  else await new Promise(resolve => setTimeout(resolve, 300))
  const sent = performance.now()
  child.kill(signal)
  await exited
  return performance.now() - sent
}

function runCli(args: readonly string[], dirs: RunnerDirs): {child: ChildProcess; done: Promise<{code: number | null; stdout: string; stderr: string}>} {
  const env = {PATH: process.env.PATH ?? '', HOME: dirs.root, RUNNER_TEMP: dirs.temp, RUNNER_TOOL_CACHE: dirs.toolCache, GO_MATRIX_CACHE_DIR: SHARED_GO_CACHES}
  const child = spawn(process.execPath, [path.join(repo, 'dist/cli.js'), 'run', ...args], {cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', d => (stdout += d))
  child.stderr?.on('data', d => (stderr += d))
  const done = new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => child.on('close', code => resolve({code, stdout, stderr})))
  return {child, done}
}

const cancelled = (signal: string): string => `cancelled by ${signal} while installing Go ${version}; the tool cache holds no partial toolchain`

describe('a job cancelled while a toolchain download drips', () => {
  it.each([
    ['SIGTERM', SLOW_DRIP, 'run'],
    ['SIGINT', SLOW_DRIP, 'collect'],
    ['SIGTERM', FAST_DRIP, 'run']
  ] as const)('dist/index.js on %s (drip %j, mode %s) exits within 2 s, reports it, and leaves the tool cache clean', async (signal, drip, mode) => {
    mirror.setFault(archive, {drip})
    try {
      const dirs = await freshDirs()
      const report = path.join(dirs.root, 'report')
      let elapsed: Promise<number> = Promise.resolve(Number.NaN)
      const run = await runAction(
        path.join(repo, 'dist/index.js'),
        dirs,
        {'go-versions': '1.27', 'download-base-url': mirror.baseUrl, 'working-directory': 'examples/hello', 'report-directory': report, mode},
        {},
        child => void (elapsed = signalMidDownload(child, dirs, signal, drip === FAST_DRIP))
      )
      expect(await elapsed).toBeLessThan(EXIT_WITHIN_MS)
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(`::error::${cancelled(signal)}`)
      expect(toolCacheGo(dirs)).toEqual([])
      if (mode === 'collect') {
        // A collect leg records the failure, so the aggregate job reports this leg as failed, not missing.
        const written = JSON.parse(await readFile(path.join(report, 'report.json'), 'utf8')) as {notes?: string[]; gates?: {message: string}[]}
        expect(JSON.stringify(written)).toContain(cancelled(signal))
      }
    } finally {
      mirror.setFault(archive, undefined)
    }
  })

  it.each([
    ['SIGINT', SLOW_DRIP, 130],
    ['SIGTERM', FAST_DRIP, 143]
  ] as const)('dist/cli.js on %s (drip %j) exits within 2 s with status %d, reports it, and leaves the tool cache clean', async (signal, drip, status) => {
    mirror.setFault(archive, {drip})
    try {
      const dirs = await freshDirs()
      const {child, done} = runCli(['--go-versions', '1.27', '--download-base-url', mirror.baseUrl, '--working-directory', 'examples/hello', '--report-directory', path.join(dirs.root, 'report')], dirs)
      expect(await signalMidDownload(child, dirs, signal, drip === FAST_DRIP)).toBeLessThan(EXIT_WITHIN_MS)
      const ran = await done
      expect(ran.code).toBe(status)
      expect(ran.stderr).toContain(`go-matrix run: ${cancelled(signal)}`)
      expect(toolCacheGo(dirs)).toEqual([])
    } finally {
      mirror.setFault(archive, undefined)
    }
  })

  it('GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES bounds a download that drips, and a bad value is named', async () => {
    mirror.setFault(archive, {drip: {bytes: 1, everyMs: 200}})
    try {
      const dirs = await freshDirs()
      const inputs = {'go-versions': '1.27', 'download-base-url': mirror.baseUrl, 'working-directory': 'examples/hello', 'report-directory': path.join(dirs.root, 'report')}
      const started = performance.now()
      const run = await runAction(path.join(repo, 'dist/index.js'), dirs, inputs, {GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES: '0.02'})
      expect(performance.now() - started).toBeLessThan(15_000)
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(`::error::${archive}: the download from ${mirror.baseUrl}/${archive} did not finish within 1.2 s (the download timeout: GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES`)
      expect(toolCacheGo(dirs)).toEqual([])
      const bad = await runAction(path.join(repo, 'dist/index.js'), dirs, inputs, {GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES: 'soon'})
      expect(bad.code).toBe(1)
      expect(bad.stdout).toContain('::error::GO_MATRIX_DOWNLOAD_TIMEOUT_MINUTES: "soon" is not a positive number of minutes')
    } finally {
      mirror.setFault(archive, undefined)
    }
  })

  it("a job killed outright leaves its staging folder, and the next run removes it", async () => {
    mirror.setFault(archive, {drip: SLOW_DRIP})
    const dirs = await freshDirs()
    const args = ['--go-versions', '1.27', '--download-base-url', mirror.baseUrl, '--working-directory', 'examples/hello', '--report-directory', path.join(dirs.root, 'report')]
    try {
      const killed = runCli(args, dirs)
      await signalMidDownload(killed.child, dirs, 'SIGKILL', false)
      const [left] = staging(dirs)
      expect(left).toMatch(new RegExp(`^\\.staging-${version.replace(/\./g, '\\.')}-x64-`))
    } finally {
      mirror.setFault(archive, undefined)
    }
    // The next run has the toolchain on the machine: it downloads nothing, and sweeps.
    const next = runCli([...args, '--local-toolchains', gorootOf('1.27')], dirs)
    const ran = await next.done
    expect(ran.code).toBe(0)
    expect(ran.stderr).toMatch(/removed the staging folder .*\.staging-.*, abandoned by process \d+ on /)
    expect(staging(dirs)).toEqual([])
  }, 120_000)
})
