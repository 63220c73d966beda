/**
 * Stable error codes every action may answer with. Clients switch on `code`; `message` is plain Chinese
 * a worker understands; `fields` maps an input path (e.g. `idNumber`, `consents.privacy`) to what is wrong.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PROFILE_INCOMPLETE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_FUNCTION',
  'UNKNOWN_ACTION',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'NOT_AVAILABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export type FieldErrors = Record<string, string>

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  fields?: FieldErrors
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/** HTTP status the local server (and CloudBase's HTTP access) answers with for each code. Never 500 but INTERNAL. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PROFILE_INCOMPLETE: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_FUNCTION: 404,
  UNKNOWN_ACTION: 404,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_AVAILABLE: 403,
  INTERNAL: 500,
}

/** Default wording per code, used when a thrower gives none. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行这个操作',
  PROFILE_INCOMPLETE: '请先完善个人信息并同意隐私保护指引',
  INVALID_INPUT: '填写的内容有误，请检查后再提交',
  NOT_FOUND: '没有找到相关记录',
  CONFLICT: '这条记录刚被修改过，请刷新后再试',
  UNKNOWN_FUNCTION: '没有这项服务',
  UNKNOWN_ACTION: '没有这个操作',
  MALFORMED_REQUEST: '请求格式不正确',
  PAYLOAD_TOO_LARGE: '提交的内容太大了',
  NOT_AVAILABLE: '这项功能在当前环境不可用',
  INTERNAL: '系统开了个小差，请稍后再试',
}
