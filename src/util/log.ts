/**
 * Where the library's modules report progress. The action passes one backed by @actions/core
 * (log groups, ::warning::), the command line one that writes plain text, tests a silent one,
 * so no module needs to import @actions/core to say something.
 */
export interface Logger {
  info(message: string): void
  warning(message: string, where?: {file?: string; line?: number}): void
  error(message: string, where?: {file?: string; line?: number}): void
  debug(message: string): void
  /** Prints lines as one collapsed block (a log group on GitHub). */
  group(title: string, body: string): void
}

export const silentLogger: Logger = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  group() {}
}

/** A logger for terminals and other CI systems: plain lines on stdout/stderr. */
export function consoleLogger(stream: {write(text: string): unknown} = process.stderr, verbose = false): Logger {
  const at = (where?: {file?: string; line?: number}): string =>
    where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''
  return {
    info: message => void stream.write(`${message}\n`),
    warning: (message, where) => void stream.write(`warning: ${at(where)}${message}\n`),
    error: (message, where) => void stream.write(`error: ${at(where)}${message}\n`),
    debug: message => void (verbose && stream.write(`${message}\n`)),
    group: (title, body) => void stream.write(`── ${title}\n${body.endsWith('\n') || body === '' ? body : body + '\n'}`)
  }
}
