/** One structured line per call. Never carries personal data: no openid, no names, no input. */
export interface CallLogLine {
  fn: string
  action: string
  role: 'anonymous' | 'worker' | 'staff' | 'admin'
  ms: number
  outcome: 'ok' | string
  requestId?: string
}

export type LogSink = (line: CallLogLine) => void

/** CloudBase collects a function's stdout; one JSON object per line keeps it queryable. */
export const stdoutJsonSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'call', ...line })}\n`)
}
