/** Toolchains already on the machine (`local-toolchains`): which Go version each GOROOT holds. */
import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {isGoVersion} from './gover.js'
import {currentPlatform, goBinary, type Platform} from './platform.js'

const execFileAsync = promisify(execFile)

/** Parses `go version` output (`go version go1.22.12 linux/amd64`) to `1.22.12`; undefined if it is not that. */
export function parseGoVersionOutput(output: string): string | undefined {
  const name = /^go version (go\S+)/.exec(output.trim())?.[1]
  // A toolchain name may carry a suffix (`go1.21.0-bigcorp`), which is no part of the version.
  const version = name?.slice(2).split('-', 1)[0]
  return version !== undefined && isGoVersion(version) ? version : undefined
}

/**
 * Runs `<goroot>/bin/go version` with GOTOOLCHAIN=local (so that a newer go.mod nearby cannot make it
 * switch toolchains) and GOROOT pinned to that directory (an inherited GOROOT of another Go would make
 * it fail or describe the other one), and returns the version it reports.
 */
export async function goVersionAt(goroot: string, platform: Pick<Platform, 'goBinary'> = currentPlatform()): Promise<string> {
  const go = goBinary(goroot, platform)
  let stdout: string
  try {
    ;({stdout} = await execFileAsync(go, ['version'], {env: {...process.env, GOROOT: goroot, GOTOOLCHAIN: 'local'}, timeout: 60_000}))
  } catch (err) {
    throw new Error(`${go} version failed: ${(err as Error).message.trim()}`, {cause: err})
  }
  const version = parseGoVersionOutput(stdout)
  if (!version) throw new Error(`${go} version: unexpected output ${JSON.stringify(stdout.trim())}`)
  return version
}
