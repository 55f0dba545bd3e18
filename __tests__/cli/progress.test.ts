import {describe, expect, it} from '@jest/globals'
import {groupBlock, progressLine, progressLogger, wantsColor, type ProgressOptions} from '../../src/cli/progress.js'
import {ciRevision} from '../../src/cli/ci-env.js'
import {installedLine, installingLine} from '../../src/cli/run.js'

function sink(): {write(text: string): boolean; text: () => string} {
  let text = ''
  return {write: t => ((text += t), true), text: () => text}
}

const TITLE = 'Go 1.22.12: failed, 5 passed, 1 failed, 0 skipped, 3.2s'
const BODY = '── test: go test ./... (exit 1)\n--- FAIL: TestX\n'

function logged(options: Omit<ProgressOptions, 'logFile'>): {terminal: string; file: string} {
  const terminal = sink()
  const file = sink()
  const logger = progressLogger(terminal, {...options, logFile: file})
  logger.info('Go 1.22.12: started (1 of 2)')
  logger.group(TITLE, BODY)
  logger.warning('toolchain slow', {file: 'go.mod', line: 3})
  logger.error('boom')
  logger.debug('details')
  return {terminal: terminal.text(), file: file.text()}
}

describe('progressLogger', () => {
  it("prints one line per finished version, not its log, and keeps every line in the log file", () => {
    const {terminal, file} = logged({verbose: false, color: false})
    expect(terminal).toBe(
      ['Go 1.22.12: started (1 of 2)', TITLE, 'warning: go.mod:3: toolchain slow', 'error: boom', ''].join('\n')
    )
    expect(file).toBe(
      ['Go 1.22.12: started (1 of 2)', `── ${TITLE}`, BODY + 'warning: go.mod:3: toolchain slow', 'error: boom', 'details', ''].join('\n')
    )
  })

  it('prints the whole log after the line with --verbose', () => {
    const {terminal} = logged({verbose: true, color: false})
    expect(terminal).toContain(`── ${TITLE}\n${BODY}`)
    expect(terminal).toContain('details\n')
  })

  it('colours the status word and the warning/error prefixes on a terminal, and never in the file', () => {
    const {terminal, file} = logged({verbose: false, color: true})
    expect(terminal).toContain('Go 1.22.12: \x1b[31mfailed\x1b[0m, 5 passed')
    expect(terminal).toContain('\x1b[33mwarning:\x1b[0m go.mod:3')
    expect(terminal).toContain('\x1b[31merror:\x1b[0m boom')
    expect(file).not.toContain('\x1b[')
  })
})

describe('progressLine', () => {
  it.each([
    ['Go 1.23.5: passed, 6 passed, 0 failed, 0 skipped, 1.0s', '\x1b[32mpassed\x1b[0m'],
    ['Go 1.19.8: skipped (go.mod needs go 1.21), 0.0s', '\x1b[2mskipped\x1b[0m'],
    ['Go 1.21.13: error (timed out after 30 min), 1800.0s', '\x1b[33merror\x1b[0m']
  ])('colours the status of %p', (title, painted) => {
    expect(progressLine(title, true)).toContain(painted)
    expect(progressLine(title, false)).toBe(title)
  })

  it('leaves titles of another shape alone', () => {
    expect(progressLine('something else: passed', true)).toBe('something else: passed')
  })
})

describe('groupBlock', () => {
  it.each([
    ['body\n', '── t\nbody\n'],
    ['body', '── t\nbody\n'],
    ['', '── t\n']
  ])('ends %p with exactly one newline', (body, expected) => {
    expect(groupBlock('t', body)).toBe(expected)
  })
})

describe('wantsColor', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, {NO_COLOR: '1'}, false],
    // no-color.org: an empty NO_COLOR does not count.
    [true, {NO_COLOR: ''}, true]
  ])('isTTY %p, env %p → %p', (isTTY, env, expected) => {
    expect(wantsColor(isTTY === undefined ? {} : {isTTY}, env)).toBe(expected)
  })
})

describe('installingLine', () => {
  it.each([
    [['1.22', 'stable'], '', 'installing Go 1.22, stable'],
    [['1.22'], 'go.mod', 'installing Go 1.22, the version go.mod names'],
    [[], 'examples/hello/go.mod', 'installing Go the version examples/hello/go.mod names']
  ])('%p and %p', (specs, file, expected) => {
    expect(installingLine(specs, file)).toBe(expected)
  })
})

describe('installedLine', () => {
  it.each([
    [3, 1.25, 0, 2, 'installed 3 versions in 1.3 s; running 2 at a time'],
    [1, 0, 0, 8, 'installed 1 version in 0.0 s; running 1 at a time'],
    [4, 2, 3, 2, 'installed 4 versions in 2.0 s; running 3 at a time']
  ])('%p versions, %p s, max-parallel %p, %p CPUs', (count, seconds, maxParallel, cpus, expected) => {
    expect(installedLine(count, seconds, maxParallel, cpus)).toBe(expected)
  })
})

describe('ciRevision', () => {
  it.each([
    [{GITHUB_SHA: 'a1', GITHUB_REF: 'refs/heads/main', CI_COMMIT_SHA: 'b2'}, {commit: 'a1', ref: 'refs/heads/main'}],
    [{CI_COMMIT_SHA: 'b2', CI_COMMIT_REF_NAME: 'feature'}, {commit: 'b2', ref: 'feature'}],
    [{GIT_COMMIT: 'c3', GIT_BRANCH: 'origin/main'}, {commit: 'c3', ref: 'origin/main'}],
    [{CIRCLE_SHA1: 'd4'}, {commit: 'd4', ref: ''}],
    [{BUILDKITE_COMMIT: 'e5', BUILDKITE_BRANCH: 'x'}, {commit: 'e5', ref: 'x'}],
    [{GITHUB_REF: 'refs/heads/main'}, null],
    [{}, null]
  ])('%p → %p', (env, expected) => {
    expect(ciRevision(env)).toEqual(expected)
  })
})
