/**
 * MongoDB's `$jsonSchema` query operator: JSON Schema draft 4 plus `bsonType`, without `$ref`, `$schema`,
 * `default`, `definitions`, `format`, `id` or the `integer` type, which MongoDB refuses (so does this). Values are
 * the engine's JS forms (codec.ts): a number is `int` when it is an integer the SDK would send as Int32, `long` when
 * a larger integer, else `double` — the types the SDK's EJSON gives them on the way to CloudBase.
 */
type Check = (v: unknown) => boolean
type Schema = Record<string, unknown>

const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null'])
const BSON_TYPES = new Set([
  'double', 'string', 'object', 'array', 'binData', 'undefined', 'objectId', 'bool', 'date', 'null', 'regex', 'dbPointer',
  'javascript', 'symbol', 'javascriptWithScope', 'int', 'timestamp', 'long', 'decimal', 'minKey', 'maxKey', 'number',
])
const IGNORED = new Set(['title', 'description'])

/** For mingo's `jsonSchemaValidator` option. Throws (→ INVALID_PARAM) on a schema MongoDB would refuse. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: Record<string, unknown>) => boolean {
  const check = compile(schema, '$jsonSchema')
  return (doc) => check(doc)
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

/** The BSON type MongoDB would hold for a value as the engine has it. */
export function bsonTypeOf(v: unknown): string {
  if (v === undefined) return 'undefined'
  if (v === null) return 'null'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'number':
      if (!Number.isInteger(v)) return 'double'
      return v >= -(2 ** 31) && v < 2 ** 31 ? 'int' : Number.isSafeInteger(v) ? 'long' : 'double'
  }
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  if (v instanceof RegExp) return 'regex'
  const bson = (v as { _bsontype?: string })._bsontype
  if (bson) {
    const names: Record<string, string> = {
      ObjectId: 'objectId', ObjectID: 'objectId', Decimal128: 'decimal', Long: 'long', Int32: 'int', Double: 'double', Binary: 'binData',
      Timestamp: 'timestamp', MinKey: 'minKey', MaxKey: 'maxKey', BSONSymbol: 'symbol', Symbol: 'symbol', DBRef: 'dbPointer',
      BSONRegExp: 'regex', Code: (v as { scope?: unknown }).scope ? 'javascriptWithScope' : 'javascript',
    }
    return names[bson] ?? 'object'
  }
  return 'object'
}

