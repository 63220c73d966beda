import type { volunteerRecordContract } from '~types/volunteer-record.contract'
import { type HandlersOf, recordsReplay } from '../core/define-function'
import { issueRecord, myRecord, myRecords, verifyRecord } from './record.service'

export const recordHandlers: HandlersOf<typeof volunteerRecordContract> = {
  records: (_input, { runtime, user }) => myRecords(runtime, user),
  record: ({ number }, { runtime, user }) => myRecord(runtime, user, number),
  recordCertificate: recordsReplay((_input, { runtime, user, replay }) => issueRecord(runtime, user, replay)),
  verifyRecord: ({ number }, { runtime }) => verifyRecord(runtime, number),
}
