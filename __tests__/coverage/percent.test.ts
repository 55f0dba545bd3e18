import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {addSummaries, formatOneDecimal, formatPercent, percentValue} from '../../src/coverage/percent.js'
import {runsWithGo} from './fixtures.js'

describe('formatPercent', () => {
  it.each([
    [49, 400, '12.2'], // exact binary 12.25: ties to even (toFixed says 12.3)
    [1, 16, '6.2'], // 6.25
    [5, 16, '31.2'], // 31.25
    [3, 16, '18.8'], // 18.75: tie, 8 is even
    [13, 16, '81.2'],
    [1, 3, '33.3'],
    [2, 3, '66.7'],
    [1, 1, '100.0'],
    [0, 7, '0.0'],
    [0, 0, '0.0'], // go tool cover -func prints 0.0 for no statements
    [1, 2000, '0.1'], // 0.05 is not exactly representable: the double is above it
    [1, 2001, '0.0']
  ])('%i of %i is %s', (covered, total, expected) => {
    expect(formatPercent(covered, total)).toBe(expected)
    expect(percentValue(covered, total)).toBe(Number(expected))
  })

  it('differs from toFixed(1) exactly on binary ties', () => {
    expect((31.25).toFixed(1)).toBe('31.3')
    expect(formatOneDecimal(31.25)).toBe('31.2')
  })

  it.each([
    [-0.04, '-0.0'],
    [-2.25, '-2.2'],
    [-2.35, '-2.4'],
    [1e21, '1000000000000000000000.0'],
    [0.05, '0.1'], // the double 0.05 is 0.05000000000000000277
    [0.15, '0.1'] // the double 0.15 is 0.1499999999999999944
  ])('formats %d like Go', (value, expected) => {
    expect(formatOneDecimal(value)).toBe(expected)
  })

  it('adds summaries by counts, not by averaging percentages', () => {
    expect(addSummaries([{covered: 1, total: 1, percent: 100}, {covered: 0, total: 3, percent: 0}])).toEqual({covered: 1, total: 4, percent: 25})
  })

  const go = runsWithGo()[0]
  ;(go ? it : it.skip)('agrees with Go\'s %.1f for every covered/total up to 400', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-percent-'))
    writeFileSync(
      path.join(dir, 'main.go'),
      `package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for t := 1; t <= 400; t++ {
		for c := 0; c <= t; c++ {
			fmt.Fprintf(w, "%d %d %.1f\\n", c, t, 100*float64(c)/float64(t))
		}
	}
}
`
    )
    const goroot = (go as {goroot: string}).goroot
    const out = execFileSync(path.join(goroot, 'bin', 'go'), ['run', 'main.go'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot, GO111MODULE: 'off'},
      maxBuffer: 1 << 26
    })
    const mismatches: string[] = []
    let checked = 0
    for (const line of out.trim().split('\n')) {
      const [c, t, expected] = line.split(' ')
      checked++
      const actual = formatPercent(Number(c), Number(t))
      if (actual !== expected) mismatches.push(`${c}/${t}: Go ${expected}, ours ${actual}`)
    }
    rmSync(dir, {recursive: true, force: true})
    expect(checked).toBe((400 * 403) / 2)
    expect(mismatches).toEqual([])
  })
})
