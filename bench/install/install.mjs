#!/usr/bin/env node
/**
 * Installer benchmark: a cold install of one Go version from a loopback mirror (a separate process
 * serving a real archive packed from /usr/lib/go-X.Y), against the plain pipeline
 * `curl URL | tee >(sha256sum) | tar -xz -C DIR` on the same archive, alternated in the same run.
 * Both sides are whole processes timed from spawn to exit: the installer is
 * `node bench/install/install-one.mjs` (node's start, module loading and the index fetch count),
 * the pipeline `bash -c '…'`. Then a warm install (tool cache hit, fast verification included),
 * also as a whole process. Prints medians and the ratio.
 *
 *   npx tsc -p tsconfig.build.json && node bench/install/install.mjs [--version 1.22] [--runs 5]
 *
 * Targets: cold <= 1.2x the pipeline; a warm reuse, verification included, <= 0.25 s more than the
 * process's start (bench/install/verify.mjs measures the verification itself).
 *
 * With --variants, also times the extraction designs archive.ts chose between, on the same URL:
 * node-tar's Unpack (all in Node), and `tar -xzf -` beside a validating Parser (gunzip twice).
 */
import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import {performance} from 'node:perf_hooks'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'
import {createHash} from 'node:crypto'
import http from 'node:http'
import {createGunzip} from 'node:zlib'
import {Parser, Unpack} from 'tar'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []))
const minor = args.version ?? '1.22'
const runs = Number(args.runs ?? 5)
const variants = process.argv.includes('--variants')

const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Starts the mirror as its own process, so that serving does not share the installer's event loop. */
async function startMirror() {
  const child = spawn(process.execPath, [path.join(here, '..', '..', '__tests__', 'helpers', 'go-mirror-server.mjs'), '--port', '0', '--versions', minor, '--compression', 'gzip'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const [line] = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', code => reject(new Error(`go-mirror-server exited with ${code}`)))
    createInterface({input: child.stdout}).once('line', l => resolve([l]))
  })
  return {baseUrl: line.trim(), stop: () => child.kill('SIGTERM')}
}

