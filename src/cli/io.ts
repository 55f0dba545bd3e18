/** What a command of the command line reads and writes: its streams, the current directory and the environment. */
export interface CliIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  /** Relative paths (flags, profiles, reports) resolve against it. */
  cwd: string
  env: NodeJS.ProcessEnv
}
