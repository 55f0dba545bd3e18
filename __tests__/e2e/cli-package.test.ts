/**
 * The command line the two ways a user gets it: as an installed package (`npm pack`, whose
 * prepack builds dist/ and lib/, then `npm install <tgz>` in another project and `npx go-matrix`)
 * and from the repository (`node dist/cli.js`). Both run a copy of examples/hello with the Go
 * toolchains on the machine and must print the report that report.json holds and exit 0.
 *
 * The package is packed from a copy of the working tree (its node_modules linked), so the test
 * never rebuilds the repository's own dist/ or lib/ while other tests read them.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {SHARED_GO_CACHES} from '../helpers/go-caches.js'

const repo = path.resolve(import.meta.dirname, '../..')
const GO = '1.27'
const GOROOT = gorootOf(GO)
/** What `npm pack` needs to run prepack (npm run build) outside the repository. */
const PACK_INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'action.yml', 'README.md', 'scripts', 'src']

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({code, stdout, stderr}))
  })
}

/** Fails with everything the command printed, so a broken step explains itself. */
function expectExit(ran: Ran, code: number, what: string): void {
  if (ran.code !== code) throw new Error(`${what} exited ${ran.code}, expected ${code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`)
}

interface ReportVersion {
  version: string
  status: string
  tests: {passed: number; failed: number; skipped: number}
  coverage: {statements: {percent: number}} | null
}

/** The printed table row of each version must say what report.json says. */
async function expectReportPrinted(ran: Ran, reportDir: string): Promise<ReportVersion[]> {
  const report = JSON.parse(await readFile(path.join(reportDir, 'report.json'), 'utf8')) as {versions: ReportVersion[]}
  const lines = ran.stdout.split('\n')
  // Verdict first: the report opens with the sentence, then the table.
  expect(lines[0]).toMatch(/passed/)
  expect(lines[2]).toMatch(/^go\s+status\s+tests/)
  expect(report.versions.length).toBeGreaterThan(0)
  for (const v of report.versions) {
    const {passed, failed, skipped} = v.tests
    const row = lines.find(l => l.startsWith(`${v.version} `))
    expect(row).toBeDefined()
    expect(row?.split(/\s{2,}/).slice(0, 4)).toEqual([
      v.version,
      v.status,
      `${passed}/${failed}/${skipped}`,
      `${v.coverage?.statements.percent.toFixed(1)}%`
    ])
  }
  expect(ran.stdout).toContain(`report: ${path.join(reportDir, 'report.json')}`)
  // No colours off a terminal.
  expect(ran.stdout).not.toContain('\x1b[')
  return report.versions
}

