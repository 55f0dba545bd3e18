/** Shared by the runner's tests: real toolchains, process lookups, a recording logger. */
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Toolchain} from '../../src/go/toolchain.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import type {Logger} from '../../src/util/log.js'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/modules')

/** The Go toolchains scripts/setup.sh installs. */
export const MINORS = ['1.19', '1.21', '1.22', '1.23'] as const

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
