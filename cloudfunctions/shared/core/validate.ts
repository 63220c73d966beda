import type * as z from 'zod/mini'
import { fieldErrors } from '~types/validation'
import { AppError } from './app-error'

export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data === undefined ? {} : data)
  if (result.success) return result.data
  const fields = fieldErrors(result.error)
  const first = Object.values(fields)[0]
  throw new AppError('INVALID_INPUT', first ? `请检查：${first}` : undefined, fields)
}
