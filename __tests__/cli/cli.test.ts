import {describe, expect, it} from '@jest/globals'
import {main, type CliIo} from '../../src/cli/main.js'
import {INPUTS} from '../../src/inputs/definitions.js'

function io(): CliIo & {out: () => string; err: () => string} {
  let out = ''
  let err = ''
  return {
    stdout: {write: (t: string) => ((out += t), true)} as unknown as CliIo['stdout'],
    stderr: {write: (t: string) => ((err += t), true)} as unknown as CliIo['stderr'],
    cwd: process.cwd(),
    env: {},
    out: () => out,
    err: () => err
  }
}

describe('go-matrix command line', () => {
  it('prints the commands with --help and exits 0', async () => {
    const t = io()
    expect(await main(['--help'], t)).toBe(0)
    expect(t.out()).toContain('run        the whole matrix')
  })

  it.each([
    ['run', '--go-versions VALUE'],
    ['aggregate', 'REPORT'],
    ['coverage', 'PROFILE']
  ])('routes %p --help to that command, listed in the usage', async (command, flag) => {
    const usage = io()
    await main(['--help'], usage)
    expect(usage.out()).toMatch(new RegExp(`^  ${command} +\\S`, 'm'))
    const t = io()
    expect(await main([command, '--help'], t)).toBe(0)
    expect(t.out()).toContain(flag)
  })

  it('exits 2 on an unknown command or no command', async () => {
    const t = io()
    expect(await main(['frobnicate'], t)).toBe(2)
    expect(t.err()).toContain('unknown command "frobnicate"')
    expect(await main([], io())).toBe(2)
  })

  it('has one run flag for every input the run command takes', async () => {
    const t = io()
    expect(await main(['run', '--help'], t)).toBe(0)
    for (const input of INPUTS.filter(i => i.commands.includes('run'))) expect(t.out()).toContain(`--${input.name}`)
  })

  it.each([
    [['run', '--go-versions', '1.22', '--max-version-delta', 'two'], 'go-matrix run: --max-version-delta: "two" is not a number'],
    [['run', '--bogus'], 'go-matrix run: unknown flag --bogus'],
    [['run'], 'go-matrix run: --go-versions: give at least one Go version (or go-version-file)'],
    [['run', '--go-versions', '1.22', '--verbose=maybe'], 'go-matrix run: --verbose: "maybe" is not true or false'],
    [['run', '--go-versions', '1.22', '--log-file', '/dev/null/log.txt'], /^go-matrix run: --log-file: .*\/dev\/null/]
  ])('exits 2 with a clear message for %p', async (argv, message) => {
    const t = io()
    expect(await main(argv, t)).toBe(2)
    if (typeof message === 'string') expect(t.err().trim()).toBe(message)
    else expect(t.err().trim()).toMatch(message)
  })
})

describe('go-matrix --version', () => {
  it("prints package.json's version", async () => {
    const {readFileSync} = await import('node:fs')
    const t = io()
    expect(await main(['--version'], t)).toBe(0)
    expect(t.out()).toBe(`go-matrix ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`)
  })
})
