/**
 * `go-version-file: go.mod` on a module whose go.mod has no `go` line (google/uuid's shape),
 * through dist/index.js run as a runner runs it. Go reads such a go.mod as `go 1.16`; go-matrix
 * follows Go and warns. The mirror has no Go 1.16 release, and a go line is a minimum that any
 * newer Go satisfies, so the oldest newer release stands in, saying so; the versions named in
 * go-versions run whatever the file says.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')

const MODULE = {
  'go.mod': 'module example.com/uuidlike\n',
  'uuid.go': 'package uuid\n\n// Version returns the version nibble of a UUID.\nfunc Version(b [16]byte) int { return int(b[6] >> 4) }\n',
  'uuid_test.go':
    'package uuid\n\nimport "testing"\n\nfunc TestVersion(t *testing.T) {\n\tif got := Version([16]byte{6: 0x40}); got != 4 {\n\t\tt.Fatalf("got %d", got)\n\t}\n}\n'
}

describe('dist/index.js with go-version-file: a go.mod without a go line', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs

  beforeAll(async () => {
    // Lists every installed release (none of them is a 1.16); the toolchains are the local ones, so
    // no archive is served (packing 1.19's would cost a fresh machine seconds for nothing).
    mirror = await startGoMirror({versions: []})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-version-file-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: path.join(root, 'workspace')}
    await mkdir(path.join(dirs.workspace, 'uuidlike'), {recursive: true})
    for (const [name, text] of Object.entries(MODULE)) await writeFile(path.join(dirs.workspace, 'uuidlike', name), text)
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  it('tests what Go reads it as, with the named versions, and says how the version was chosen', async () => {
    const run = await runAction(bundle, dirs, {
      'go-versions': '1.22',
      'go-version-file': 'uuidlike/go.mod',
      'working-directory': 'uuidlike',
      'download-base-url': mirror.baseUrl,
      'local-toolchains': [gorootOf('1.19'), gorootOf('1.22')].join('\n'),
      'report-directory': path.join(dirs.root, 'report')
    })
    expect({code: run.code, stderr: run.stderr}).toEqual({code: 0, stderr: ''})
    expect(JSON.parse(run.outputs.versions as string)).toEqual(['1.22.12', '1.19.8'])
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(report.versions.map((v: {spec: string; version: string; status: string}) => [v.spec, v.version, v.status])).toEqual([
      ['1.22', '1.22.12', 'passed'],
      ['>=1.16', '1.19.8', 'passed']
    ])

    const goMod = path.join(dirs.workspace, 'uuidlike/go.mod')
    const assumed = `go-version-file: ${goMod} has no "go" line; Go reads a go.mod without one as "go 1.16", so Go 1.16 is tested`
    const standIn = `go-version-file: ${goMod}: no Go 1.16 release is available; the module's minimum is go 1.16, which every newer Go satisfies, so Go 1.19.8, the oldest release that does, is tested in its place`
    const warnings = run.stdout.split('\n').filter(l => l.startsWith('::warning::'))
    expect(warnings.some(w => w.includes(assumed))).toBe(true)
    expect(warnings.some(w => w.includes(standIn))).toBe(true)
    // The summary says it too, where the row reads "1.19.8 (>=1.16)".
    expect(report.notes.join(' ')).toContain(assumed)
    expect(report.notes.join(' ')).toContain(standIn)
    expect(run.summary).toContain('| **1.19.8** (&gt;=1.16) |')
  })
})
