import {describe, expect, it} from '@jest/globals'
import {Writable} from 'node:stream'
import {KEPT_OUTPUT_CHARS, runProcess} from '../../src/runner/process.js'
import {killAll, sleepers, uniqueSeconds} from './helpers.js'

const env = {PATH: process.env.PATH ?? '/usr/bin:/bin'}

/**
 * Shell commands that start `sleep <seconds>` in a session of its own and return once it runs
 * there (its session id is its pid, its program is sleep): before that, killing the shell's
 * group would still reach it.
 */
const detached = (seconds: string): string =>
  `setsid sleep ${seconds} >/dev/null 2>&1 & until [ "$(cut -d' ' -f2,6 /proc/$!/stat)" = "(sleep) $!" ]; do sleep 0.01; done`

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

  it('kills a process that left the group (setsid) but carries the marker, and counts it', async () => {
    const seconds = uniqueSeconds()
    const id = `test-${seconds}`
    const result = await runProcess('sh', ['-c', `${detached(seconds)}; echo started`], {
      cwd: '/',
      env: {...env, GO_MATRIX_RUN_ID: id},
      marker: `GO_MATRIX_RUN_ID=${id}`
    })
    expect(result).toMatchObject({exitCode: 0, stdout: 'started\n', leftovers: 1})
    expect(sleepers(seconds)).toEqual([])
  })

  it('leaves a setsid process running without the marker, or with another run’s', async () => {
    const seconds = uniqueSeconds()
    try {
      const withOther = await runProcess('sh', ['-c', detached(seconds)], {
        cwd: '/',
        env: {...env, GO_MATRIX_RUN_ID: 'one-run'},
        marker: 'GO_MATRIX_RUN_ID=another-run'
      })
      expect(withOther.leftovers).toBe(0)
      // The process group was killed when the shell exited; setsid took the sleeper out of it.
      expect(sleepers(seconds)).toHaveLength(1)
      const without = await runProcess('sh', ['-c', detached(`${seconds}1`)], {cwd: '/', env})
      expect(without.leftovers).toBe(0)
      expect(sleepers(`${seconds}1`)).toHaveLength(1)
    } finally {
      killAll([...sleepers(seconds), ...sleepers(`${seconds}1`)])
    }
  })

  it('streams stdout into a sink as it comes, keeping none of it', async () => {
    let received = 0
    // A slow sink: the program waits for it (the pipe fills) instead of the output piling up in memory.
    const sink = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length
        setTimeout(done, 1)
      }
    })
    const result = await runProcess('head', ['-c', '3000000', '/dev/zero'], {cwd: '/', env, stdout: sink})
    expect(received).toBe(3_000_000)
    expect(result).toMatchObject({exitCode: 0, stdout: '', bytes: {stdout: 3_000_000, stderr: 0}, truncated: false})
    expect(sink.writableFinished).toBe(true)
  })

  it('keeps the first and last lines of a long output, and says so', async () => {
    const result = await runProcess('seq', ['1', '2000000'], {cwd: '/', env})
    expect(result.bytes.stdout).toBe(14_888_896)
    expect(result.truncated).toBe(true)
    expect(result.stdout.length).toBeLessThan(2 * KEPT_OUTPUT_CHARS + 100)
    expect(result.stdout.startsWith('1\n2\n3\n')).toBe(true)
    expect(result.stdout.endsWith('1999999\n2000000\n')).toBe(true)
    expect(result.stdout).toMatch(/\n… \d+ lines left out\n/)
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
    const {waitForGroupExit, killProcessTree} = await import('../../src/runner/process.js')
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
