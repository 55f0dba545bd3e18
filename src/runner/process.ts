/**
 * Runs one program with an argument array (never a shell) in a process group of its own, so a
 * timeout or a cancellation kills everything it started (go, the compiler, test binaries and
 * whatever those spawned), not just the direct child. A process that left the group (a `setsid`
 * daemon a test started) is found by a marker in its environment, on Linux, and killed too.
 * Output of any size is read as it arrives and only bounded parts of it are kept in memory.
 */
import {spawn} from 'node:child_process'
import {readdirSync, readFileSync} from 'node:fs'
import type {Writable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {KeptOutput} from './bounded.js'

/** Characters kept of the start and of the end of a command's stdout or stderr (each). */
export const KEPT_OUTPUT_CHARS = 256 * 1024

export interface ProcessOptions {
  cwd: string
  env: Record<string, string>
  /** Aborting it kills the whole process group; `signal.reason` is kept in the result. */
  signal?: AbortSignal
  /**
   * Where stdout goes as it arrives (the runner's test.json and stream parser). The child's
   * output is paused while the sink is busy, so a fast writer cannot fill memory; the sink is
   * ended with the stream, and the result waits for it. Without a sink, stdout is kept like
   * stderr: its first and last lines.
   */
  stdout?: Writable
  /**
   * A `NAME=value` entry of `env`. Every process whose environment holds it when the command
   * ends is killed: processes keep their environment across `setsid` and double forks, so this
   * finds what a test left running outside the process group. Linux only (/proc); elsewhere
   * only the process group is killed.
   */
  marker?: string
}

export interface ProcessResult {
  /** Exit code, or null when killed by a signal or when the program could not start. */
  exitCode: number | null
  /** The first and last lines of stdout (empty when it went to a sink). */
  stdout: string
  /** The first and last lines of stderr. */
  stderr: string
  /** Bytes written to stdout and stderr, kept or not. */
  bytes: {stdout: number; stderr: number}
  /** Lines were left out of `stdout` or `stderr` (a line in the middle says how many). */
  truncated: boolean
  /** Processes outside the group that carried the marker and were still running at the end, killed. */
  leftovers: number
  seconds: number
  /** The abort reason when the run was stopped from outside, else undefined. */
  aborted?: unknown
  /** Set when the program could not be started at all (ENOENT, EACCES). */
  spawnError?: Error
}

/**
 * Starts `command args` and resolves when it has exited and its output is read. Never rejects:
 * a program that cannot start resolves with `spawnError`. When the direct child exits, any
 * process it left behind in its group (or carrying the marker) is killed too, so a stray test
 * helper cannot hold the output pipes open (and the run) until the version's timeout.
 */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const started = process.hrtime.bigint()
  const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9
  return new Promise(resolve => {
    const stdout = new KeptOutput(KEPT_OUTPUT_CHARS)
    const stderr = new KeptOutput(KEPT_OUTPUT_CHARS)
    let aborted: unknown
    let settled = false
    const finish = (exitCode: number | null, leftovers: number, spawnError?: Error): void => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      const result: ProcessResult = {
        exitCode,
        stdout: stdout.text(),
        stderr: stderr.text(),
        bytes: {stdout: stdout.bytes + sunk, stderr: stderr.bytes},
        truncated: stdout.truncated || stderr.truncated,
        leftovers,
        seconds: elapsed()
      }
      if (aborted !== undefined) result.aborted = aborted
      if (spawnError) result.spawnError = spawnError
      resolve(result)
    }
    let sunk = 0
    if (options.signal?.aborted) {
      aborted = options.signal.reason ?? 'aborted'
      options.stdout?.end()
      finish(null, 0)
      return
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true
    })
    const killAll = (): void => {
      killProcessTree(child.pid)
      if (options.marker) killProcesses(processesWithEnv(options.marker))
    }
    function onAbort(): void {
      aborted = options.signal?.reason ?? 'aborted'
      killAll()
    }
    options.signal?.addEventListener('abort', onAbort, {once: true})
    let sinkDone: Promise<void> = Promise.resolve()
    if (options.stdout) {
      child.stdout.on('data', (chunk: Buffer) => void (sunk += chunk.length))
      // The sink records its own write errors and keeps reading: a full disk must not stop the tests.
      sinkDone = pipeline(child.stdout, options.stdout).catch(() => undefined)
    } else {
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    }
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', err => {
      killProcessTree(child.pid)
      // The pipes may never close for a program that did not start: end the sink here.
      options.stdout?.end()
      finish(null, 0, new Error(`${command}: could not start: ${err.message}`, {cause: err}))
    })
    child.on('exit', () => killProcessTree(child.pid))
    // SIGKILL is asynchronous: wait until the group has really gone, so that when a version is
    // reported timed out or cancelled, none of its processes is still running. Then the
    // processes that left the group but carry the marker.
    child.on('close', code => {
      void (async () => {
        await Promise.all([waitForGroupExit(child.pid), sinkDone])
        const leftovers = options.marker ? await killMarked(options.marker) : 0
        finish(code, leftovers)
      })()
    })
  })
}

/**
 * Kills a process group (POSIX: the child was started detached, so its pid is the group id) or,
 * on Windows, the process and its descendants with taskkill. A group that is gone already is fine.
 */
export function killProcessTree(pid: number | undefined): void {
  if (pid === undefined) return
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], {stdio: 'ignore', windowsHide: true}).on('error', () => {})
    return
  }
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // ESRCH: the group has exited already. Killing is best effort and must never throw from an event handler.
  }
}

/**
 * Resolves once no process of the group is left (POSIX), or after `limitMs` at the latest. An
 * empty group answers ESRCH at once, so a normal exit costs one system call.
 */
export async function waitForGroupExit(pid: number | undefined, limitMs = 5000): Promise<void> {
  if (pid === undefined || process.platform === 'win32') return
  const deadline = Date.now() + limitMs
  for (;;) {
    try {
      process.kill(-pid, 0)
    } catch {
      return
    }
    if (Date.now() >= deadline) return
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

/**
 * Pids of the live processes whose environment holds `entry` (`NAME=value`), other than this
 * one: Linux's /proc/<pid>/environ, readable for the processes of this user. Empty elsewhere.
 * A zombie's environment reads empty, so only processes that still run are found.
 */
export function processesWithEnv(entry: string): number[] {
  if (process.platform !== 'linux') return []
  const needle = Buffer.from(`${entry}\0`)
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const found: number[] = []
  for (const name of names) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    let environ: Buffer
    try {
      environ = readFileSync(`/proc/${name}/environ`)
    } catch {
      // Another user's process, or one that exited while we looked.
      continue
    }
    if (holdsEntry(environ, needle)) found.push(pid)
  }
  return found
}

/** True when a NUL-separated environment block holds the entry (`NAME=value\0`) as a whole entry. */
function holdsEntry(environ: Buffer, needle: Buffer): boolean {
  for (let at = environ.indexOf(needle); at >= 0; at = environ.indexOf(needle, at + 1)) {
    if (at === 0 || environ[at - 1] === 0) return true
  }
  return false
}

function killProcesses(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Exited already.
    }
  }
}

/**
 * Kills every process that carries the marker until none is left (a dying one may fork), for
 * `limitMs` at most; returns how many were found.
 */
async function killMarked(marker: string, limitMs = 5000): Promise<number> {
  const seen = new Set<number>()
  const deadline = Date.now() + limitMs
  for (;;) {
    const pids = processesWithEnv(marker)
    if (pids.length === 0 || Date.now() >= deadline) return seen.size
    for (const pid of pids) seen.add(pid)
    killProcesses(pids)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}
