import {describe, expect, it} from '@jest/globals'
import {globToRegExp, isGlob} from '../../src/aggregate/glob.js'

describe('globToRegExp', () => {
  it.each([
    ['legs/*/report.json', 'legs/linux/report.json', true],
    ['legs/*/report.json', 'legs/a/b/report.json', false],
    ['legs/*/report.json', 'legs/report.json', false],
    ['legs/**/report.json', 'legs/report.json', true],
    ['legs/**/report.json', 'legs/a/b/report.json', true],
    ['legs/**', 'legs/a/b/report.json', true],
    ['legs/go-1.2?/report.json', 'legs/go-1.22/report.json', true],
    ['legs/go-1.2?/report.json', 'legs/go-1.2/report.json', false],
    ['legs/[ab]/report.json', 'legs/b/report.json', true],
    ['legs/[!ab]/report.json', 'legs/b/report.json', false],
    ['legs/[!ab]/report.json', 'legs/c/report.json', true],
    ['legs/*.json', 'legs/reportXjson', false],
    ['legs/(x)+/report.json', 'legs/(x)+/report.json', true],
    ['legs/a**b/report.json', 'legs/a-x-b/report.json', true],
    ['legs/a**b/report.json', 'legs/a/x/b/report.json', false]
  ])('%s on %s: %s', (pattern, file, matches) => {
    expect(globToRegExp(pattern).test(file)).toBe(matches)
  })

  it.each([
    ['legs/*/report.json', true],
    ['legs/[ab]', true],
    ['legs/a/report.json', false]
  ])('isGlob(%j) is %s', (entry, glob) => {
    expect(isGlob(entry)).toBe(glob)
  })
})
