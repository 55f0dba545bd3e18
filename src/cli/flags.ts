import type {InputDefinition} from '../inputs/definitions.js'

export class UsageError extends Error {
  override name = 'UsageError'
}

export interface ParsedFlags {
  /** Input name → raw value, for the flags given. */
  values: Record<string, string>
  positionals: string[]
  help: boolean
}

const isBoolean = (input: InputDefinition): boolean => input.default === 'true' || input.default === 'false'

/**
 * Parses `--name value`, `--name=value`, and for boolean inputs a bare `--name` (true) or
 * `--no-name` (false). Every flag is an input of definitions.ts; anything else is a usage error.
 */
export function parseFlags(argv: readonly string[], inputs: readonly InputDefinition[]): ParsedFlags {
  const byName = new Map(inputs.map(i => [i.name, i]))
  const values: Record<string, string> = {}
  const positionals: string[] = []
  let help = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg === '-h' || arg === '--help') {
      help = true
      continue
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    let name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1)
    let input = byName.get(name)
    if (!input && name.startsWith('no-') && value === undefined) {
      const positive = byName.get(name.slice(3))
      if (positive && isBoolean(positive)) {
        input = positive
        name = positive.name
        value = 'false'
      }
    }
    if (!input) throw new UsageError(`unknown flag --${name}`)
    if (value === undefined) {
      const next = argv[i + 1]
      if (isBoolean(input) && (next === undefined || !/^(true|false|yes|no|on|off|1|0)$/i.test(next))) {
        value = 'true'
      } else if (next === undefined) {
        throw new UsageError(`flag --${name} needs a value`)
      } else {
        value = next
        i++
      }
    }
    // Repeated list flags add up: --go-versions 1.21 --go-versions 1.22.
    values[name] = input.list && values[name] !== undefined ? `${values[name]},${value}` : value
  }
  return {values, positionals, help}
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.map(l => indent + l).join('\n')
}

function flagLines(input: InputDefinition): string[] {
  const kind = isBoolean(input) ? `[=${input.default === 'true' ? 'false' : 'true'}]` : ' VALUE'
  const def = input.default === '' ? '' : ` (default ${input.default})`
  return [`  --${input.name}${kind}${def}`, wrap(input.description, 74, '      ')]
}

/**
 * --help text of a command, from the same definitions as action.yml. `commandLineOnly` lists the
 * flags that have no action input (how the command line shows progress), kept apart so the
 * first list stays exactly the inputs.
 */
export function renderHelp(
  usage: string,
  summary: string,
  inputs: readonly InputDefinition[],
  commandLineOnly: readonly InputDefinition[] = []
): string {
  const out = [`usage: ${usage}`, '', wrap(summary, 78, '')]
  // A command with no action inputs (toolchains) has command-line flags only.
  if (inputs.length > 0) out.push('', 'flags (each is the action input of the same name):')
  for (const input of inputs) out.push(...flagLines(input))
  out.push('', 'command-line flags:')
  for (const flag of commandLineOnly) out.push(...flagLines(flag))
  out.push('  -h, --help', '      Show this help.')
  return out.join('\n') + '\n'
}
