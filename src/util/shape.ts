/**
 * A small checker of parsed JSON against a declarative description of its shape: types, string
 * lengths and patterns, number ranges, array lengths and enumerations. Written once here so that
 * untrusted files (an aggregate's legs) are checked by a description rather than scattered ifs;
 * the first problem found is reported with its path (`versions[3].coverage.lines.percent`) and
 * the value found. The description bounds the depth, so checking never recurses deeper than it.
 * Fields a description does not name are dropped by `conform`, which returns the checked copy.
 */

export type Shape =
  | {kind: 'string'; max: number; pattern?: RegExp; what?: string}
  | {kind: 'number'; min: number; max: number; integer: boolean}
  | {kind: 'boolean'}
  | {kind: 'oneOf'; values: readonly (string | number)[]}
  | {kind: 'array'; of: Shape; max: number}
  | {kind: 'object'; fields: Readonly<Record<string, Shape | Optional>>; check?: (value: Record<string, unknown>) => string | null}
  | {kind: 'nullable'; of: Shape}

/** A field that may be absent. */
export interface Optional {
  kind: 'optional'
  of: Shape
}

export const string = (max: number, pattern?: RegExp, what?: string): Shape => ({kind: 'string', max, ...(pattern ? {pattern} : {}), ...(what ? {what} : {})})
export const number = (min: number, max: number): Shape => ({kind: 'number', min, max, integer: false})
export const integer = (min: number, max: number): Shape => ({kind: 'number', min, max, integer: true})
export const boolean: Shape = {kind: 'boolean'}
export const oneOf = (...values: readonly (string | number)[]): Shape => ({kind: 'oneOf', values})
export const arrayOf = (of: Shape, max: number): Shape => ({kind: 'array', of, max})
export const object = (fields: Readonly<Record<string, Shape | Optional>>, check?: (value: Record<string, unknown>) => string | null): Shape => ({
  kind: 'object',
  fields,
  ...(check ? {check} : {})
})
export const nullable = (of: Shape): Shape => ({kind: 'nullable', of})
export const optional = (of: Shape): Optional => ({kind: 'optional', of})

/** The first way `value` departs from `shape`, as `path: expected …, got …`; null when it fits. */
export function shapeProblem(value: unknown, shape: Shape, path = ''): string | null {
  const result = conform(value, shape, path)
  return result.ok ? null : result.problem
}

/**
 * `value` checked against `shape` and copied with only the fields the description names, so that
 * what a caller passes on is exactly what was checked: a field the description does not know
 * (one a later version of the file adds, or one a hostile file slips in) never reaches code that
 * would trust its type. Throws nothing; the first problem is returned as `shapeProblem` words it.
 */
export function conform(value: unknown, shape: Shape, path = ''): {ok: true; value: unknown} | {ok: false; problem: string} {
  const at = path === '' ? 'the value' : path
  const fail = (problem: string): {ok: false; problem: string} => ({ok: false, problem})
  const got = (): string => `, got ${describe(value)}`
  switch (shape.kind) {
    case 'string':
      if (typeof value !== 'string') return fail(`${at}: expected a string${got()}`)
      if (value.length > shape.max) return fail(`${at}: expected at most ${shape.max} characters, got ${value.length}`)
      if (shape.pattern && !shape.pattern.test(value)) return fail(`${at}: expected ${shape.what ?? `text matching ${shape.pattern}`}${got()}`)
      return {ok: true, value}
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`${at}: expected a number${got()}`)
      if (shape.integer && !Number.isInteger(value)) return fail(`${at}: expected a whole number${got()}`)
      if (value < shape.min || value > shape.max) return fail(`${at}: expected a number from ${shape.min} to ${shape.max}${got()}`)
      return {ok: true, value}
    case 'boolean':
      return typeof value === 'boolean' ? {ok: true, value} : fail(`${at}: expected true or false${got()}`)
    case 'oneOf':
      return shape.values.includes(value as string | number) ? {ok: true, value} : fail(`${at}: expected one of ${shape.values.map(v => JSON.stringify(v)).join(', ')}${got()}`)
    case 'nullable':
      return value === null ? {ok: true, value} : conform(value, shape.of, path)
    case 'array': {
      if (!Array.isArray(value)) return fail(`${at}: expected a list${got()}`)
      if (value.length > shape.max) return fail(`${at}: expected at most ${shape.max} entries, got ${value.length}`)
      const copy: unknown[] = new Array(value.length)
      for (let i = 0; i < value.length; i++) {
        const item = conform(value[i], shape.of, `${path}[${i}]`)
        if (!item.ok) return item
        copy[i] = item.value
      }
      return {ok: true, value: copy}
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`${at}: expected an object${got()}`)
      const record = value as Record<string, unknown>
      const copy: Record<string, unknown> = {}
      for (const [name, field] of Object.entries(shape.fields)) {
        const inner = path === '' ? name : `${path}.${name}`
        const present = Object.hasOwn(record, name) && record[name] !== undefined
        if (!present) {
          if (field.kind === 'optional') continue
          return fail(`${inner}: missing`)
        }
        const checked = conform(record[name], field.kind === 'optional' ? field.of : field, inner)
        if (!checked.ok) return checked
        copy[name] = checked.value
      }
      const problem = shape.check?.(copy) ?? null
      return problem === null ? {ok: true, value: copy} : fail(`${at}: ${problem}`)
    }
  }
}

/** A value as a message shows it: short, on one line. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (typeof value === 'object' && value !== null) return 'an object'
  const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
