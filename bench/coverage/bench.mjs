#!/usr/bin/env node
/**
 * The coverage engine against `go tool cover -func` on the same profiles, in the same run.
 *
 *   npx tsc -p tsconfig.build.json && node bench/coverage/bench.mjs [--runs N] [--goroot DIR]
 *
 * Prints, per input, the median wall and CPU time of each side (each run a fresh process), the
 * ratios, peak RSS, and checks that both print the same total. Then how time grows from 100k to 1M
 * lines (in process, per line), and the line splitter against node:readline.
 */
import {spawnSync} from 'node:child_process'
import {createReadStream, existsSync, statSync} from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {fileURLToPath} from 'node:url'
import {lineCoverage, summarizeLines} from '../../lib/coverage/lines.js'
import {forEachLine, forEachLineBytes, readProfile} from '../../lib/files/read-profile.js'
import {summarizeStatements} from '../../lib/coverage/summary.js'
import {setup} from './setup.mjs'
import {gorootOf, installedGoMinors} from '../../scripts/toolchains.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const runs = Number(option('--runs', '5'))
const goroot = option('--goroot', newestGoroot())

function newestGoroot() {
  const newest = installedGoMinors().at(-1)
  if (newest === undefined) throw new Error('no Go toolchain installed (scripts/setup.sh): pass --goroot')
  return gorootOf(newest)
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const mb = bytes => `${(bytes / 2 ** 20).toFixed(0)} MB`
const s = ms => `${(ms / 1000).toFixed(2)} s`

/** Runs a command under /usr/bin/time: wall time (measured here), CPU time and peak RSS of the process tree. */
function timed(command, argv, options = {}) {
  const start = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...argv], {encoding: 'utf8', maxBuffer: 1 << 30, ...options})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed: ${result.stderr}`)
  const [user, sys, rssKB] = result.stderr.trim().split('\n').pop().split(' ').map(Number)
  return {ms, cpu: (user + sys) * 1000, rss: rssKB * 1024, stdout: result.stdout}
}

function ours(profile, extra = []) {
  const run = timed(process.execPath, [path.join(here, 'engine.mjs'), profile, ...extra])
  return {...run, total: JSON.parse(run.stdout).total}
}

function go(profile, moduleDir) {
  const run = timed(path.join(goroot, 'bin', 'go'), ['tool', 'cover', `-func=${profile}`], {
    cwd: moduleDir,
    env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot}
  })
  return {...run, total: /total:\s+\(statements\)\s+(\d+\.\d)%/.exec(run.stdout)?.[1]}
}

function measure(label, profile, moduleDir) {
  const a = []
  const b = []
  const c = []
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both sides see the same machine load.
    a.push(ours(profile))
    b.push(ours(profile, ['--statements-only']))
    c.push(go(profile, moduleDir))
  }
  const row = {
    label,
    size: statSync(profile).size,
    ours: median(a.map(r => r.ms)),
    oursStatements: median(b.map(r => r.ms)),
    go: median(c.map(r => r.ms)),
    oursCpu: median(a.map(r => r.cpu)),
    goCpu: median(c.map(r => r.cpu)),
    oursRss: Math.max(...a.map(r => r.rss)),
    goRss: Math.max(...c.map(r => r.rss)),
    same: a.every(r => r.total === c[0].total) && c.every(r => r.total === c[0].total),
    total: c[0].total
  }
  console.log(
    `${label.padEnd(28)} ${mb(row.size).padStart(7)}  ours ${s(row.ours)} (statements only ${s(row.oursStatements)})  go ${s(row.go)}  ` +
      `go/ours ${(row.go / row.ours).toFixed(2)}x (CPU ${(row.goCpu / row.oursCpu).toFixed(2)}x)  ` +
      `peak RSS ours ${mb(row.oursRss)} = ${(row.oursRss / row.size).toFixed(2)}x the profile (${((row.oursRss - idleRss) / row.size).toFixed(2)}x above idle node), go ${mb(row.goRss)}  ` +
      `total ${row.total}% ${row.same ? 'same' : 'DIFFERENT'}`
  )
  return row
}

async function splitters(file) {
  const count = async read => {
    let n = 0
    await read(() => n++)
    return n
  }
  const variants = {
    'bytes in place (forEachLineBytes, what readProfile does)': () => count(on => forEachLineBytes(file, on)),
    'a string per line (forEachLine)': () => count(on => forEachLine(file, on)),
    'node:readline': () =>
      count(async on => {
        for await (const line of readline.createInterface({input: createReadStream(file), crlfDelay: Infinity})) on(line)
      })
  }
  const times = Object.fromEntries(Object.keys(variants).map(name => [name, []]))
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const start = process.hrtime.bigint()
      await run()
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6)
    }
  }
  const readlineMs = median(times['node:readline'])
  console.log(`line splitting, ${path.basename(file)} (medians):`)
  for (const [name, list] of Object.entries(times)) console.log(`  ${name}: ${s(median(list))} (${(readlineMs / median(list)).toFixed(2)}x faster than readline)`)
}

if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (Debian package time) for CPU time and peak memory')
const version = spawnSync(path.join(goroot, 'bin', 'go'), ['env', 'GOVERSION'], {encoding: 'utf8', env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot}}).stdout.trim()
console.log(`go-matrix coverage engine vs ${version} tool cover -func; node ${process.version}; ${runs} runs each, medians`)
const inputs = await setup(goroot)
const idleRss = timed(process.execPath, ['-e', '0']).rss
console.log(`(an idle node process peaks at ${mb(idleRss)} RSS)`)
for (const input of inputs.sized) measure(`(a) ${input.lines.toLocaleString('en')} block lines`, input.path, inputs.moduleDir)
measure('(b) 5,000 blocks x 200', inputs.repeated, inputs.moduleDir)
// Fixed costs (process start, module loading) and the machine's load hide growth in the ratios
// of whole-process times, so growth is measured in this process: the engine's work alone, per
// line, for each size (constant = linear).
console.log('growth, in process (read + statements + lines), median time per line:')
for (const input of inputs.sized) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    const profile = await readProfile(input.path)
    summarizeStatements(profile)
    summarizeLines(lineCoverage(profile))
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const ms = median(times)
  console.log(`  ${input.lines.toLocaleString('en').padStart(9)} lines: ${s(ms)}, ${((ms * 1e6) / input.lines).toFixed(0)} ns per line`)
}
await splitters(inputs.sized[inputs.sized.length - 1].path)
