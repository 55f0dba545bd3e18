import {describe, expect, it} from '@jest/globals'
import {fit, type Section} from '../../src/report/fit.js'
import {byteLength} from '../../src/report/markdown.js'

function list(name: string, count: number, itemBytes: number): Section {
  return {
    head: `### ${name}\n\n`,
    items: Array.from({length: count}, (_v, i) => `- ${name} ${i} ${'x'.repeat(itemBytes)}`),
    separator: '\n',
    leftOut: n => `… ${n} more ${name} left out`
  }
}

describe('fit', () => {
  it('keeps everything at full detail when it fits', () => {
    const result = fit(() => [list('a', 3, 10)], 2, 10_000)
    expect(result.detail).toBe(0)
    expect(result.leftOut).toEqual([])
    expect(result.text).toBe('### a\n\n- a 0 xxxxxxxxxx\n- a 1 xxxxxxxxxx\n- a 2 xxxxxxxxxx\n')
  })

  it('lowers the detail before it leaves anything out', () => {
    const build = (detail: number): Section[] => [list('a', 10, detail === 0 ? 500 : 5)]
    const result = fit(build, 2, 1000)
    expect(result.detail).toBe(1)
    expect(result.leftOut).toEqual([])
  })

  it('takes from the longest section first and says how many it left out', () => {
    const result = fit(() => [list('short', 5, 10), list('long', 200, 100)], 1, 6000)
    expect(byteLength(result.text)).toBeLessThanOrEqual(6000)
    expect(result.text).toContain('- short 4')
    expect(result.leftOut).toHaveLength(1)
    const left = result.leftOut[0]?.items ?? 0
    expect(result.text).toContain(`… ${left} more long left out`)
    expect(result.text).toContain(`- long ${199 - left} `)
    expect(result.text).not.toContain(`- long ${200 - left} `)
  })

  it('never leaves out the items a section keeps, taking from the others instead', () => {
    // The longest section would give way first; its first 25 items explain a failed gate.
    const explained = {...list('explains', 30, 100), keep: 25}
    const result = fit(() => [explained, list('other', 10, 100)], 1, 3300)
    expect(byteLength(result.text)).toBeLessThanOrEqual(3300)
    for (let i = 0; i < 25; i++) expect(result.text).toContain(`- explains ${i} `)
    expect(result.text).not.toContain('- explains 29 ')
    expect(result.text).toMatch(/… \d+ more explains left out/)
    expect(result.text).toMatch(/… \d+ more other left out/)
  })

  it('trims two sections of one size evenly', () => {
    const result = fit(() => [list('a', 300, 100), list('b', 300, 100)], 1, 20_000)
    const [a, b] = result.leftOut
    expect(Math.abs((a?.items ?? 0) - (b?.items ?? 0))).toBeLessThanOrEqual(3)
  })

  it.each([100, 500, 1000, 4096, 65_536])('never goes over a limit of %i bytes, even with a head that does not fit', limit => {
    const huge: Section = {head: 'é'.repeat(40_000) + '\n' + '🙂'.repeat(10_000), items: [], separator: ''}
    const result = fit(() => [list('a', 100, 200), huge, list('b', 1000, 3)], 1, limit)
    expect(byteLength(result.text)).toBeLessThanOrEqual(limit)
    expect(result.text).not.toContain('\ufffd')
    if (limit > 200) expect(result.text).toContain('left out to stay within GitHub’s size limit')
  })

  it('keeps a section’s tail after its note', () => {
    const section: Section = {...list('a', 100, 50), head: '<details><summary>a</summary>\n\n', tail: '\n\n</details>'}
    const result = fit(() => [section], 1, 1000)
    expect(result.text.endsWith('left out\n\n</details>\n')).toBe(true)
  })
})
