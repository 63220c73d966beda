import type { ApplicationView, DecisionView, QueueRow, ReviewView, Status, TimelineEntry } from '~types/application.schema'
import { regionLabel } from '~types/regions'
import { AUDIT } from '../audit/audit'
import type { Database } from '../core/context'
import { FILES, fileView, type FileDoc, type FileView } from '../storage/file.doc'
import { fileViewsById } from '../storage/files'
import { USERS, type UserDoc } from '../user/user.doc'
import type { ApplicationDoc } from './application.doc'
import { spanCovered } from './working-days'

interface AuditDoc {
  actorId?: string
  action: string
  actorRole: TimelineEntry['actorRole'] | 'admin'
  from: Status | null
  to: Status
  note?: string
  at: Date
  visibleToApplicant?: boolean
}

/**
 * The trail of one application, oldest first; the applicant sees the steps that concern them. For the reviewers
 * (`forApplicant` false) each staff step names who took it — the names of all of them in one query.
 */
export async function timelineOf(db: Database, appId: string, forApplicant: boolean): Promise<TimelineEntry[]> {
  const { data } = await db.collection(AUDIT).where({ targetId: appId, targetType: 'application' }).orderBy('at', 'asc').limit(200).get()
  const lines = (data as AuditDoc[]).filter((a) => !forApplicant || a.visibleToApplicant !== false)
  const isStaff = (a: AuditDoc) => a.actorRole === 'staff' || a.actorRole === 'admin'
  const names = forApplicant ? new Map<string, string>() : await staffNames(db, lines.filter(isStaff).flatMap((a) => a.actorId ?? []))
  return lines.map((a) => {
    const name = isStaff(a) && a.actorId ? names.get(a.actorId) : undefined
    return {
      at: a.at.toISOString(),
      step: a.action.replace('application.', '') as TimelineEntry['step'],
      actorRole: a.actorRole === 'admin' ? 'staff' : a.actorRole,
      ...(name ? { actorName: name } : {}),
      from: a.from,
      to: a.to,
      ...(a.note ? { note: a.note } : {}),
    }
  })
}

/** The real names of these staff members, by user id (one query; a user without a profile is left out). */
async function staffNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const { data } = await db.collection(USERS).where({ _id: db.command.in(unique) }).limit(unique.length).get()
  return new Map((data as UserDoc[]).flatMap((u) => (u.profile?.realName ? [[u._id, u.profile.realName] as const] : [])))
}

export function clockOf(app: ApplicationDoc): ApplicationView['clock'] {
  return {
    dueAt: app.pausedWorkingDays === null && app.decisionDueAt ? app.decisionDueAt.toISOString() : null,
    pausedWithWorkingDays: app.pausedWorkingDays,
    extended: app.extended,
    // Provisional only while a year it spans is still unknown: once an admin enters the calendar, the mark goes.
    provisional: app.provisional && !!app.decisionDueAt && !spanCovered(app.createdAt, app.decisionDueAt),
  }
}

/** Every file the applicant sent, as filed and with supplements (older records kept answers apart), once each. */
const attachmentIds = (app: ApplicationDoc) => [...new Set([...app.attachments, ...(app.supplement?.answerAttachments ?? [])])]

function decisionView({ result, reason, details, agency, contact, note, at }: NonNullable<ApplicationDoc['decision']>): DecisionView {
  // First-release legal-aid decisions kept their details at the top level.
  const d = details ?? (agency || contact ? { agency, contact } : undefined)
  return { result, ...(reason ? { reason } : {}), ...(d ? { details: d } : {}), ...(note ? { note } : {}), at: at.toISOString() }
}

/** `files`: the attachments already looked up (applicationViews does it once for a whole list). */
export async function applicationView(db: Database, app: ApplicationDoc, forApplicant = true, files?: Map<string, FileView>): Promise<ApplicationView> {
  const ids = attachmentIds(app)
  const byId = files ?? (await fileViewsById(db, ids))
  return {
    id: app._id,
    caseNo: app.caseNo,
    kind: app.kind,
    status: app.status,
    version: app.version,
    createdAt: app.createdAt.toISOString(),
    clock: clockOf(app),
    urgent: app.urgent,
    summary: app.summary,
    supplement: app.supplement
      ? { missing: app.supplement.missing, deadline: app.supplement.deadline.toISOString(), ...(app.supplement.answer ? { answer: app.supplement.answer } : {}) }
      : null,
    decision: app.decision ? decisionView(app.decision) : null,
    payload: app.payload,
    attachments: ids.flatMap((id) => byId.get(id) ?? []),
    timeline: await timelineOf(db, app._id, forApplicant),
  }
}

/** An applicant's list (我的申请): the files of all the applications in one query, not one per application. */
export async function applicationViews(db: Database, apps: ApplicationDoc[]): Promise<ApplicationView[]> {
  const files = await fileViewsById(db, apps.flatMap(attachmentIds))
  return Promise.all(apps.map((a) => applicationView(db, a, true, files)))
}

/**
 * The applicant's files by where they came from, each once. Filed: uploaded before the application was (an upload
 * always precedes the step that lists it) — and listed there even when an answer sends it again. The current answer
 * names its own files; anything else later came with an earlier answer (which is not kept once the next request
 * replaces it).
 */
function filesByOrigin(app: ApplicationDoc, docs: Map<string, FileDoc>): ReviewView['files'] {
  const inAnswer = new Set(app.supplement?.answerAttachments ?? [])
  const files: ReviewView['files'] = { filed: [], answer: [], earlierAnswers: [], answerAlsoFiled: 0 }
  for (const id of attachmentIds(app)) {
    const doc = docs.get(id)
    if (!doc) continue
    if (doc.createdAt <= app.createdAt) {
      files.filed.push(fileView(doc))
      if (inAnswer.has(id)) files.answerAlsoFiled++
    } else (inAnswer.has(id) ? files.answer : files.earlierAnswers).push(fileView(doc))
  }
  return files
}

export async function reviewView(db: Database, app: ApplicationDoc, applicant: UserDoc | null): Promise<ReviewView> {
  const p = applicant?.profile
  const ids = attachmentIds(app)
  const { data } = ids.length ? await db.collection(FILES).where({ _id: db.command.in(ids) }).limit(1000).get() : { data: [] }
  const docs = new Map((data as FileDoc[]).map((f) => [f._id, f]))
  return {
    ...(await applicationView(db, app, false, new Map([...docs].map(([id, f]) => [id, fileView(f)])))),
    files: filesByOrigin(app, docs),
    applicant: {
      name: p?.realName ?? app.applicantName,
      idNumberMasked: p?.idNumberMasked ?? '',
      mobile: p?.mobile ?? '',
      occupation: p?.occupation ?? '',
      platform: p?.platform ?? '',
      regionLabel: regionLabel(app.district),
    },
  }
}

export function queueRow(app: ApplicationDoc, now: Date): QueueRow {
  return {
    id: app._id,
    caseNo: app.caseNo,
    kind: app.kind,
    status: app.status,
    applicantName: app.applicantName,
    regionLabel: regionLabel(app.district),
    dueAt: app.dueAt?.toISOString() ?? null,
    overdue: !!app.dueAt && app.dueAt < now,
    urgent: app.urgent,
    summary: app.summary,
  }
}
