/** Runs the command line in-process as a developer's shell would: no CI variable, the shared Go caches, no colour. */
import {main, type CliIo} from '../../src/cli/main.js'
import {SHARED_GO_CACHES} from './go-caches.js'

export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: {write: (t: string) => ((stdout += t), true)} as unknown as CliIo['stdout'],
    stderr: {write: (t: string) => ((stderr += t), true)} as unknown as CliIo['stderr'],
    cwd,
    env: {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', GO_MATRIX_CACHE_DIR: SHARED_GO_CACHES, ...env}
  }
  const code = await main(argv, io)
  return {code, stdout, stderr}
}
