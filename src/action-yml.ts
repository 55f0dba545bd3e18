import {INPUTS, OUTPUTS} from './definitions.js'

/** YAML single-quoted scalar: the only escape is a doubled quote. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** Renders action.yml from the definitions; `npm run gen:action` writes it. */
export function renderActionYml(): string {
  const lines = [
    '# Generated from src/definitions.ts by `npm run gen:action`; edit that file, not this one.',
    "name: 'go-matrix'",
    "description: 'Test a Go module against many Go versions in one job: install, build, test with coverage, compare versions and the base branch, and gate.'",
    "author: 'go-matrix'",
    'branding:',
    "  icon: 'grid'",
    "  color: 'blue'",
    'inputs:'
  ]
  for (const input of INPUTS) {
    lines.push(`  ${input.name}:`, `    description: ${quote(input.description)}`)
    lines.push('    required: false', `    default: ${quote(input.default)}`)
  }
  lines.push('outputs:')
  for (const output of OUTPUTS) {
    lines.push(`  ${output.name}:`, `    description: ${quote(output.description)}`)
  }
  lines.push('runs:', "  using: 'node24'", "  main: 'dist/index.js'")
  return lines.join('\n') + '\n'
}
