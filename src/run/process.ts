/**
 * Runs one program with an argument array (never a shell) in a process group of its own, so a
 * timeout or a cancellation kills everything it started (go, the compiler, test binaries and
 * whatever those spawned), not just the direct child.
 */
import {spawn} from 'node:child_process'

export interface ProcessOptions {
  cwd: string
  env: Record<string, string>
  /** Aborting it kills the whole process group; `signal.reason` is kept in the result. */
  signal?: AbortSignal
}

export interface ProcessResult {
  /** Exit code, or null when killed by a signal or when the program could not start. */
  exitCode: number | null
  stdout: string
  stderr: string
  seconds: number
  /** The abort reason when the run was stopped from outside, else undefined. */
  aborted?: unknown
  /** Set when the program could not be started at all (ENOENT, EACCES). */
  spawnError?: Error
}

/**
 * Starts `command args` and resolves when it has exited and its output is read. Never rejects:
 * a program that cannot start resolves with `spawnError`. When the direct child exits, any
 * process it left behind in its group is killed too, so a stray test helper cannot hold the
 * output pipes open (and the run) until the version's timeout.
 */
export function runProcess(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const started = process.hrtime.bigint()
  const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9
  return new Promise(resolve => {
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let aborted: unknown
    let settled = false
    const finish = (exitCode: number | null, spawnError?: Error): void => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      const result: ProcessResult = {
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        seconds: elapsed()
      }
      if (aborted !== undefined) result.aborted = aborted
      if (spawnError) result.spawnError = spawnError
      resolve(result)
    }
    if (options.signal?.aborted) {
      aborted = options.signal.reason ?? 'aborted'
      finish(null)
      return
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      windowsHide: true
    })
    const killTree = (): void => killProcessTree(child.pid)
    function onAbort(): void {
      aborted = options.signal?.reason ?? 'aborted'
      killTree()
    }
    options.signal?.addEventListener('abort', onAbort, {once: true})
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', err => {
      killTree()
      finish(null, new Error(`${command}: could not start: ${err.message}`, {cause: err}))
    })
    child.on('exit', () => killTree())
    // SIGKILL is asynchronous: wait until the group has really gone, so that when a version is
    // reported timed out or cancelled, none of its processes is still running.
    child.on('close', code => void waitForGroupExit(child.pid).then(() => finish(code)))
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
