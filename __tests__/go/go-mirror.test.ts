/** The test mirror itself, as the lead's end-to-end tests and the benchmark start it: its own process. */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {spawn, type ChildProcess} from 'node:child_process'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {getText} from '../../src/transport/http.js'
import {availableVersions, parseIndex} from '../../src/go/releases.js'
import {currentPlatform} from '../../src/go/platform.js'
import {resolveVersions} from '../../src/go/versions.js'
import {gorootOf, installedGoMinors, versionAt} from '../../scripts/toolchains.mjs'

const server = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', 'helpers', 'go-mirror-server.mjs')
let child: ChildProcess
let baseUrl: string

beforeAll(async () => {
  child = spawn(process.execPath, [server, '--port', '0', '--versions', '1.22'], {stdio: ['ignore', 'pipe', 'inherit']})
  baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', code => reject(new Error(`go-mirror-server exited with ${code}`)))
    createInterface({input: child.stdout!}).once('line', resolve)
  })
}, 300_000)

afterAll(() => {
  child?.kill('SIGTERM')
})

describe('go-mirror-server.mjs --port 0 --versions 1.22', () => {
  it('prints its base URL and serves go.dev\'s index and the archive with its real sha256', async () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dl$/)
    const releases = parseIndex(await getText(`${baseUrl}/?mode=json&include=all`, 'index'), baseUrl)
    const real = releases.find(r => r.stable && r.version.startsWith('go1.22.'))
    const file = real?.files.find(f => f.os === 'linux' && f.arch === 'amd64' && f.kind === 'archive')
    expect(file?.filename).toMatch(/^go1\.22\.\d+\.linux-amd64\.tar\.gz$/)
    expect(new Set(real?.files.map(f => f.kind))).toEqual(new Set(['archive', 'installer', 'source']))
    // go.dev lists newest first; the release candidate above the real ones keeps `stable` on a real release
    const newest = installedGoMinors().at(-1) as string
    expect(releases[0]).toMatchObject({version: `go1.${Number(newest.split('.')[1]) + 1}rc1`, stable: false})

    const response = await fetch(`${baseUrl}/${file?.filename}`)
    expect(response.status).toBe(200)
    const hash = createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')
    expect(hash).toBe(file?.sha256)
  })

  it('lists every installed toolchain, so stable and oldstable resolve to Go 1.27 and 1.26 as on go.dev today', async () => {
    const releases = parseIndex(await getText(`${baseUrl}/?mode=json&include=all`, 'index'), baseUrl)
    const resolved = resolveVersions(['oldstable', 'stable'], availableVersions(releases, currentPlatform()))
    expect(resolved.map(r => r.version)).toEqual([versionAt(gorootOf('1.26')), versionAt(gorootOf('1.27'))])
    expect(resolved.map(r => r.version)).toEqual(['1.26.11', '1.27.4'])
    // Listed, not packed: its archive is a 404, never a wrong file.
    const response = await fetch(`${baseUrl}/go1.27.4.linux-amd64.tar.gz`)
    expect(response.status).toBe(404)
  })

  it('answers 404 for a listed release whose archive it does not serve', async () => {
    const response = await fetch(`${baseUrl}/go1.22.0.linux-amd64.tar.gz`)
    expect(response.status).toBe(404)
  })
})
