/**
 * Builds the benchmark inputs, cached under os.tmpdir() and keyed by a hash of this file and the
 * fixture they come from (a stale cache is never used):
 *   a Go module of FILES files, each holding COPIES copies of the fixture package calc (its
 *   functions turned into methods of a per-copy type, so copies differ only in a fixed-width
 *   number and every copy's blocks sit at the same columns), so `go tool cover -func` has real
 *   sources to read; and profiles built from the REAL profile Go writes for one copy, shifted to
 *   each copy's lines and file (file names varied):
 *     lines-<N>.out  the first N block lines (N = 100k .. 1M)
 *     repeated.out   1,000,000 lines: 5,000 blocks each repeated 200 times, as `-coverpkg=./...`
 *                    over 200 test binaries writes them (counts differ per binary).
 */
import {createHash} from 'node:crypto'
import {execFileSync} from 'node:child_process'
import {createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')
const fixture = path.join(root, '__tests__', 'fixtures', 'cover', 'modules', 'basic', 'calc', 'calc.go')

export const PACKAGES = 20
export const FILES_PER_PACKAGE = 50
export const SIZES = [100_000, 250_000, 500_000, 1_000_000]
const MODULE = 'example.com/bench'

function pad(n) {
  return String(n).padStart(4, '0')
}

/** calc.go's declarations as methods of T<k>, with Counter renamed C<k>. */
function copyOf(k, body) {
  return body.replaceAll('T0000', `T${pad(k)}`).replaceAll('C0000', `C${pad(k)}`)
}

function templateBody() {
  const source = readFileSync(fixture, 'utf8')
  const body = source
    .slice(source.indexOf('// Add returns'))
    .replaceAll('Counter', 'C0000')
    .replace(/^func ([A-Z]\w*)\(/gm, 'func (T0000) $1(')
  return `// T0000 carries one copy of calc's functions.\ntype T0000 struct{}\n\n${body.trimEnd()}\n\n`
}

const HEADER = pkg => `package ${pkg}\n\nimport "errors"\n\n// ErrDivide is returned for a zero divisor.\nvar ErrDivide = errors.New("divide by zero")\n\n`

const TEST = `package p00

import "testing"

func TestCopy(t *testing.T) {
	var x T0000
	if x.Add(2, 3) != 5 || x.Sum(1, 2) != 3 || x.Classify(-1) != "negative" || x.Classify(3) != "small" {
		t.Fatal("calc")
	}
	if _, err := x.Divide(1, 0); err != ErrDivide {
		t.Fatal("Divide")
	}
	var c C0000
	c.Inc()
	c.Inc()
}
`

/** Runs Go once on a module holding a single copy, to get that copy's real blocks. */
function realBlocks(goroot, dir) {
  const module = path.join(dir, 'template')
  mkdirSync(path.join(module, 'p00'), {recursive: true})
  writeFileSync(path.join(module, 'go.mod'), `module ${MODULE}\n\ngo 1.19\n`)
  writeFileSync(path.join(module, 'p00', 'f0000.go'), HEADER('p00') + templateBody())
  writeFileSync(path.join(module, 'p00', 'f0000_test.go'), TEST)
  const out = path.join(dir, 'template.out')
  execFileSync(path.join(goroot, 'bin', 'go'), ['test', '-count=1', '-covermode=count', `-coverprofile=${out}`, './...'], {
    cwd: module,
    env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot},
    stdio: 'ignore'
  })
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map(line => {
      const m = /^.*:(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/.exec(line)
      return {startLine: +m[1], startCol: +m[2], endLine: +m[3], endCol: +m[4], numStmt: +m[5], count: +m[6]}
    })
}

async function writeLines(file, produce) {
  const out = createWriteStream(file)
  let buffer = ''
  for (const line of produce()) {
    buffer += line + '\n'
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise(resolve => out.once('drain', resolve))
      buffer = ''
    }
  }
  out.write(buffer)
  await new Promise(resolve => out.end(resolve))
}

/** Creates (or reuses) the inputs; returns their paths. */
export async function setup(goroot) {
  const key = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(fixture)).update(goroot).digest('hex').slice(0, 12)
  const dir = path.join(os.tmpdir(), `go-matrix-bench-coverage-${key}`)
  const moduleDir = path.join(dir, 'module')
  const done = path.join(dir, 'done')
  const result = {dir, moduleDir, sized: SIZES.map(n => ({lines: n, path: path.join(dir, `lines-${n}.out`)})), repeated: path.join(dir, 'repeated.out')}
  if (existsSync(done)) return result
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})

  const blocks = realBlocks(goroot, dir)
  const body = templateBody()
  const headerLines = HEADER('p00').split('\n').length - 1
  const bodyLines = body.split('\n').length - 1
  const copies = Math.ceil(SIZES[SIZES.length - 1] / (PACKAGES * FILES_PER_PACKAGE * blocks.length))
  // The template's blocks start after its header; copy k is bodyLines*k further down.
  const shifted = (k, b) => ({...b, startLine: b.startLine + k * bodyLines, endLine: b.endLine + k * bodyLines})

  mkdirSync(moduleDir, {recursive: true})
  writeFileSync(path.join(moduleDir, 'go.mod'), `module ${MODULE}\n\ngo 1.19\n`)
  const files = []
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = `p${String(p).padStart(2, '0')}`
    mkdirSync(path.join(moduleDir, pkg), {recursive: true})
    for (let f = 0; f < FILES_PER_PACKAGE; f++) {
      const name = `f${pad(f)}.go`
      let text = f === 0 ? HEADER(pkg) : `package ${pkg}\n\n${'// padding keeps every file\'s copies on the same lines\n'.repeat(headerLines - 2)}`
      for (let k = 0; k < copies; k++) text += copyOf(f * copies + k, body)
      writeFileSync(path.join(moduleDir, pkg, name), text)
      files.push({file: `${MODULE}/${pkg}/${name}`})
    }
  }
  function* blockLines(limit) {
    let n = 0
    for (const {file} of files) {
      for (let k = 0; k < copies; k++) {
        for (const b of blocks) {
          if (n++ >= limit) return
          const s = shifted(k, b)
          yield `${file}:${s.startLine}.${s.startCol},${s.endLine}.${s.endCol} ${s.numStmt} ${s.count}`
        }
      }
    }
  }
  for (const {lines, path: file} of result.sized) {
    await writeLines(file, function* () {
      yield 'mode: count'
      yield* blockLines(lines)
    })
  }
  const unique = [...blockLines(5000)]
  await writeLines(result.repeated, function* () {
    yield 'mode: count'
    for (let binary = 0; binary < 200; binary++) {
      // Each test binary runs a different part of the code: most counts are 0 in most binaries.
      for (let i = 0; i < unique.length; i++) {
        const line = unique[i]
        yield (i + binary) % 7 === 0 ? line : line.replace(/ \d+$/, ' 0')
      }
    }
  })
  writeFileSync(done, new Date().toISOString())
  return result
}
