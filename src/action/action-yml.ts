import {INPUTS, OUTPUTS} from '../inputs/definitions.js'

/** YAML single-quoted scalar: the only escape is a doubled quote. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** Renders action.yml from the definitions; `npm run gen:action` writes it. */
export function renderActionYml(): string {
  const lines = [
    '# Generated from src/inputs/definitions.ts by `npm run gen:action`; edit that file, not this one.',
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

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** The README's inputs table. */
export function renderInputsTable(): string {
  const rows = INPUTS.map(i => `| \`${i.name}\` | ${i.default === '' ? "`''`" : `\`${i.default}\``} | ${cell(i.description)} |`)
  return ['| input | default | meaning |', '|---|---|---|', ...rows].join('\n')
}

/** The README's outputs table. */
export function renderOutputsTable(): string {
  const rows = OUTPUTS.map(o => `| \`${o.name}\` | ${cell(o.description)} |`)
  return ['| output | value |', '|---|---|', ...rows].join('\n')
}

/** Replaces the text between `<!-- NAME:start ... -->` and `<!-- NAME:end -->` in a document. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
  if (!start.test(doc)) throw new Error(`no <!-- ${name}:start --> … <!-- ${name}:end --> section`)
  return doc.replace(start, (_m, open: string, close: string) => `${open}${body}\n${close}`)
}

/** README.md with its generated tables brought up to date. */
export function renderReadme(readme: string): string {
  return replaceSection(replaceSection(readme, 'inputs', renderInputsTable()), 'outputs', renderOutputsTable())
}
