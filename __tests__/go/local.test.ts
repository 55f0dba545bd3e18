import {afterEach, describe, expect, it} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {goVersionAt, parseGoVersionOutput} from '../../src/go/local.js'

const saved = {GOROOT: process.env.GOROOT, GOTOOLCHAIN: process.env.GOTOOLCHAIN}

describe('goVersionAt', () => {
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('asks the GOROOT itself, whatever GOROOT and GOTOOLCHAIN the machine has set', async () => {
    process.env.GOROOT = '/nonexistent'
    process.env.GOTOOLCHAIN = 'go1.99.0'
    const expected = readFileSync('/usr/lib/go-1.22/VERSION', 'utf8').split('\n')[0]?.replace(/^go/, '')
    expect(await goVersionAt('/usr/lib/go-1.22')).toBe(expected)
  })

  it.each([
    ['go version go1.22.12 linux/amd64\n', '1.22.12'],
    ['go version go1.24rc1 darwin/arm64', '1.24rc1'],
    ['go version go1.20 linux/amd64', '1.20'],
    ['go: cannot find GOROOT directory', undefined]
  ])('parses %p', (text, version) => {
    expect(parseGoVersionOutput(text)).toBe(version)
  })
})
