import {describe, expect, it} from '@jest/globals'
import {mapBounded} from '../../src/util/pool.js'

const tick = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('mapBounded', () => {
  it('keeps the order of the items with at most `limit` running', async () => {
    let running = 0
    let most = 0
    const results = await mapBounded([30, 10, 20, 5, 15], 2, async (ms, i) => {
      most = Math.max(most, ++running)
      await tick(ms)
      running--
      return i * 10
    })
    expect(results).toEqual([0, 10, 20, 30, 40])
    expect(most).toBe(2)
  })

  it('after a failure starts nothing new, and rejects only once the running ones have finished', async () => {
    const started: number[] = []
    const finished: number[] = []
    const work = mapBounded([0, 1, 2, 3, 4], 2, async i => {
      started.push(i)
      if (i === 0) {
        await tick(5)
        throw new Error('item 0 failed')
      }
      await tick(60)
      finished.push(i)
      return i
    })
    await expect(work).rejects.toThrow('item 0 failed')
    // Item 1 was running when 0 failed: it finished before the rejection; 2-4 never started.
    expect(started).toEqual([0, 1])
    expect(finished).toEqual([1])
  })
})
