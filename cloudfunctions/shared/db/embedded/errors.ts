import { DUPLICATE_KEY_CODE } from '../duplicate-key'

/** The codes the engine answers with: the ones CloudBase uses for the same failures. */
export const ErrorCode = {
  invalidParam: 'INVALID_PARAM',
  duplicate: DUPLICATE_KEY_CODE,
  /** The SDK's runTransaction retries on exactly this code. */
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  /** An operation on a transaction the server no longer has (committed, aborted, or past its 30 s lifetime). */
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
  requestFailed: 'DATABASE_REQUEST_FAILED',
  collectionExists: 'DATABASE_COLLECTION_ALREADY_EXIST',
} as const

/**
 * Shaped like node-sdk's TcbError (`code`, `message`, `requestId`): the real transport throws that for any
 * response carrying a `code`, so callers see the same thing locally and on CloudBase.
 */
export class DatabaseError extends Error {
  requestId = ''

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'TcbError'
  }
}

export const invalidParam = (message: string) => new DatabaseError(ErrorCode.invalidParam, message)
export const requestFailed = (message: string) => new DatabaseError(ErrorCode.requestFailed, message)
export const transactionConflict = (message: string) => new DatabaseError(ErrorCode.transactionConflict, message)
export const transactionNotExist = (id: string) =>
  new DatabaseError(ErrorCode.transactionFail, `TransactionNotExist: transaction ${id} does not exist (committed, aborted, or past its lifetime)`)

/** MongoDB's wording, which production messages carry too (see isDuplicateKeyError). */
export const duplicateKey = (coll: string, index: string) =>
  new DatabaseError(ErrorCode.duplicate, `E11000 duplicate key error collection: ${coll} index: ${index}`)
