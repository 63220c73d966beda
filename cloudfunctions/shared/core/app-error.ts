import { DEFAULT_MESSAGES, type ApiErrorBody, type ErrorCode, type FieldErrors } from '~types/errors'

/**
 * An expected failure with a stable code. Services throw it; the dispatcher turns it into the envelope.
 * Anything else thrown is a bug and answers INTERNAL without its message or stack.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldErrors,
  ) {
    super(message ?? DEFAULT_MESSAGES[code])
    this.name = 'AppError'
  }

  toBody(): ApiErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

/** A field-level INVALID_INPUT, e.g. `invalidField('idNumber', '身份证号校验位不对')`. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { [field]: message })
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
