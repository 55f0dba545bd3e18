import {profileOf} from '../../src/coverage/blocks-builder.js'
import type {Block, CoverMode, Profile} from '../../src/coverage/model.js'

/** A block from `l1.c1,l2.c2 n count` shorthand: block('a.go', '3.1,5.2', 2, 1). */
export function block(file: string, range: string, numStmt: number, count: number): Block {
  const m = /^(\d+)\.(\d+),(\d+)\.(\d+)$/.exec(range)
  if (m === null) throw new Error(`bad range ${range}`)
  return {file, startLine: Number(m[1]), startCol: Number(m[2]), endLine: Number(m[3]), endCol: Number(m[4]), numStmt, count}
}

/** A profile of blocks given as [file, range, numStmt, count] tuples. */
export function makeProfile(mode: CoverMode, blocks: [string, string, number, number][]): Profile {
  return profileOf(mode, blocks.map(([file, range, n, c]) => block(file, range, n, c)))
}

/** Profile text from lines, with the mode line first. */
export function profileText(mode: string, lines: string[]): string {
  return [`mode: ${mode}`, ...lines].join('\n') + '\n'
}
