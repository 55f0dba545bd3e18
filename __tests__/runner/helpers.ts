/** Shared by the runner's tests: real toolchains, process lookups, a recording logger. */
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Toolchain} from '../../src/go/toolchain.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import type {Logger} from '../../src/util/log.js'
import {isolatedEnv} from '../../src/runner/env.js'
import {sharedVersionDirs} from '../helpers/go-caches.js'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/modules')

/**
 * The versions the runner's tests run, of those scripts/setup.sh installs: an old one (before Go
 * 1.22 counted packages without tests), a middle one (before Go 1.25 cached -coverprofile runs),
 * and oldstable and stable. Each costs a cold compile of the standard library once per machine
 * (the build caches are shared), so tests add no other version.
 */
export const MINORS = ['1.21', '1.24', '1.26', '1.27'] as const

/** A local Toolchain for an installed Go (scripts/toolchains.mjs), its version read from `go version` as an installer would. */
export function localToolchain(minor: string): Toolchain {
  const goroot = gorootOf(minor)
  const go = path.join(goroot, 'bin', 'go')
  if (!existsSync(go)) throw new Error(`${go} is missing: run scripts/setup.sh to install Go ${minor}`)
  const out = execFileSync(go, ['version'], {encoding: 'utf8', env: {...process.env, GOTOOLCHAIN: 'local'}})
  const m = /go version go(\S+) /.exec(out)
  if (!m) throw new Error(`${go} version: unexpected output ${JSON.stringify(out)}`)
  return {spec: minor, version: m[1] as string, goroot, sha256: '', source: 'local', seconds: 0}
}

/** GOPATH and go.env of the runner's tests; their build caches are the shared ones (../helpers/go-caches.ts). */
export const SHARED_WORK_DIR = path.join(os.tmpdir(), 'go-matrix-runner-tests-work')

/** Pids of live processes whose command line (arguments joined by spaces) contains `text` or matches it (Linux /proc). */
export function processesMatching(text: string | RegExp): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(a => a !== '').join(' ')
      const state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]
      const matches = typeof text === 'string' ? cmdline.includes(text) : text.test(cmdline)
      if (matches && state !== 'Z') found.push(Number(entry))
    } catch {
      // The process exited while we looked.
    }
  }
  return found
}

/** A `sleep` argument no other process on the machine uses, to find our own sleepers in /proc. */
export function uniqueSeconds(): string {
  return `${7000 + Math.floor(Math.random() * 2000)}.${1 + Math.floor(Math.random() * 9)}`
}

/** The `sleep <seconds>` processes themselves, not a shell whose command line mentions them. */
export function sleepers(seconds: string): number[] {
  return processesMatching(new RegExp(`^sleep ${seconds.replace('.', '\\.')}$`))
}

/** Kills processes by pid; ones that are gone already are fine. */
export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone already
    }
  }
}

export interface RecordedLog {
  logger: Logger
  groups: {title: string; body: string}[]
  errors: {message: string; file?: string; line?: number}[]
}

export function recordingLogger(): RecordedLog {
  const log: RecordedLog = {
    groups: [],
    errors: [],
    logger: {
      info() {},
      warning() {},
      debug() {},
      error: (message, where) => void log.errors.push({message, ...where}),
      group: (title, body) => void log.groups.push({title, body})
    }
  }
  return log
}

/**
 * What `go test -cover ./...` prints in `dir` under `toolchain`, run by hand in the version's
 * isolated environment with the shared caches and -count=1: package → percent (`57.1`).
 */
export function goTestCoverIn(toolchain: Toolchain, dir: string): Record<string, string> {
  const env = isolatedEnv({...process.env, GOFLAGS: '-count=1'}, sharedVersionDirs(toolchain.goroot, toolchain.version, SHARED_WORK_DIR))
  const out = execFileSync(path.join(toolchain.goroot, 'bin', 'go'), ['test', '-cover', './...'], {cwd: dir, env, encoding: 'utf8'})
  const found: Record<string, string> = {}
  for (const line of out.split('\n')) {
    const fields = line.split('\t')
    const cover = fields.map(f => /^coverage: ([\d.]+)% of statements/.exec(f)).find(m => m)
    if (cover && fields[1]) found[fields[1]] = cover[1] as string
  }
  return found
}