describe('go-matrix as an installed package and from the repository', () => {
  let root: string
  let tarball: string
  let consumer: string
  let env: NodeJS.ProcessEnv
  /**
   * The modules and report directories live at fixed paths, written afresh by each run; Go's
   * build caches are the tests' shared ones (GO_MATRIX_CACHE_DIR), so the standard library is not
   * compiled with coverage again here.
   */
  const reused = path.join(os.tmpdir(), 'go-matrix-e2e-cli-package')

  const runArgs = (name: string): string[] => [
    'run',
    '--go-versions',
    GO,
    '--local-toolchains',
    GOROOT,
    '--working-directory',
    path.join(reused, `${name}-module`),
    '--report-directory',
    path.join(reused, `${name}-report`),
    '--no-cache'
  ]

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-cli-'))
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      // npm finds its cache (and so installs offline) under HOME.
      HOME: process.env.HOME ?? root,
      // Where npm's cache and settings are, and proxies, for the install that falls back to the
      // registry; not the prefixes that `npm test` exports, which point at this repository.
      ...Object.fromEntries(
        Object.entries(process.env).filter(([k]) =>
          /^(npm_config_(cache|userconfig|globalconfig|registry)|https?_proxy|no_proxy)$/i.test(k)
        )
      ),
      RUNNER_TEMP: path.join(root, 'temp'),
      RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
      GO_MATRIX_CACHE_DIR: SHARED_GO_CACHES
    }
    const source = path.join(root, 'source')
    for (const entry of PACK_INPUTS) await cp(path.join(repo, entry), path.join(source, entry), {recursive: true})
    await symlink(path.join(repo, 'node_modules'), path.join(source, 'node_modules'), 'dir')
    const packDir = path.join(root, 'pack')
    await mkdir(packDir)
    expectExit(await run('npm', ['pack', '--pack-destination', packDir], source, env), 0, 'npm pack')
    const [name] = (await readdir(packDir)).filter(f => f.endsWith('.tgz'))
    if (!name) throw new Error(`npm pack wrote no tarball to ${packDir}`)
    tarball = path.join(packDir, name)
    for (const name of ['npx', 'repo']) {
      await rm(path.join(reused, `${name}-module`), {recursive: true, force: true})
      await rm(path.join(reused, `${name}-report`), {recursive: true, force: true})
      await cp(path.join(repo, 'examples/hello'), path.join(reused, `${name}-module`), {recursive: true})
    }
  }, 240_000)

  afterAll(async () => {
    if (root) await rm(root, {recursive: true, force: true})
  })

  it('packs the bundled command (executable, with a shebang), the library and action.yml, and no sources', async () => {
    const entries = new Map<string, number>()
    await tar.t({file: tarball, onReadEntry: entry => void entries.set(entry.path, entry.mode ?? 0)})
    expect(entries.get('package/dist/cli.js')! & 0o111).toBe(0o111)
    for (const file of ['package/dist/index.js', 'package/lib/index.js', 'package/lib/index.d.ts', 'package/action.yml', 'package/README.md']) {
      expect(entries.has(file)).toBe(true)
    }
    expect([...entries.keys()].filter(f => /^package\/(src|__tests__|scripts|node_modules)\//.test(f))).toEqual([])
    const cli = await extractOne(tarball, 'package/dist/cli.js', root)
    expect(cli.split('\n')[0]).toBe('#!/usr/bin/env node')
  })

  it('installs from the tarball without the registry when npm has the dependencies cached, else from it', async () => {
    consumer = path.join(root, 'consumer')
    await mkdir(consumer)
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({name: 'consumer', version: '1.0.0', private: true}))
    const flags = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--omit=dev', '--ignore-scripts']
    let installed = await run('npm', [...flags, '--offline', tarball], consumer, env)
    // A machine whose npm cache lacks the library's dependencies needs the registry once.
    if (installed.code !== 0) installed = await run('npm', [...flags, tarball], consumer, env)
    expectExit(installed, 0, 'npm install <tarball>')
    expect(existsSync(path.join(consumer, 'node_modules/.bin/go-matrix'))).toBe(true)
  }, 180_000)

  it('the installed library exports the toolchains API under `go-matrix toolchains`', async () => {
    const script = [
      "import {buildManifest, formatManifest, parseManifest, listToolchains, checkToolchain, pruneToolCache, AuditLog} from 'go-matrix'",
      "const entries = [{path: 'bin', type: 'dir', mode: '0755'}, {path: 'bin/go', type: 'file', mode: '0755', size: 2, sha256: 'a'.repeat(64)}]",
      "const manifest = buildManifest({version: '1.27.4', os: 'linux', arch: 'amd64', source: {url: 'u', archive: 'a', sha256: 'b'.repeat(64)}, installedAt: new Date(0), installer: 'consumer', entries})",
      "const again = parseManifest(formatManifest(manifest), 'm.json')",
      "console.log(JSON.stringify({digest: again.tree.digest === manifest.tree.digest, listed: await listToolchains(process.argv[1]), functions: [checkToolchain, pruneToolCache, AuditLog].map(f => typeof f)}))"
    ].join('\n')
    const ran = await run(process.execPath, ['--input-type=module', '-e', script, path.join(root, 'no-tool-cache')], consumer, env)
    expectExit(ran, 0, 'node -e "import … from \'go-matrix\'"')
    expect(JSON.parse(ran.stdout)).toEqual({digest: true, listed: [], functions: ['function', 'function', 'function']})
  })

  it('npx go-matrix: --help, bad usage exits 2, and run prints the report and exits 0', async () => {
    const help = await run('npx', ['--no', 'go-matrix', 'run', '--help'], consumer, env)
    expectExit(help, 0, 'npx go-matrix run --help')
    expect(help.stdout).toContain('--go-versions VALUE')
    expect(help.stdout).toContain('--verbose')

    const bad = await run('npx', ['--no', 'go-matrix', 'run', '--max-version-delta', 'two', '--go-versions', GO], consumer, env)
    expectExit(bad, 2, 'npx go-matrix run --max-version-delta two')
    expect(bad.stderr).toContain('--max-version-delta: "two" is not a number')

    const ran = await run('npx', ['--no', 'go-matrix', ...runArgs('npx')], consumer, env)
    expectExit(ran, 0, 'npx go-matrix run')
    const versions = await expectReportPrinted(ran, path.join(reused, 'npx-report'))
    // Progress on stderr: installing, installed, then one line per version as it starts and finishes.
    expect(ran.stderr).toMatch(new RegExp(`^installing Go ${GO.replace('.', '\\.')}$`, 'm'))
    expect(ran.stderr).toMatch(/^installed 1 version in [\d.]+ s; running 1 at a time$/m)
    for (const v of versions) {
      expect(ran.stderr).toContain(`Go ${v.version}: started (1 of 1)`)
      expect(ran.stderr).toMatch(new RegExp(`^Go ${v.version.replace(/\./g, '\\.')}: ${v.status}, ${v.tests.passed} passed`, 'm'))
      // --no-cache: no carried cache, so no line about one (with it, `Go 1.27.4: build cache folder held …`).
      expect(ran.stderr).not.toContain(`Go ${v.version}: build cache`)
    }
    // Without --verbose the versions' go test output stays out of the terminal.
    expect(ran.stderr).not.toContain('=== RUN')
  }, 240_000)

  it('node dist/cli.js from the repository prints the report and exits 0; --verbose and --log-file show go test’s whole output', async () => {
    const logFile = path.join(root, 'go-matrix.log')
    const ran = await run(process.execPath, [path.join(repo, 'dist/cli.js'), ...runArgs('repo'), '--verbose', '--log-file', logFile], root, env)
    expectExit(ran, 0, 'node dist/cli.js run')
    await expectReportPrinted(ran, path.join(reused, 'repo-report'))
    expect(ran.stderr).toContain('=== RUN')
    expect(await readFile(logFile, 'utf8')).toContain('=== RUN')
  }, 240_000)
})

async function extractOne(tarball: string, entry: string, scratch: string): Promise<string> {
  const dir = path.join(scratch, 'extracted')
  await mkdir(dir, {recursive: true})
  await tar.x({file: tarball, cwd: dir, filter: p => p === entry})
  return readFile(path.join(dir, entry), 'utf8')
}
