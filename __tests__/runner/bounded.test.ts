import {describe, expect, it} from '@jest/globals'
import {HeadTail, KeptOutput, LineSplitter, formatBytes} from '../../src/runner/bounded.js'

function split(chunks: (string | Buffer)[], maxLineBytes?: number): [string, number][] {
  const lines: [string, number][] = []
  const splitter = new LineSplitter((line, cut) => lines.push([line, cut]), maxLineBytes)
  for (const c of chunks) splitter.push(typeof c === 'string' ? Buffer.from(c) : c)
  splitter.end()
  return lines
}

describe('LineSplitter', () => {
  it('gives whole lines across chunks, and the last line without a newline', () => {
    expect(split(['ab', 'c\nd', 'e\n\nf'])).toEqual([
      ['abc', 0],
      ['de', 0],
      ['', 0],
      ['f', 0]
    ])
  })

  it('decodes a UTF-8 character split between chunks whole', () => {
    const bytes = Buffer.from('é€\n')
    expect(split([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual([['é€', 0]])
  })

  it('cuts a line longer than the limit and counts what it dropped', () => {
    expect(split(['abcdef', 'gh\nij\n'], 4)).toEqual([
      ['abcd', 4],
      ['ij', 0]
    ])
  })
})

describe('HeadTail', () => {
  it('keeps the first and the last lines within their limits and counts the rest', () => {
    const text = new HeadTail({headChars: 8, tailChars: 8})
    for (const line of ['a1', 'a2', 'b1', 'b2', 'b3', 'c1', 'c2']) text.add(line)
    expect(text.kept()).toEqual({head: ['a1', 'a2'], tail: ['c1', 'c2']})
    expect(text.text(n => `… ${n} left out`)).toBe('a1\na2\n… 3 left out\nc1\nc2')
    expect(text.lines).toBe(7)
    expect(text.truncated).toBe(true)
  })

  it('keeps everything when it fits, with no gap line', () => {
    const text = new HeadTail({headChars: 100, tailChars: 100})
    text.add('one')
    text.add('')
    text.add('two')
    expect(text.text(() => 'gap')).toBe('one\n\ntwo')
    expect(text.truncated).toBe(false)
  })

  it('keeps at most tailLines last lines, and the end of a line longer than the tail', () => {
    const lines = new HeadTail({headChars: 0, tailChars: 5, tailLines: 2})
    for (const line of ['1', '2', '3']) lines.add(line)
    expect(lines.kept().tail).toEqual(['2', '3'])
    lines.add('abcdefgh')
    expect(lines.kept().tail).toEqual(['efgh'])
  })

  it('holds a bounded amount whatever it is given', () => {
    const text = new HeadTail({headChars: 1000, tailChars: 1000})
    for (let i = 0; i < 200_000; i++) text.add(`line ${i}`)
    const {head, tail} = text.kept()
    expect(head.join('\n').length).toBeLessThanOrEqual(1000)
    expect(tail.join('\n').length).toBeLessThanOrEqual(1000)
    expect(tail.at(-1)).toBe('line 199999')
    expect(head.length + tail.length + text.droppedLines).toBe(200_000)
  })
})

describe('KeptOutput', () => {
  it('gives a short output back exactly, with or without its final newline', () => {
    for (const text of ['', 'one\n', 'one\ntwo', 'a\n\nb\n']) {
      const out = new KeptOutput(100)
      out.push(Buffer.from(text))
      expect(out.text()).toBe(text)
      expect(out.bytes).toBe(Buffer.byteLength(text))
    }
  })

  it('keeps the first and last lines of a long output, saying how many lines are left out', () => {
    const out = new KeptOutput(20)
    for (let i = 0; i < 100; i++) out.push(Buffer.from(`line ${i}\n`))
    expect(out.truncated).toBe(true)
    const lines = out.text().split('\n')
    expect(lines.slice(0, 2)).toEqual(['line 0', 'line 1'])
    expect(lines).toContain('… 96 lines left out')
    expect(lines.slice(-3)).toEqual(['line 98', 'line 99', ''])
  })
})

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 kB'],
    [1_100_000_000, '1.1 GB']
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})