async function fetchIndex(baseUrl) {
  const response = await new Promise((resolve, reject) => http.get(`${baseUrl}/?mode=json&include=all`, resolve).on('error', reject))
  const chunks = []
  for await (const chunk of response) chunks.push(chunk)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

/** Runs a process to its end; resolves with its stdout. */
function run(command, argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.on('error', reject)
    child.on('close', code => (code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`))))
  })
}

const installOne = path.join(here, 'install-one.mjs')
/** The installer as a process: [seconds from spawn to exit, what it reported]. */
async function installProcess(baseUrl, toolCacheDir, specs) {
  const start = performance.now()
  const out = await run(process.execPath, [installOne, baseUrl, toolCacheDir, 'fast', ...specs])
  return [seconds(start), JSON.parse(out)]
}

const seconds = start => (performance.now() - start) / 1000

/** The designs not taken, each hashing the response and extracting into `dir`. */
const VARIANTS = {
  'node-tar Unpack': (response, dir) => {
    const unpack = new Unpack({cwd: dir})
    response.pipe(createGunzip()).pipe(unpack)
    return new Promise((resolve, reject) => unpack.on('close', resolve).on('error', reject))
  },
  'tar -xzf - + Parser (gunzip twice)': (response, dir) => {
    const tar = spawn('tar', ['-xzf', '-', '-C', dir], {stdio: ['pipe', 'ignore', 'inherit']})
    const gunzip = createGunzip()
    const parser = new Parser({strict: true})
    parser.on('entry', entry => entry.resume())
    response.pipe(gunzip).pipe(parser)
    response.pipe(tar.stdin)
    return Promise.all([new Promise(resolve => tar.on('close', resolve)), new Promise(resolve => parser.on('end', resolve))])
  }
}

async function timeVariant(name, url, dir) {
  const start = performance.now()
  const response = await new Promise((resolve, reject) => http.get(url, resolve).on('error', reject))
  const hash = createHash('sha256')
  response.on('data', chunk => hash.update(chunk))
  await VARIANTS[name](response, dir)
  hash.digest('hex')
  return seconds(start)
}

const mirror = await startMirror()
const scratch = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-bench-install-'))
try {
  const index = await fetchIndex(mirror.baseUrl)
  const release = index.find(r => r.stable && r.version.startsWith(`go${minor}.`) && r.files.some(f => f.kind === 'archive' && f.os === 'linux' && f.arch === 'amd64'))
  const file = release.files.find(f => f.kind === 'archive' && f.os === 'linux' && f.arch === 'amd64')
  const url = `${mirror.baseUrl}/${file.filename}`
  console.log(`archive: ${file.filename} (${(file.size / 1e6).toFixed(1)} MB), ${runs} runs each, alternating; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`)

  const pipeline = []
  const cold = []
  const variantTimes = {}
  for (let i = 0; i < runs; i++) {
    const dir = path.join(scratch, `pipeline-${i}`)
    await mkdir(dir)
    // The peer, exactly as written in the issue: one read of the stream, hashed on the side.
    let start = performance.now()
    await run('bash', ['-c', 'set -o pipefail; curl -sSf "$1" | tee >(sha256sum >"$2/sha256") | tar -xz -C "$2"', 'pipeline', url, dir])
    pipeline.push(seconds(start))
    await rm(dir, {recursive: true, force: true})

    const toolCacheDir = path.join(scratch, `cold-${i}`)
    const [elapsed, [toolchain]] = await installProcess(mirror.baseUrl, toolCacheDir, [minor])
    cold.push(elapsed)
    if (toolchain.source !== 'download') throw new Error(`cold run ${i} was a ${toolchain.source}`)
    if (i < runs - 1) await rm(toolCacheDir, {recursive: true, force: true})
    let line = `  run ${i + 1}: pipeline ${pipeline[i].toFixed(2)} s, installGo cold ${cold[i].toFixed(2)} s`
    for (const name of variants ? Object.keys(VARIANTS) : []) {
      const vdir = path.join(scratch, `variant-${i}`)
      await mkdir(vdir)
      const t = await timeVariant(name, url, vdir)
      ;(variantTimes[name] ??= []).push(t)
      line += `, ${name} ${t.toFixed(2)} s`
      await rm(vdir, {recursive: true, force: true})
    }
    console.log(line)
  }

  const warm = []
  const nodeStart = []
  const warmToolCache = path.join(scratch, `cold-${runs - 1}`)
  for (let i = 0; i < runs; i++) {
    const [elapsed, [toolchain]] = await installProcess(mirror.baseUrl, warmToolCache, [minor])
    warm.push(elapsed)
    if (toolchain.source !== 'tool-cache') throw new Error(`warm run ${i} was a ${toolchain.source}`)
    // What any node process costs before it does anything, for comparison.
    const start = performance.now()
    await run(process.execPath, ['-e', ''])
    nodeStart.push(seconds(start))
  }

  const p = median(pipeline)
  const c = median(cold)
  const w = median(warm)
  console.log(`median pipeline process (curl | tee >(sha256sum) | tar -xz): ${p.toFixed(2)} s`)
  console.log(`median installer process cold (node start, index, download, verify, extract, manifest, place): ${c.toFixed(2)} s`)
  console.log(`ratio cold / pipeline: ${(c / p).toFixed(2)}x (target <= 1.2x)`)
  for (const [name, times] of Object.entries(variantTimes)) {
    console.log(`median ${name}: ${median(times).toFixed(2)} s (${(median(times) / p).toFixed(2)}x the pipeline)`)
  }
  const n = median(nodeStart)
  console.log(`median installer process warm (tool cache hit, fast verification, index fetch): ${(w * 1000).toFixed(0)} ms; an empty node process: ${(n * 1000).toFixed(0)} ms; difference ${((w - n) * 1000).toFixed(0)} ms (target <= 250 ms)`)
} finally {
  mirror.stop()
  await rm(scratch, {recursive: true, force: true})
}
