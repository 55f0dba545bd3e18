import {describe, expect, it} from '@jest/globals'
import {parseFlags, renderHelp, UsageError} from '../../src/cli/flags.js'
import {INPUTS} from '../../src/definitions.js'

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
