import {execFile} from 'node:child_process'
import path from 'node:path'
import {CoverageError} from './model.js'
import {parseFuncOutput} from './functions.js'
import type {FuncReport} from './functions.js'

/**
 * Runs that version's own `go tool cover -func=<profile>` and parses it. It needs the module's
 * sources, so it runs in the module directory; GOTOOLCHAIN=local keeps Go from switching to
 * another toolchain, GOROOT pins this one.
 */
export async function functionsFromGo(goroot: string, profilePath: string, moduleDir: string): Promise<FuncReport> {
  const go = path.join(goroot, 'bin', process.platform === 'win32' ? 'go.exe' : 'go')
  const args = ['tool', 'cover', `-func=${path.resolve(profilePath)}`]
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      go,
      args,
      {cwd: moduleDir, env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot}, maxBuffer: 1 << 30},
      (err, out, errOut) => {
        if (err) {
          const detail = String(errOut).trim() || err.message
          reject(new CoverageError(`${go} ${args.join(' ')} (in ${moduleDir}) failed: ${detail}`, {cause: err}))
        } else resolve(String(out))
      }
    )
  })
  return parseFuncOutput(stdout, `${go} tool cover -func`)
}
