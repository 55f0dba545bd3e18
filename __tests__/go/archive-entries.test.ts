import {describe, expect, it} from '@jest/globals'
import {unsafeEntryReason} from '../../src/go/archive-entries.js'

const OUTSIDE = 'it would land outside the target directory'

describe('unsafeEntryReason', () => {
  it.each([
    ['go/', 'Directory', undefined],
    ['go/bin/go', 'File', undefined],
    ['./go/bin/go', 'File', undefined],
    ['go/src/a/b.go', 'OldFile', undefined],
    ['go/misc/link', 'SymbolicLink', '../src/x'],
    ['go/bin/gofmt2', 'Link', 'go/bin/gofmt'],
    ['go/self', 'SymbolicLink', '.']
  ])('%s (%s -> %s) is safe', (name, type, link) => {
    expect(unsafeEntryReason(name, type, link)).toBeUndefined()
  })

  it.each([
    ['go/../../etc/x', 'File', undefined, OUTSIDE],
    ['../x', 'File', undefined, OUTSIDE],
    ['go/../x', 'File', undefined, OUTSIDE],
    ['go\\..\\..\\x', 'File', undefined, OUTSIDE],
    ['go/a/../b', 'File', undefined, 'its path has a ".." component'],
    ['/etc/passwd', 'File', undefined, `${OUTSIDE} (absolute path)`],
    ['C:\\Windows\\x', 'File', undefined, `${OUTSIDE} (absolute path)`],
    ['other/x', 'File', undefined, 'a Go archive holds everything under go/'],
    ['x', 'File', undefined, 'a Go archive holds everything under go/'],
    ['go/l', 'SymbolicLink', '/etc', 'its link target "/etc" is an absolute path'],
    ['go/l', 'SymbolicLink', '../..', 'its link target "../.." points outside the target directory'],
    ['go/a/l', 'SymbolicLink', '../../x', 'its link target "../../x" points outside the target directory'],
    ['go/l', 'Link', '/etc/shadow', 'its link target "/etc/shadow" is an absolute path'],
    ['go/l', 'Link', 'go/../x', 'its link target "go/../x" points outside the target directory'],
    ['go/l', 'Link', 'elsewhere/x', 'its link target "elsewhere/x" points outside the target directory'],
    ['go/l', 'SymbolicLink', '', 'it is a link without a target'],
    ['go/dev', 'CharacterDevice', undefined, 'entries of type CharacterDevice do not belong in a Go archive'],
    ['go/fifo', 'FIFO', undefined, 'entries of type FIFO do not belong in a Go archive']
  ])('%s (%s -> %s): %s', (name, type, link, reason) => {
    expect(unsafeEntryReason(name, type, link)).toBe(reason)
  })
})
