import {describe, expect, it} from '@jest/globals'
import {runProcess} from '../../src/run/process.js'
import {processesMatching} from './helpers.js'

const env = {PATH: process.env.PATH ?? '/usr/bin:/bin'}
/** A `sleep` argument no other process on the machine uses, to find our own sleepers in /proc. */
const uniqueSeconds = (): string => String(7000 + Math.floor(Math.random() * 2000)) + '.5'
/** The `sleep` processes themselves, not the shell whose command line mentions them. */
const sleepers = (seconds: string): number[] => processesMatching(new RegExp(`^sleep ${seconds.replace('.', '\\.')}$`))

describe('runProcess', () => {
  it('captures stdout, stderr and the exit code', async () => {
    const result = await runProcess('sh', ['-c', 'echo out; echo err >&2; exit 3'], {cwd: '/', env})
    expect(result).toMatchObject({exitCode: 3, stdout: 'out\n', stderr: 'err\n'})
    expect(result.aborted).toBeUndefined()
  })

  it('passes arguments as they are, with no shell in between', async () => {
    const result = await runProcess('printf', ['%s|', 'a b', '$HOME', '`x`'], {cwd: '/', env})
    expect(result.stdout).toBe('a b|$HOME|`x`|')
  })

  it('resolves with spawnError when the program does not exist', async () => {
    const result = await runProcess('/nonexistent/go', ['version'], {cwd: '/', env})
    expect(result.exitCode).toBeNull()
    expect(result.spawnError?.message).toMatch(/^\/nonexistent\/go: could not start: .*ENOENT/)
  })

  it('kills the whole process tree when aborted, and keeps the reason', async () => {
    const seconds = uniqueSeconds()
    const controller = new AbortController()
    const pending = runProcess('sh', ['-c', `sleep ${seconds} & sleep ${seconds}; echo never`], {cwd: '/', env, signal: controller.signal})
    await waitFor(() => sleepers(seconds).length === 2)
    controller.abort('stop now')
    const result = await pending
    expect(result.aborted).toBe('stop now')
    expect(result.stdout).toBe('')
    await waitFor(() => sleepers(seconds).length === 0)
  })

  it('kills what the program left behind when it exits, instead of waiting on it', async () => {
    const seconds = uniqueSeconds()
    const started = Date.now()
    const result = await runProcess('sh', ['-c', `sleep ${seconds} & echo started`], {cwd: '/', env})
    expect(result).toMatchObject({exitCode: 0, stdout: 'started\n'})
    expect(Date.now() - started).toBeLessThan(5000)
    await waitFor(() => sleepers(seconds).length === 0)
  })

  it('does not start when the signal is already aborted', async () => {
    const result = await runProcess('sh', ['-c', 'echo ran'], {cwd: '/', env, signal: AbortSignal.abort('early')})
    expect(result).toMatchObject({exitCode: null, stdout: '', aborted: 'early'})
  })
})

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

describe('waitForGroupExit', () => {
  it('returns at once for a group that is gone, and waits for one that is dying', async () => {
    const {spawn} = await import('node:child_process')
    const {waitForGroupExit, killProcessTree} = await import('../../src/run/process.js')
    let started = Date.now()
    await waitForGroupExit(2 ** 22 - 3)
    expect(Date.now() - started).toBeLessThan(100)
    const child = spawn('sh', ['-c', 'sleep 30 & sleep 30'], {detached: true, stdio: 'ignore'})
    await new Promise(resolve => setTimeout(resolve, 100))
    killProcessTree(child.pid)
    started = Date.now()
    await waitForGroupExit(child.pid)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(() => process.kill(-(child.pid as number), 0)).toThrow()
  })
})