const NUMERIC = new Set(['int', 'long', 'double', 'decimal'])
const jsonTypeOf = (v: unknown): string | null => {
  const t = bsonTypeOf(v)
  if (NUMERIC.has(t)) return 'number'
  if (t === 'bool') return 'boolean'
  return JSON_TYPES.has(t) ? t : null
}

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`)
}

const names = (v: unknown, where: string): string[] => {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string') ? (v as string[]) : null
  if (!list) fail(where, 'must be a string or a non-empty array of strings')
  return list
}

const count = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(where, 'must be a non-negative integer')
  return v
}

const num = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, 'must be a number')
  return v
}

const schemaAt = (v: unknown, where: string): Schema => {
  if (!isPlain(v)) fail(where, 'must be an object')
  return v
}

const schemas = (v: unknown, where: string): Check[] => {
  if (!Array.isArray(v) || v.length === 0) fail(where, 'must be a non-empty array of schemas')
  return v.map((s, i) => compile(schemaAt(s, `${where}.${i}`), `${where}.${i}`))
}

function compile(schema: Schema, where: string): Check {
  const checks: Check[] = []
  const add = (c: Check) => checks.push(c)
  const s = schema
  for (const key of Object.keys(s)) {
    const at = `${where}.${key}`
    const value = s[key]
    switch (key) {
      case 'type': {
        const types = names(value, at)
        for (const t of types) if (!JSON_TYPES.has(t)) fail(at, t === 'integer' ? "'integer' is not supported, use bsonType 'int' or 'long'" : `unknown type ${t}`)
        add((v) => types.includes(jsonTypeOf(v) ?? ''))
        break
      }
      case 'bsonType': {
        const types = names(value, at)
        for (const t of types) if (!BSON_TYPES.has(t)) fail(at, `unknown bsonType ${t}`)
        add((v) => {
          const t = bsonTypeOf(v)
          return types.includes(t) || (types.includes('number') && NUMERIC.has(t))
        })
        break
      }
      case 'enum': {
        if (!Array.isArray(value) || value.length === 0) fail(at, 'must be a non-empty array')
        add((v) => value.some((x) => same(x, v)))
        break
      }
      case 'minimum':
      case 'maximum': {
        const bound = num(value, at)
        const exclusive = s[key === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true
        add((v) => typeof v !== 'number' || (key === 'minimum' ? (exclusive ? v > bound : v >= bound) : exclusive ? v < bound : v <= bound))
        break
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum'
        if (typeof value !== 'boolean') fail(at, 'must be a boolean')
        if (!(bound in s)) fail(at, `needs ${bound}`)
        break
      }
      case 'multipleOf': {
        const m = num(value, at)
        if (m <= 0) fail(at, 'must be positive')
        add((v) => typeof v !== 'number' || Number.isInteger(v / m))
        break
      }
      case 'minLength':
      case 'maxLength': {
        const n = count(value, at)
        add((v) => typeof v !== 'string' || (key === 'minLength' ? [...v].length >= n : [...v].length <= n))
        break
      }
      case 'pattern': {
        if (typeof value !== 'string') fail(at, 'must be a string')
        const re = new RegExp(value, 'u')
        add((v) => typeof v !== 'string' || re.test(v))
        break
      }
      case 'items': {
        if (Array.isArray(value)) {
          const each = schemas(value, at)
          const extra = s.additionalItems
          const rest: Check = extra === undefined || extra === true ? () => true : extra === false ? () => false : compile(schemaAt(extra, `${where}.additionalItems`), `${where}.additionalItems`)
          add((v) => !Array.isArray(v) || v.every((x, i) => (i < each.length ? each[i](x) : rest(x))))
        } else {
          const each = compile(schemaAt(value, at), at)
          add((v) => !Array.isArray(v) || v.every(each))
        }
        break
      }
      case 'additionalItems':
        if (typeof value !== 'boolean') schemaAt(value, at)
        break
      case 'minItems':
      case 'maxItems': {
        const n = count(value, at)
        add((v) => !Array.isArray(v) || (key === 'minItems' ? v.length >= n : v.length <= n))
        break
      }
      case 'uniqueItems':
        if (typeof value !== 'boolean') fail(at, 'must be a boolean')
        if (value) add((v) => !Array.isArray(v) || v.every((x, i) => v.findIndex((y) => same(x, y)) === i))
        break
      case 'required': {
        if (!Array.isArray(value) || value.length === 0 || !value.every((x) => typeof x === 'string')) fail(at, 'must be a non-empty array of strings')
        add((v) => !isDocument(v) || value.every((k) => Object.prototype.hasOwnProperty.call(v, k)))
        break
      }
      case 'minProperties':
      case 'maxProperties': {
        const n = count(value, at)
        add((v) => !isDocument(v) || (key === 'minProperties' ? Object.keys(v).length >= n : Object.keys(v).length <= n))
        break
      }
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        break
      case 'dependencies': {
        const deps = Object.entries(schemaAt(value, at)).map(([name, dep]) => {
          const check: Check = Array.isArray(dep)
            ? (v) => (dep as unknown[]).every((k) => typeof k === 'string' && Object.prototype.hasOwnProperty.call(v, k))
            : compile(schemaAt(dep, `${at}.${name}`), `${at}.${name}`)
          return [name, check] as const
        })
        add((v) => !isDocument(v) || deps.every(([name, check]) => !Object.prototype.hasOwnProperty.call(v, name) || check(v)))
        break
      }
      case 'allOf': {
        const all = schemas(value, at)
        add((v) => all.every((c) => c(v)))
        break
      }
      case 'anyOf': {
        const any = schemas(value, at)
        add((v) => any.some((c) => c(v)))
        break
      }
      case 'oneOf': {
        const one = schemas(value, at)
        add((v) => one.filter((c) => c(v)).length === 1)
        break
      }
      case 'not': {
        const not = compile(schemaAt(value, at), at)
        add((v) => !not(v))
        break
      }
      default:
        if (!IGNORED.has(key)) fail(at, `unsupported keyword ${key}`)
    }
  }
  const objectCheck = compileObject(s, where)
  if (objectCheck) add(objectCheck)
  return (v) => checks.every((c) => c(v))
}

/** properties / patternProperties / additionalProperties, which decide together what an extra property is. */
function compileObject(s: Schema, where: string): Check | null {
  if (s.properties === undefined && s.patternProperties === undefined && s.additionalProperties === undefined) return null
  const props = Object.entries(s.properties === undefined ? {} : schemaAt(s.properties, `${where}.properties`)).map(
    ([name, sub]) => [name, compile(schemaAt(sub, `${where}.properties.${name}`), `${where}.properties.${name}`)] as const,
  )
  const patterns = Object.entries(s.patternProperties === undefined ? {} : schemaAt(s.patternProperties, `${where}.patternProperties`)).map(
    ([re, sub]) => [new RegExp(re, 'u'), compile(schemaAt(sub, `${where}.patternProperties.${re}`), `${where}.patternProperties.${re}`)] as const,
  )
  const extra = s.additionalProperties
  const rest: Check = extra === undefined || extra === true ? () => true : extra === false ? () => false : compile(schemaAt(extra, `${where}.additionalProperties`), `${where}.additionalProperties`)
  return (v) => {
    if (!isDocument(v)) return true
    for (const [key, x] of Object.entries(v)) {
      const named = props.find(([name]) => name === key)
      if (named && !named[1](x)) return false
      let matched = false
      for (const [re, check] of patterns) {
        if (!re.test(key)) continue
        matched = true
        if (!check(x)) return false
      }
      if (!named && !matched && !rest(x)) return false
    }
    return true
  }
}

const isDocument = (v: unknown): v is Record<string, unknown> => bsonTypeOf(v) === 'object'

/** BSON equality as `enum` and `uniqueItems` use it: numbers by value, documents field by field in order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b))
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]))
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same(a[k], b[k]))
  }
  return a === b
}
