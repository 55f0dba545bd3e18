import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const preload = path.join(import.meta.dirname, 'resource-usage.mjs')

export interface Measured {
  status: number | null
  stdout: string
  stderr: string
  /** Wall time, CPU time (user + system) in seconds, and peak resident memory in bytes. */
  seconds: number
  cpuSeconds: number
  maxRssBytes: number
}

/** Runs a node script in a child process and measures it (helpers/resource-usage.mjs). */
export function runMeasured(script: string, args: readonly string[], options: {cwd?: string; timeoutMs?: number} = {}): Measured {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-measured-'))
  const usageFile = path.join(dir, 'usage.json')
  try {
    const start = process.hrtime.bigint()
    const result = spawnSync(process.execPath, ['--import', preload, script, ...args], {
      cwd: options.cwd,
      encoding: 'utf8',
      env: {...process.env, GO_MATRIX_RESOURCE_USAGE: usageFile, NO_COLOR: '1'},
      maxBuffer: 1 << 26,
      timeout: options.timeoutMs ?? 120_000
    })
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    if (result.error) throw result.error
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {userCPUTime: number; systemCPUTime: number; maxRSS: number}
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      seconds,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      maxRssBytes: usage.maxRSS * 1024
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
