#!/usr/bin/env node
/**
 * Verification benchmark (issue 12): four reused toolchains, in one run, each reused
 *   (u) without verification, as go-matrix did before it kept manifests: the marker and bin/go exist;
 *   (h) with the fast verification of a first reuse (manifest read and checked, every entry's
 *       lstat, the content hash of bin/* and pkg/tool/*\/*);
 *   (f) with the fast verification of every later reuse (the same, except that the files that run
 *       are not hashed again when their stamps show them unchanged since they were last hashed);
 *   (F) with verify: full (every file's content hash, and no file added);
 * interleaved u, h, f, F per round, per version. Prints the medians and the time each adds per version.
 * The toolchains are installed first from a loopback mirror (a separate process).
 *
 *   npx tsc -p tsconfig.build.json && node bench/install/verify.mjs [--versions 1.21,1.22,1.23,1.27] [--runs 7]
 *
 * Target: (f) - (u) <= 0.25 s per version on this 2-core machine.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
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

const child = spawn(process.execPath, [path.join(here, '..', '..', '__tests__', 'helpers', 'go-mirror-server.mjs'), '--port', '0', '--versions', minors.join(',')], {
  stdio: ['ignore', 'pipe', 'inherit']
})
const baseUrl = (await new Promise((resolve, reject) => {
  child.once('exit', code => reject(new Error(`go-mirror-server exited with ${code}`)))
  createInterface({input: child.stdout}).once('line', resolve)
})).trim()
const scratch = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-bench-verify-'))
try {
  const toolCacheDir = path.join(scratch, 'tool-cache')
  const toolchains = await installGo({specs: minors, downloadBaseUrl: baseUrl, toolCacheDir, tempDir: path.join(scratch, 'temp'), cache: false})
  console.log(`${toolchains.length} toolchains installed; ${runs} rounds, u/f/F interleaved; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`)
  const times = new Map(toolchains.map(t => [t.version, {u: [], h: [], f: [], F: []}]))
  const stamps = new Map()
  for (let round = 0; round < runs; round++) {
    for (const t of toolchains) {
      const expected = {version: t.version, os: 'linux', arch: 'amd64', sha256: t.sha256, goBinary: 'go'}
      const slot = times.get(t.version)
      let start = performance.now()
      if (!(existsSync(`${t.goroot}.complete`) && existsSync(path.join(t.goroot, 'bin', 'go')))) throw new Error('not installed')
      slot.u.push(performance.now() - start)
      for (const [key, level] of [['h', 'fast'], ['f', 'fast'], ['F', 'full']]) {
        start = performance.now()
        const check = await checkToolchain(t.goroot, expected, level, key === 'f' ? stamps.get(t.version) : undefined)
        slot[key].push(performance.now() - start)
        if (!check.ok) throw new Error(`${t.version}: ${check.problem}`)
        if (key === 'h') stamps.set(t.version, check.result.stamps)
      }
    }
  }
  // The stamps of a first reuse are trusted once the files' ctime is a second older than them.
  console.log('version    unverified  fast 1st  fast      full      fast adds  (entries, files that run)')
  const added = []
  for (const t of toolchains) {
    const {u, h, f, F} = times.get(t.version)
    const [mu, mh, mf, mF] = [median(u), median(h), median(f), median(F)]
    added.push(mf - mu)
    const check = await checkToolchain(t.goroot, {version: t.version, os: 'linux', arch: 'amd64', goBinary: 'go'}, 'fast')
    console.log(
      `${t.version.padEnd(10)} ${mu.toFixed(2).padStart(7)} ms ${mh.toFixed(0).padStart(6)} ms ${mf.toFixed(0).padStart(6)} ms ${mF.toFixed(0).padStart(6)} ms ${(mf - mu).toFixed(0).padStart(7)} ms   (${check.result.entries}, ${check.result.hashed})`
    )
  }
  console.log(`fast verification of a later reuse adds at most ${Math.max(...added).toFixed(0)} ms per version (target <= 250 ms)`)
} finally {
  child.kill('SIGTERM')
  await rm(scratch, {recursive: true, force: true})
}
