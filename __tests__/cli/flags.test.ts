import {describe, expect, it} from '@jest/globals'
import {parseFlags, renderHelp, UsageError} from '../../src/cli/flags.js'
import {INPUTS} from '../../src/inputs/definitions.js'
import {parseOptions} from '../../src/inputs/options.js'

const run = INPUTS.filter(i => i.commands.includes('run'))

describe('parseFlags', () => {
  it('reads values, booleans and repeated list flags', () => {
    const parsed = parseFlags(
      ['--go-versions', '1.21', '--go-versions=1.22', '--vet', '--no-build', '--max-version-delta', '3', 'extra'],
      run
    )
    expect(parsed.values).toEqual({'go-versions': '1.21,1.22', vet: 'true', build: 'false', 'max-version-delta': '3'})
    expect(parsed.positionals).toEqual(['extra'])
    expect(parsed.help).toBe(false)
  })

  it('reads --modules as the modules input: repeated flags add to the list', () => {
    const parsed = parseFlags(['--modules', 'auto', '--modules=!examples/*', '--modules', 'tools'], run)
    expect(parsed.values).toEqual({modules: 'auto,!examples/*,tools'})
    expect(parseOptions(name => (name === 'go-versions' ? '1.22' : (parsed.values[name] ?? ''))).modules).toEqual({
      kind: 'list',
      auto: true,
      include: ['tools'],
      exclude: ['examples/*']
    })
  })

  it('takes an explicit boolean value', () => {
    expect(parseFlags(['--build', 'false'], run).values).toEqual({build: 'false'})
  })

  it.each([
    [['--nope'], 'unknown flag --nope'],
    [['--go-versions'], 'flag --go-versions needs a value'],
    [['--comment'], 'unknown flag --comment']
  ])('rejects %p', (argv, message) => {
    expect(() => parseFlags(argv, run)).toThrow(new UsageError(message))
  })
})

describe('renderHelp', () => {
  it('lists every flag of the command with its default', () => {
    const help = renderHelp('go-matrix run [flags]', 'Runs the matrix.', run)
    for (const input of run) expect(help).toContain(`--${input.name}`)
    expect(help).toContain('--max-version-delta VALUE (default 2)')
    expect(help).toContain('--vet[=true] (default false)')
  })
})

/** action.yml's inputs as the runner reads them: name → default. */
function actionYmlInputs(text: string): Map<string, string> {
  const inputs = new Map<string, string>()
  const section = text.slice(text.indexOf('\ninputs:\n'), text.indexOf('\noutputs:\n'))
  for (const m of section.matchAll(/^ {2}([\w-]+):\n(?: {4}.*\n)*? {4}default: '((?:[^']|'')*)'$/gm)) {
    inputs.set(m[1] as string, (m[2] as string).replace(/''/g, "'"))
  }
  return inputs
}

/** The flags `go-matrix run --help` lists as action inputs: name → shown default ('' when none). */
function helpInputFlags(help: string): Map<string, string> {
  const section = help.slice(help.indexOf('flags (each is the action input'), help.indexOf('command-line flags:'))
  const flags = new Map<string, string>()
  for (const m of section.matchAll(/^ {2}--([\w-]+)(?:\[=\w+\]| VALUE)(?: \(default (.*)\))?$/gm)) flags.set(m[1] as string, m[2] ?? '')
  return flags
}

describe('the run flags and action.yml cannot drift apart', () => {
  // Inputs that only make sense inside a GitHub workflow, each for a stated reason.
  const ACTION_ONLY: Record<string, string> = {
    comment: 'no pull request outside GitHub',
    'comment-key': 'no pull request outside GitHub',
    'github-token': 'no GitHub API outside GitHub',
    mode: 'the command line has one command per mode (run, aggregate)',
    reports: 'go-matrix aggregate takes the reports as arguments'
  }

  it("lists every action.yml input in run's --help with action.yml's default, except the GitHub-only ones", async () => {
    const {readFile} = await import('node:fs/promises')
    const {main} = await import('../../src/cli/main.js')
    const yml = actionYmlInputs(await readFile('action.yml', 'utf8'))
    expect(yml.size).toBe(INPUTS.length)
    let help = ''
    const sink = {write: (t: string) => ((help += t), true)}
    expect(await main(['run', '--help'], {stdout: sink, stderr: sink, cwd: '.', env: {}} as never)).toBe(0)
    const flags = helpInputFlags(help)
    const expected = new Map([...yml].filter(([name]) => !(name in ACTION_ONLY)))
    expect(flags).toEqual(expected)
  })

  it('parses each of those flags into the input of the same name', () => {
    for (const input of run) {
      const value = input.default === 'true' ? 'false' : 'x'
      expect(parseFlags([`--${input.name}=${value}`], run).values).toEqual({[input.name]: value})
    }
  })
})
