/** Types for lcov-parse 1.x (CommonJS, no bundled types): the parts go-matrix uses. */
declare module 'lcov-parse' {
  /** Parses a file when `file` names one that exists, else the string itself. */
  function lcovParse(file: string, callback: lcovParse.Callback): void
  namespace lcovParse {
    interface Details<T> {
      found: number
      hit: number
      details: T[]
    }
    interface LcovRecord {
      title?: string
      file: string
      lines: Details<{line: number; hit: number}>
      functions: Details<{name: string; line: number; hit?: number}>
      branches: Details<{line: number; block: number; branch: number; taken: number}>
    }
    type Callback = (err: string | null, data?: LcovRecord[]) => void
    /** Parses LCOV text (calls back synchronously). */
    function source(text: string, callback: Callback): void
  }
  export = lcovParse
}
