import {describe, expect, it} from '@jest/globals'
import {actionError, commandError, errorMessage, namingInput} from '../../src/inputs/error-message.js'

describe('one form for errors on every front end', () => {
  it.each([
    // options.ts names inputs "input NAME", the installer "NAME": both become the front end's spelling.
    ['input max-version-delta: "two" is not a number', '--max-version-delta: "two" is not a number', 'input max-version-delta: "two" is not a number'],
    ['go-versions: no Go release matches "1.99"', '--go-versions: no Go release matches "1.99"', 'input go-versions: no Go release matches "1.99"'],
    ['go-version-file: /w/go.mod:3: "x" is not a Go version', '--go-version-file: /w/go.mod:3: "x" is not a Go version', 'input go-version-file: /w/go.mod:3: "x" is not a Go version'],
    // Anything else is left as it is: a word that is no input, or an input's name used as a word.
    ['the reports are of different commits', 'the reports are of different commits', 'the reports are of different commits'],
    ['build failed: exit status 1', 'build failed: exit status 1', 'build failed: exit status 1'],
    ['unknown flag --bogus', 'unknown flag --bogus', 'unknown flag --bogus']
  ])('%p', (message, commandLine, action) => {
    expect(namingInput(message, 'command-line')).toBe(commandLine)
    expect(namingInput(message, 'action')).toBe(action)
  })

  it('prefixes the command once and keeps the causes', () => {
    const err = new Error('cannot fetch the Go release index from https://go.dev/dl', {cause: new Error('getaddrinfo ENOTFOUND go.dev')})
    expect(errorMessage(err)).toBe('cannot fetch the Go release index from https://go.dev/dl: getaddrinfo ENOTFOUND go.dev')
    expect(commandError('run', new Error('go-versions: no Go release matches "1.99"'))).toBe('go-matrix run: --go-versions: no Go release matches "1.99"')
    expect(actionError(new Error('input cover-mode: "x" is not one of set, count, atomic'))).toBe('input cover-mode: "x" is not one of set, count, atomic')
  })
})
