#!/usr/bin/env node
/**
 * Where scripts/setup.sh puts the Go toolchains that the tests, the benchmarks and the example use,
 * in one place: Debian's bookworm packages at /usr/lib/go-X.Y (1.19, 1.21-1.23), and the trixie ones,
 * unpacked by setup.sh, at $GO_MATRIX_TOOLCHAINS/go-X.Y (default /opt/go-matrix; 1.24-1.27).
 *
 *   node scripts/toolchains.mjs [--minors 1.21,1.27]   prints the GOROOTs, comma-separated
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Every minor setup.sh installs, oldest first. */
export const SETUP_MINORS = ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27']

/** The folders holding `go-X.Y` GOROOTs, searched in this order. */
export function toolchainRoots(env = process.env) {
  return ['/usr/lib', env.GO_MATRIX_TOOLCHAINS || '/opt/go-matrix']
}

function compareMinors(a, b) {
  const [am, an] = a.split('.').map(Number)
  const [bm, bn] = b.split('.').map(Number)
  return am - bm || an - bn
}

/** The GOROOT of a minor (`1.22`), or undefined when no toolchain of it is installed. */
export function findGoroot(minor, env = process.env) {
  for (const root of toolchainRoots(env)) {
    const goroot = path.join(root, `go-${minor}`)
    if (existsSync(path.join(goroot, 'bin', 'go'))) return goroot
  }
  return undefined
}

/** The GOROOT of a minor; throws, saying how to install it, when it is missing. */
export function gorootOf(minor, env = process.env) {
  const goroot = findGoroot(minor, env)
  if (goroot === undefined) {
    throw new Error(`Go ${minor} is not installed (looked in ${toolchainRoots(env).map(r => path.join(r, `go-${minor}`)).join(', ')}): run scripts/setup.sh`)
  }
  return goroot
}

/** Minors (`1.22`) of every toolchain installed in the roots, oldest first. */
export function installedGoMinors(env = process.env) {
  const minors = new Set()
  for (const root of toolchainRoots(env)) {
    if (!existsSync(root)) continue
    for (const name of readdirSync(root)) {
      const minor = /^go-(\d+\.\d+)$/.exec(name)?.[1]
      if (minor && existsSync(path.join(root, name, 'bin', 'go'))) minors.add(minor)
    }
  }
  return [...minors].sort(compareMinors)
}

/** The release a GOROOT holds (`1.27.4`), from its VERSION file's first line, without running it. */
export function versionAt(goroot) {
  const first = readFileSync(path.join(goroot, 'VERSION'), 'utf8').split('\n')[0] ?? ''
  const match = /^go(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?)$/.exec(first.trim())
  if (!match) throw new Error(`${goroot}/VERSION: unexpected first line ${JSON.stringify(first)}`)
  return match[1]
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--minors')
  const minors = at > 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : installedGoMinors()
  process.stdout.write(`${minors.map(m => gorootOf(m)).join(',')}\n`)
}
