/**
 * The command line's logger. The runner hands each finished version's whole log to
 * `logger.group`; on a terminal that is pages of `go test` output per version, so the command
 * line prints one progress line per version (the group's title) and keeps the full logs for
 * `--verbose` or a `--log-file`. Warnings, errors and the runner's own lines pass through.
 */
import type {Logger} from '../util/log.js'

export interface ProgressOptions {
  /** Print each version's full log after its progress line, as the action's log groups do. */
  verbose: boolean
  /** ANSI colours on the progress lines (only when stderr is a terminal and NO_COLOR is unset). */
  color: boolean
  /** Receives everything, full logs included, whatever `verbose` says. */
  logFile?: {write(text: string): unknown}
}

type Where = {file?: string; line?: number}

const at = (where?: Where): string => (where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : '')

const STATUS_COLOR: Record<string, number> = {passed: 32, failed: 31, error: 33, skipped: 2}

/**
 * A version's progress line, from the runner's group title (`Go 1.22.12: passed, 3 passed, …`),
 * with its status word coloured when asked. Titles of another shape are printed as they are.
 */
export function progressLine(title: string, color: boolean): string {
  const match = /^(Go \S+: )(passed|failed|error|skipped)\b/.exec(title)
  if (!color || !match) return title
  const [, head = '', status = ''] = match
  return `${head}\x1b[${STATUS_COLOR[status]}m${status}\x1b[0m${title.slice(head.length + status.length)}`
}

/** A finished group as the log file and `--verbose` show it: the title, then the body. */
export function groupBlock(title: string, body: string): string {
  return `── ${title}\n${body === '' || body.endsWith('\n') ? body : `${body}\n`}`
}

export function progressLogger(stream: {write(text: string): unknown}, options: ProgressOptions): Logger {
  const toFile = (text: string): void => void options.logFile?.write(text)
  const both = (text: string): void => {
    stream.write(text)
    toFile(text)
  }
  const paint = (code: number, text: string): string => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text)
  return {
    info: message => both(`${message}\n`),
    warning: (message, where) => {
      stream.write(`${paint(33, 'warning:')} ${at(where)}${message}\n`)
      toFile(`warning: ${at(where)}${message}\n`)
    },
    error: (message, where) => {
      stream.write(`${paint(31, 'error:')} ${at(where)}${message}\n`)
      toFile(`error: ${at(where)}${message}\n`)
    },
    debug: message => {
      if (options.verbose) stream.write(`${message}\n`)
      toFile(`${message}\n`)
    },
    group: (title, body) => {
      stream.write(options.verbose ? groupBlock(progressLine(title, options.color), body) : `${progressLine(title, options.color)}\n`)
      toFile(groupBlock(title, body))
    }
  }
}

/** Colours follow https://no-color.org: never when NO_COLOR is set and non-empty, never off a terminal. */
export function wantsColor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR
}
