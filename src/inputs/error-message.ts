/**
 * Error messages in one form on every front end. Modules name the input an error is about at the
 * start of its message, `input NAME: …` (options.ts) or `NAME: …` (the installer's
 * `go-versions: …`); the action says `input NAME`, the command line `--NAME`, as its flags are
 * spelled, and each command prefixes `go-matrix <command>: ` once.
 */
import {INPUTS} from './definitions.js'

const INPUT_NAMES = new Set(INPUTS.map(i => i.name))

/** The message of an error and of its causes, so a wrapped failure still says what went wrong. */
export function errorMessage(err: unknown): string {
  const parts: string[] = []
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) {
    const message = e.message
    if (!parts.some(p => p.includes(message))) parts.push(message)
  }
  return parts.join(': ') || String(err)
}

/** How a front end names an input: the action `input go-versions`, the command line `--go-versions`. */
export type InputNaming = 'action' | 'command-line'

/** Renames the input a message starts with (`input NAME:` or `NAME:`) the way `naming` spells inputs. */
export function namingInput(message: string, naming: InputNaming): string {
  const match = /^(?:input )?([a-z][a-z-]*):/.exec(message)
  const name = match?.[1]
  if (match === null || name === undefined || !INPUT_NAMES.has(name)) return message
  return `${naming === 'action' ? 'input ' : '--'}${name}${message.slice(match[0].length - 1)}`
}

/** The one line a command prints when it stops: `go-matrix run: --go-versions: no Go release matches "1.99"`. */
export function commandError(command: string, err: unknown): string {
  return `go-matrix ${command}: ${namingInput(errorMessage(err), 'command-line')}`
}

/** The message the action fails with: `input go-versions: no Go release matches "1.99"`. */
export function actionError(err: unknown): string {
  return namingInput(errorMessage(err), 'action')
}
