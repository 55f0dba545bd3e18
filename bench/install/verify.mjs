#!/usr/bin/env node
/**
 * Verification benchmark (issue 12): four reused toolchains, in one run, each reused
 *   (u) without verification, as go-matrix did before it kept manifests: the marker and bin/go exist;
 *   (i) with the fast verification of the first reuse after the install: the state the install left
 *       (the stamps of the files that run and of the manifest, taken as they were written), so
 *       nothing is hashed and the manifest is parsed, not re-checked;
 *   (f) with the fast verification of a later reuse: the stamps an earlier check took (of the files
 *       that run and of the manifest, a second old);
 *   (n) with the fast verification of a toolchain whose state was lost: the manifest checked whole,
 *       every entry's lstat, the content hash of bin/* and pkg/tool/*\/*;
 *   (F) with verify: full (every file's content hash, and no file added);
 * interleaved u, i, f, n, F per round, per version. Prints the medians and the time each adds per version.
 * The toolchains are installed first from a loopback mirror (a separate process).
 *
 *   npx tsc -p tsconfig.build.json && node bench/install/verify.mjs [--versions 1.21,1.22,1.23,1.27] [--runs 7]
 *
 * Target: (i) - (u) and (f) - (u) <= 0.25 s per version on this 2-core machine.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {installGo} from '../../lib/go/install.js'
import {checkToolchain} from '../../lib/go/reuse.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []))
const minors = (args.versions ?? '1.21,1.22,1.23,1.27').split(',')
const runs = Number(args.runs ?? 7)

const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const child = spawn(process.execPath, [path.join(here, '..', '..', '__tests__', 'helpers', 'go-mirror-server.mjs'), '--port', '0', '--versions', minors.join(','), '--compression', 'gzip'], {
  stdio: ['ignore', 'pipe', 'inherit']
})
const baseUrl = (await new Promise((resolve, reject) => {
  child.once('exit', code => reject(new Error(`go-mirror-server exited with ${code}`)))
  createInterface({input: child.stdout}).once('line', resolve)
})).trim()
const expectedOf = t => ({version: t.version, os: 'linux', arch: 'amd64', sha256: t.sha256, goBinary: 'go'})
const scratch = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-bench-verify-'))
try {
  const toolCacheDir = path.join(scratch, 'tool-cache')
  const toolchains = await installGo({specs: minors, downloadBaseUrl: baseUrl, toolCacheDir, tempDir: path.join(scratch, 'temp'), cache: false})
  console.log(`${toolchains.length} toolchains installed; ${runs} rounds, u/i/f/n/F interleaved; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`)
  // What the install left: the state a first reuse starts from.
  const installed = new Map()
  for (const t of toolchains) installed.set(t.version, JSON.parse(await readFile(`${t.goroot}.state.json`, 'utf8')))
  // The stamps of a check are trusted once the files' ctime is a second older than them.
  const later = new Map()
  for (const t of toolchains) {
    const check = await checkToolchain(t.goroot, expectedOf(t), 'fast')
    later.set(t.version, {stamps: check.result.stamps, manifestStamps: check.manifestStamps})
  }
  await new Promise(resolve => setTimeout(resolve, 1100))
  const times = new Map(toolchains.map(t => [t.version, {u: [], i: [], f: [], n: [], F: []}]))
  for (let round = 0; round < runs; round++) {
    for (const t of toolchains) {
      const slot = times.get(t.version)
      let start = performance.now()
      if (!(existsSync(`${t.goroot}.complete`) && existsSync(path.join(t.goroot, 'bin', 'go')))) throw new Error('not installed')
      slot.u.push(performance.now() - start)
      for (const [key, level, previous] of [['i', 'fast', installed.get(t.version)], ['f', 'fast', later.get(t.version)], ['n', 'fast', undefined], ['F', 'full', undefined]]) {
        start = performance.now()
        const check = await checkToolchain(t.goroot, expectedOf(t), level, previous)
        slot[key].push(performance.now() - start)
        if (!check.ok) throw new Error(`${t.version}: ${check.problem}`)
        if (key === 'i' && check.result.hashed !== 0) throw new Error(`${t.version}: the first reuse hashed ${check.result.hashed} files`)
      }
    }
  }
  console.log('version    unverified  1st reuse  later     no state  full      1st adds  later adds  (entries, files that run)')
  const added = []
  for (const t of toolchains) {
    const {u, i, f, n, F} = times.get(t.version)
    const [mu, mi, mf, mn, mF] = [u, i, f, n, F].map(median)
    added.push(mi - mu, mf - mu)
    const check = await checkToolchain(t.goroot, expectedOf(t), 'fast')
    console.log(
      `${t.version.padEnd(10)} ${mu.toFixed(2).padStart(7)} ms ${mi.toFixed(0).padStart(6)} ms ${mf.toFixed(0).padStart(6)} ms ${mn.toFixed(0).padStart(6)} ms ${mF.toFixed(0).padStart(6)} ms ${(mi - mu).toFixed(0).padStart(6)} ms ${(mf - mu).toFixed(0).padStart(7)} ms   (${check.result.entries}, ${check.result.hashed})`
    )
  }
  console.log(`fast verification of a reuse (first or later) adds at most ${Math.max(...added).toFixed(0)} ms per version (target <= 250 ms)`)
} finally {
  child.kill('SIGTERM')
  await rm(scratch, {recursive: true, force: true})
}
