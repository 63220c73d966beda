import { regionLabel } from '~types/regions'
import { todayOf } from '~types/time'
import {
  RECORD_ID_TYPE,
  RECORD_TASKS_SHOWN,
  RECORDS_LISTED,
  normalRecordNumber,
  recordNumberOf,
  type RecordCheckView,
  type RecordContent,
  type RecordsView,
  type VolunteerRecordView,
} from '~types/volunteer-record.schema'
import { AUDIT } from '../audit/audit'
import { AppError } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import type { ReplayRecorder } from '../core/idempotency'
import { logFailure } from '../core/error-log'
import { inTransaction } from '../db/transaction'
import { maskName } from '../security/mask'
import { saveServerFile } from '../storage/files'
import type { FileView } from '../storage/file.doc'
import type { UserDoc } from '../user/user.doc'
import { APPLICATIONS } from '../workflow/application.doc'
import { nextInCounter } from '../workflow/case-number'
import { accountOf, starsOf } from './ledger'
import { RECORDS, recordFileIdOf, type RecordDoc } from './record.doc'
import { recordPdf } from './record.pdf'
import { servedTasks } from './record.tasks'

/** 谁记录谁证明: the station of the district whose volunteer service kept the hours. */
export const issuerOf = (district: string) => `${regionLabel(district).replace(/\s+/g, '')}新就业群体志愿服务站`

const NOT_FOUND = (number: string) => new AppError('NOT_FOUND', `没有查到编号为 ${number} 的志愿服务记录证明，请核对编号后再查`)

/**
 * What the hours were for: reports handled and make-up claims confirmed (counted on the applications index by
 * applicant), and the tasks served. Read before the transaction — CloudBase allows no queries inside one — and
 * only ever a little behind the hours it accompanies.
 */
async function contentOf(rt: Runtime, userId: string): Promise<RecordContent> {
  const _ = rt.db.command
  const decided = _.in(['approved', 'done'])
  const [reports, makeUp, tasks] = await Promise.all([
    rt.db.collection(APPLICATIONS).where({ applicantId: userId, kind: 'volunteerReport', status: decided }).count(),
    rt.db.collection(APPLICATIONS).where({ applicantId: userId, kind: 'volunteerHours', status: decided }).count(),
    servedTasks(rt, userId, RECORD_TASKS_SHOWN),
  ])
  return { reportsHandled: reports.total, tasks: tasks.recent, tasksServed: tasks.count, makeUpClaims: makeUp.total }
}

function viewOf(r: RecordDoc, file: FileView | null): VolunteerRecordView {
  return {
    number: r._id,
    issuedOn: r.issuedOn,
    holder: { name: r.holderName, idType: r.idType, idNumberMasked: r.idNumberMasked },
    minutesConfirmed: r.minutesConfirmed,
    minutesMakeUp: r.minutesMakeUp,
    stars: r.stars,
    content: r.content,
    issuer: r.issuer,
    file,
  }
}

/**
 * The record's PDF, made and stored if it is not there yet. Made after the record's transaction (file storage
 * takes part in none) and from the record alone, so a failure here loses nothing: the next open makes it again,
 * byte for byte the same, under the same file id. Null when storage is down — the page offers to try again.
 */
async function fileOf(rt: Runtime, r: RecordDoc): Promise<FileView | null> {
  try {
    const file = await saveServerFile(rt, {
      fileId: recordFileIdOf(r._id),
      ownerOpenid: r.openid,
      path: `records/${r.userId}/${r._id}.pdf`,
      bytes: recordPdf(r),
      contentType: 'application/pdf',
      name: `志愿服务记录证明-${r._id}.pdf`,
      recordId: `volunteerRecord:${r._id}`,
    })
    // Noted on the record for the list (myRecords); the file document stays what opening it checks.
    if (!r.file) await rt.db.collection(RECORDS).doc(r._id).update({ file })
    return file
  } catch (e) {
    logFailure('volunteer record: PDF not stored', e)
    return null
  }
}

/**
 * Issues a 志愿服务记录证明 of the hours as they stand: the number drawn from the year's counter and the record
 * written in one transaction (with its audit line and the replay of the request), so a retry or a double tap issues
 * one certificate; then its PDF. The hours are read again by id inside the transaction, so the certificate states
 * exactly what the account held when the number was drawn.
 */
