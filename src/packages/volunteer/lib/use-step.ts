import { useRef, useState } from 'react'
import { toApiError, type ApiError } from '../../../api/api-error'
import { newRequestId } from '../../../api/client'

/**
 * One button's write (报名, 签到, 确认时长): busy while it runs, the refusal in words, and one request id per
 * attempt — kept across a retry after a lost answer, so a second tap never writes twice; fresh after a success.
 */
export function useStep() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError>()
  const ids = useRef(new Map<string, string>())
  const run = async <T,>(key: string, send: (requestId: string) => Promise<T>): Promise<T | undefined> => {
    if (busy) return undefined
    setBusy(true)
    setError(undefined)
    const id = ids.current.get(key) ?? newRequestId()
    ids.current.set(key, id)
    try {
      const out = await send(id)
      ids.current.delete(key)
      return out
    } catch (e) {
      const err = toApiError(e)
      // A refusal will not change on a retry: the next tap is a new request.
      if (err.code !== 'NETWORK') ids.current.delete(key)
      setError(err)
      return undefined
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run, clear: () => setError(undefined) }
}
