import type * as z from 'zod/mini'
import { fieldErrors } from '~types/validation'
import { AppError } from './app-error'

/** `at`: where `data` sits in the caller's input (`details` of an approval), so errors name the field the caller sent. */
export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown, at?: string): z.output<S> {
  const result = schema.safeParse(data === undefined ? {} : data)
  if (result.success) return result.data
  const found = fieldErrors(result.error)
  const fields = at ? Object.fromEntries(Object.entries(found).map(([k, v]) => [k === 'data' ? at : `${at}.${k}`, v])) : found
  const first = Object.values(fields)[0]
  throw new AppError('INVALID_INPUT', first ? `请检查：${first}` : undefined, fields)
}
