import type { ApplicationView, DecisionView, QueueRow, ReviewView, Status, TimelineEntry } from '~types/application.schema'
import { regionLabel } from '~types/regions'
import { AUDIT } from '../audit/audit'
import type { Database } from '../core/context'
import type { FileView } from '../storage/file.doc'
import { fileViewsById } from '../storage/files'
import type { UserDoc } from '../user/user.doc'
import type { ApplicationDoc } from './application.doc'

interface AuditDoc {
  action: string
  actorRole: TimelineEntry['actorRole'] | 'admin'
  from: Status | null
  to: Status
  note?: string
  at: Date
  visibleToApplicant?: boolean
}

/** The trail of one application, oldest first; the applicant sees the steps that concern them. */
export async function timelineOf(db: Database, appId: string, forApplicant: boolean): Promise<TimelineEntry[]> {
  const { data } = await db.collection(AUDIT).where({ targetId: appId, targetType: 'application' }).orderBy('at', 'asc').limit(200).get()
  return (data as AuditDoc[])
    .filter((a) => !forApplicant || a.visibleToApplicant !== false)
    .map((a) => ({
      at: a.at.toISOString(),
      step: a.action.replace('application.', '') as TimelineEntry['step'],
      actorRole: a.actorRole === 'admin' ? 'staff' : a.actorRole,
      from: a.from,
      to: a.to,
      ...(a.note ? { note: a.note } : {}),
    }))
}

export function clockOf(app: ApplicationDoc): ApplicationView['clock'] {
  return {
    dueAt: app.pausedWorkingDays === null && app.decisionDueAt ? app.decisionDueAt.toISOString() : null,
    pausedWithWorkingDays: app.pausedWorkingDays,
    extended: app.extended,
    provisional: app.provisional,
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

export async function reviewView(db: Database, app: ApplicationDoc, applicant: UserDoc | null): Promise<ReviewView> {
  const p = applicant?.profile
  return {
    ...(await applicationView(db, app, false)),
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