export async function issueRecord(rt: Runtime, user: UserDoc, replay?: ReplayRecorder): Promise<VolunteerRecordView> {
  const profile = user.profile!
  const now = rt.now()
  const [account, content] = await Promise.all([accountOf(rt.db, user._id), contentOf(rt, user._id)])
  if (!account || account.minutesConfirmed + account.minutesMakeUp < 30) {
    throw new AppError('CONFLICT', '还没有经过确认的志愿服务时长，暂时不能出具记录证明。参加志愿服务签到、或申请补录经工作人员认定后再来')
  }
  const issuedOn = todayOf(now)
  const record = await inTransaction(rt.db, async (tx: Transaction) => {
    const held = await accountOf(tx, user._id)
    if (!held) throw new AppError('CONFLICT', '志愿服务记录正在更新，请稍后再试')
    const number = recordNumberOf(issuedOn.slice(0, 4), await nextInCounter(tx, `volunteerRecord:${issuedOn.slice(0, 4)}`))
    const doc: RecordDoc = {
      _id: number,
      userId: user._id,
      openid: user.openid,
      district: held.district,
      holderName: profile.realName,
      idType: RECORD_ID_TYPE,
      // The profile keeps the mask beside the sealed number: the clear number is never opened for a certificate.
      idNumberMasked: profile.idNumberMasked,
      minutesConfirmed: held.minutesConfirmed,
      minutesMakeUp: held.minutesMakeUp,
      stars: starsOf(held.minutesConfirmed + held.minutesMakeUp).stars,
      content,
      issuer: issuerOf(held.district),
      issuedOn,
      issuedAt: now,
      file: null,
    }
    const { _id, ...fields } = doc
    await tx.collection(RECORDS).doc(_id).set(fields)
    await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'worker', action: 'volunteer.recordCertificate', targetType: 'volunteerRecord', targetId: number, to: { minutesConfirmed: doc.minutesConfirmed, minutesMakeUp: doc.minutesMakeUp, stars: doc.stars }, at: now })
    await replay?.record(tx, { number })
    return doc
  })
  return viewOf(record, await fileOf(rt, record))
}

async function ownRecord(rt: Runtime, user: UserDoc, raw: string): Promise<RecordDoc> {
  const number = normalRecordNumber(raw)
  const { data } = await rt.db.collection(RECORDS).doc(number).get()
  const r = data[0] as RecordDoc | undefined
  // Someone else's number answers as an unknown one: nothing tells that it exists.
  if (!r || r.userId !== user._id) throw NOT_FOUND(number)
  return r
}

/** One of the caller's own certificates, with its PDF (made again if it went missing). */
export async function myRecord(rt: Runtime, user: UserDoc, number: string): Promise<VolunteerRecordView> {
  const r = await ownRecord(rt, user, number)
  return viewOf(r, await fileOf(rt, r))
}

/** The record page: hours and stars now, and the certificates issued, newest first with their PDFs — two reads. */
export async function myRecords(rt: Runtime, user: UserDoc): Promise<RecordsView> {
  const [account, { data }] = await Promise.all([
    accountOf(rt.db, user._id),
    rt.db.collection(RECORDS).where({ userId: user._id }).orderBy('issuedAt', 'desc').limit(RECORDS_LISTED).get(),
  ])
  const records = data as RecordDoc[]
  const minutesConfirmed = account?.minutesConfirmed ?? 0
  const minutesMakeUp = account?.minutesMakeUp ?? 0
  return {
    minutesConfirmed,
    minutesMakeUp,
    stars: starsOf(minutesConfirmed + minutesMakeUp),
    issuer: issuerOf(account?.district ?? user.profile!.districtCode),
    issued: records.map((r) => viewOf(r, r.file ?? null)),
  }
}

/** The public check by number: the holder's name masked, no ID number at all; an unknown number says so. */
export async function verifyRecord(rt: Runtime, raw: string): Promise<RecordCheckView> {
  const number = normalRecordNumber(raw)
  const { data } = await rt.db.collection(RECORDS).doc(number).get()
  const r = data[0] as RecordDoc | undefined
  if (!r) throw NOT_FOUND(number)
  return { number, holderMasked: maskName(r.holderName), minutesConfirmed: r.minutesConfirmed, minutesMakeUp: r.minutesMakeUp, stars: r.stars, issuer: r.issuer, issuedOn: r.issuedOn }
}
