import type * as z from 'zod/mini'
import type { FieldErrors } from './errors'

/** Path of an issue as the client names its inputs: `consents.sensitive`, `services.1`; the root is `data`. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'data'
}

/** zod issues → `{ field: message }`, first message per field, in plain Chinese. */
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[pathOf([...issue.path, key])] ??= '不认识的字段，请去掉'
      continue
    }
    const key = pathOf(issue.path)
    fields[key] ??= plain(issue)
  }
  return fields
}

/** zod's own English defaults are not for riders: replace them with a plain Chinese line. */
function plain(issue: z.core.$ZodIssue): string {
  if (issue.message && !/^(Invalid|Too|Expected|Unrecognized)/.test(issue.message)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '请填写这一项' : '格式不对'
    case 'too_small':
      return '内容太短或太少'
    case 'too_big':
      return '内容太长或太多'
    case 'invalid_value':
      return '请从给出的选项中选择'
    default:
      return '格式不对'
  }
}

