/**
 * Runs git with argument arrays (never a shell), in a fixed, non-interactive environment, and
 * turns a failed run into one line a person can act on.
 */
import {spawn} from 'node:child_process'

export interface GitResult {
  /** Exit status, or null when git was killed or could not start. */
  exitCode: number | null
  stdout: string
  stderr: string
  /** Set when git could not be started at all (ENOENT, EACCES). */
  spawnError?: Error
  /** Set when the run was cancelled through its signal. */
  aborted?: boolean
}

/** Runs `git args` in `cwd`. Never rejects: a git that cannot start resolves with `spawnError`. */
export type GitRunner = (args: readonly string[], cwd: string, signal?: AbortSignal) => Promise<GitResult>

export interface GitRunnerOptions {
  /** The git program; `git` from PATH by default. */
  git?: string
  /** The inherited environment; process.env by default. */
  env?: NodeJS.ProcessEnv
}

/**
 * A runner over the real git. A fetch must never wait for a password nobody can type
 * (GIT_TERMINAL_PROMPT=0), and messages are in English so the notes quoting them read alike on
 * every runner (LC_ALL=C).
 */
export function gitRunner(options: GitRunnerOptions = {}): GitRunner {
  const program = options.git ?? 'git'
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(options.env ?? process.env)) if (value !== undefined) env[name] = value
  env.GIT_TERMINAL_PROMPT = '0'
  env.LC_ALL = 'C'
  return (args, cwd, signal) => runGit(program, args, cwd, env, signal)
}

/**
 * A plain child process: git leaves nothing running behind it, so unlike the Go runner this
 * needs no process group (and does not wait for one to be reaped).
 */
function runGit(program: string, args: readonly string[], cwd: string, env: Record<string, string>, signal?: AbortSignal): Promise<GitResult> {
  return new Promise(resolve => {
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let settled = false
    const finish = (exitCode: number | null, spawnError?: Error): void => {
      if (settled) return
      settled = true
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ...(spawnError ? {spawnError} : {}),
        ...(signal?.aborted ? {aborted: true} : {})
      })
    }
    let child
    try {
      child = spawn(program, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, ...(signal ? {signal} : {})})
    } catch (err) {
      // Some failures throw at once rather than emitting 'error' (a cwd that is a file: ENOTDIR).
      finish(null, new Error(`${program}: could not start in ${cwd}: ${(err as Error).message}`, {cause: err}))
      return
    }
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', err => {
      // An abort arrives here too (AbortError), after which 'close' still reports the exit.
      if (signal?.aborted) return
      finish(null, new Error(`${program}: could not start: ${err.message}`, {cause: err}))
    })
    child.on('close', code => finish(code))
  })
}

/** The gist of a failed git run: its `fatal:`/`error:` line when there is one, else its last line of output. */
export function gitFailure(result: GitResult): string {
  if (result.spawnError) return result.spawnError.message
  if (result.aborted) return 'cancelled'
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
  const fatal = lines.find(line => /^(fatal|error):/.test(line))
  const said = fatal ?? lines[lines.length - 1]
  const status = result.exitCode === null ? 'killed' : `exit status ${result.exitCode}`
  return said === undefined ? status : `${said} (${status})`
}
