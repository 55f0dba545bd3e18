/**
 * Runs a bundle the way the GitHub runner runs an action: every input as INPUT_<NAME> (defaults
 * of action.yml filled in, as the runner does), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files, RUNNER_TEMP and RUNNER_TOOL_CACHE.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {INPUTS} from '../../src/inputs/definitions.js'
import {SHARED_GO_CACHES} from '../helpers/go-caches.js'

export interface RunnerDirs {
  root: string
  temp: string
  toolCache: string
  workspace: string
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM` and `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

export async function runAction(
  bundle: string,
  dirs: RunnerDirs,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  /** Called with the running process, e.g. to signal it. */
  onStart: (child: ChildProcess) => void = () => undefined
): Promise<ActionRun> {
  await mkdir(dirs.temp, {recursive: true})
  const files = {
    output: path.join(dirs.root, 'github_output'),
    summary: path.join(dirs.root, 'step_summary.md'),
    state: path.join(dirs.root, 'github_state')
  }
  for (const f of Object.values(files)) await writeFile(f, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dirs.root,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo/hello',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
    GO_MATRIX_CACHE_DIR: SHARED_GO_CACHES,
    ...extraEnv
  }
  for (const input of INPUTS) {
    const value = inputs[input.name] ?? (input.default.startsWith('${{') ? '' : input.default)
    env[`INPUT_${input.name.toUpperCase()}`] = value
  }
  const child = spawn(process.execPath, [bundle], {cwd: dirs.workspace, env, stdio: ['ignore', 'pipe', 'pipe']})
  onStart(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8')
  }
}
