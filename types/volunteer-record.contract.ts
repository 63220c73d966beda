import { action } from './contract'
import { Empty } from './user.schema'
import { RecordRef, type RecordCheckView, type RecordsView, type VolunteerRecordView } from './volunteer-record.schema'

/** 志愿服务记录证明 — the record certificate and its public check (part of the `volunteer` function). */
export const volunteerRecordContract = {
  records: action<RecordsView>()({ input: Empty, roles: ['worker'], writes: false, summary: "The caller's confirmed hours and star level now, and the record certificates issued to them." }),
  record: action<VolunteerRecordView>()({ input: RecordRef, roles: ['worker'], writes: false, summary: 'One of the caller’s own record certificates by number, with its PDF (made again if it is missing).' }),
  recordCertificate: action<VolunteerRecordView>()({
    input: Empty,
    roles: ['worker'],
    writes: true,
    replay: { read: 'record', by: 'number' },
    summary: 'Issue a numbered 志愿服务记录证明 of the caller’s hours as they stand: a snapshot record and its PDF.',
  }),
  verifyRecord: action<RecordCheckView>()({ input: RecordRef, roles: ['public'], writes: false, summary: 'Public check of a record certificate number: holder masked, hours, stars, issuer, date.' }),
}
