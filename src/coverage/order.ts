/** Code-unit order, the same everywhere (files, packages): what Go's sort.Strings does for ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
