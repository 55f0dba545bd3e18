#!/usr/bin/env node
/**
 * The README's test command (`npm test`, after `npm run pretest`'s toolchain setup): jest, with the
 * tests' scratch (os.tmpdir(): tool caches, installed toolchains, Go's build caches, work folders,
 * the mirror's archives) on a RAM file system when the machine has one with room to spare.
 *
 * Why: the suite creates files by the hundred thousand (a toolchain is 12,000-17,000 files, and
 * the installer tests install, damage and recover dozens), and on the 2-core machines
 * contributors use, creating a file on the disk's ext4 costs about 230 microseconds of kernel time
 * against 6 on tmpfs (12,500 empty files: 2.85 s against 0.07 s). bench/README.md ("the test
 * suite") has the figures.
 *
 *   node scripts/test.mjs [jest arguments…]
 *
 * And Go's compiler, which spends most of the suite's CPU compiling each version's standard library
 * once (cold caches on a fresh machine), runs with GOGC=400 under a GOMEMLIMIT of 1 GiB per process:
 * it collects garbage a quarter as often, and a cold `go test -cover` of a fixture takes about a
 * fifth less CPU (26-28 s against 21-22 s for Go 1.27). Both are variables go-matrix passes through
 * to go (runner/env.ts), so the tests run go as a user who set them would; a GOGC or GOMEMLIMIT
 * already set is kept.
 *
 * GO_MATRIX_TEST_TMPDIR=DIR picks the scratch folder instead; GO_MATRIX_TEST_TMPDIR= (empty) keeps
 * the usual one. Jest's arguments pass through, and its exit status is this script's.
 */
import {spawn} from 'node:child_process'
import {chmodSync, mkdirSync, statfsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** statfs's f_type of tmpfs (linux/magic.h). */
const TMPFS_MAGIC = 0x01021994
/** What the suite may hold at once (toolchains of several test files, caches, archives), with room. */
const NEEDED_BYTES = 8 * 2 ** 30

/** The RAM file system to use, or undefined: /dev/shm when it is a tmpfs with NEEDED_BYTES free. */
function ramScratch() {
  if (process.platform !== 'linux') return undefined
  try {
    const fs = statfsSync('/dev/shm')
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < NEEDED_BYTES) return undefined
  } catch {
    return undefined
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user'
  return path.join('/dev/shm', `go-matrix-tests-${uid}`)
}

const chosen = process.env.GO_MATRIX_TEST_TMPDIR ?? ramScratch()
const env = {...process.env}
if (chosen) {
  mkdirSync(chosen, {recursive: true})
  // As /tmp is: tests run some commands as another user (the archive tests' umask 077 user), and
  // the sticky bit keeps each user's files their own.
  if (process.env.GO_MATRIX_TEST_TMPDIR === undefined) chmodSync(chosen, 0o1777)
  env.TMPDIR = chosen
  console.error(`tests: scratch in ${chosen}${process.env.GO_MATRIX_TEST_TMPDIR === undefined ? ' (tmpfs; GO_MATRIX_TEST_TMPDIR= keeps the usual one)' : ''}`)
} else {
  console.error(`tests: scratch in ${os.tmpdir()}`)
}

env.GOGC ??= '400'
env.GOMEMLIMIT ??= '1GiB'

const jest = spawn(process.execPath, ['--experimental-vm-modules', path.join(repo, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2)], {
  cwd: repo,
  env,
  stdio: 'inherit'
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => jest.kill(signal))
jest.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
