import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {goBinary} from '../go/platform.js'
import {parseGoFile} from '../go/go-mod.js'
import {CoverageError} from '../coverage/model.js'
import type {Profile} from '../coverage/model.js'
import {formatProfile} from '../coverage/go-profile.js'
import {compareStrings} from '../coverage/order.js'
import {parseFuncOutput} from '../coverage/functions.js'
import type {FuncReport} from '../coverage/functions.js'

/**
 * Runs that version's own `go tool cover -func=<profile>` and parses it: the adapter between the
 * pure coverage engine and Go, on the Go-running side. It needs the module's sources, so it runs
 * in the module directory, with `env`: the version's isolated environment (env.ts isolatedEnv,
 * VersionRun.env), so it reads the same GOPATH, module cache and go.env as the version's go test;
 * without one, the process's environment. Either way GOTOOLCHAIN=local keeps Go from switching
 * to another toolchain and GOROOT pins this one.
 *
 * Given the parsed profile, the files of the module in `moduleDir` are handed to Go by absolute
 * path: for a file named by import path, `go tool cover` first runs `go list` over its packages
 * to find their directories, which costs more than the rest of `-func` (0.1 s on a small module,
 * more on a large one) and, for the last version of a run, cannot overlap with anything. The rows
 * are given back under the profile's own names and in Go's order.
 */
export async function functionsFromGo(goroot: string, profilePath: string, moduleDir: string, profile?: Profile, env: NodeJS.ProcessEnv = process.env): Promise<FuncReport> {
  const local = profile === undefined ? new Map<string, string>() : localPaths(profile.files.map(f => f.file), moduleDir)
  if (profile === undefined || local.size === 0) return runCoverFunc(goroot, path.resolve(profilePath), profilePath, moduleDir, env)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-func-'))
  try {
    const input = path.join(tmp, 'coverage.out')
    const renamed = profile.files.map(f => ({...f, file: local.get(f.file) ?? f.file}))
    writeFileSync(input, formatProfile({...profile, files: renamed}))
    const report = await runCoverFunc(goroot, input, profilePath, moduleDir, env)
    const original = new Map([...local].map(([name, file]) => [file, name]))
    const functions = report.functions.map(fn => ({...fn, file: original.get(fn.file) ?? fn.file}))
    // Go sorts a profile's files by name; absolute names may sort differently from import paths.
    // The sort is stable, so each file's functions keep their source order.
    functions.sort((a, b) => compareStrings(a.file, b.file))
    return {functions, totalPercent: report.totalPercent}
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}

/**
 * The absolute paths of the profile files that belong to the main module found from `moduleDir`
 * (the nearest go.mod at or above it), keyed by the profile's import-path name. A file is
 * mapped only when it exists and no go.mod lies between it and the module root, which would
 * make it another module's (whose directory only `go list` knows).
 */
export function localPaths(files: readonly string[], moduleDir: string): Map<string, string> {
  const local = new Map<string, string>()
  const module = mainModule(path.resolve(moduleDir))
  if (module === null) return local
  const ownDir = new Map<string, boolean>()
  const inModule = (dir: string): boolean => {
    if (dir === module.root) return true
    let own = ownDir.get(dir)
    if (own === undefined) {
      own = !existsSync(path.join(dir, 'go.mod')) && inModule(path.dirname(dir))
      ownDir.set(dir, own)
    }
    return own
  }
  const prefix = `${module.path}/`
  for (const name of files) {
    if (!name.startsWith(prefix)) continue
    const file = path.join(module.root, ...name.slice(prefix.length).split('/'))
    if (inModule(path.dirname(file)) && existsSync(file)) local.set(name, file)
  }
  return local
}

function mainModule(dir: string): {root: string; path: string} | null {
  for (let at = dir; ; at = path.dirname(at)) {
    const goMod = path.join(at, 'go.mod')
    if (existsSync(goMod)) {
      let modulePath: string | null
      try {
        modulePath = parseGoFile(goMod, readFileSync(goMod, 'utf8')).module
      } catch {
        return null // Not ours to report: go itself says what is wrong with the go.mod.
      }
      return modulePath === null ? null : {root: at, path: modulePath}
    }
    if (path.dirname(at) === at) return null
  }
}

function runCoverFunc(goroot: string, input: string, profilePath: string, moduleDir: string, env: NodeJS.ProcessEnv): Promise<FuncReport> {
  const go = goBinary(goroot)
  const args = ['tool', 'cover', `-func=${input}`]
  const shown = `${go} tool cover -func=${path.resolve(profilePath)}`
  return new Promise<FuncReport>((resolve, reject) => {
    execFile(
      go,
      args,
      {cwd: moduleDir, env: {...env, GOTOOLCHAIN: 'local', GOROOT: goroot}, maxBuffer: 1 << 30},
      (err, out, errOut) => {
        if (err) {
          const detail = String(errOut).trim() || err.message
          reject(new CoverageError(`${shown} (in ${moduleDir}) failed: ${detail}`, {cause: err}))
        } else {
          try {
            resolve(parseFuncOutput(String(out), `${go} tool cover -func`))
          } catch (parseErr) {
            reject(parseErr)
          }
        }
      }
    )
  })
}
