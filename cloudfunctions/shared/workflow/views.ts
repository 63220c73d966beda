import type { ApplicationView, QueueRow, ReviewView, Status, TimelineEntry } from '~types/application.schema'
import { regionLabel } from '~types/regions'
import { AUDIT } from '../audit/audit'
import type { Database } from '../core/context'
import { fileViews } from '../storage/files'
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

export async function applicationView(db: Database, app: ApplicationDoc, forApplicant = true): Promise<ApplicationView> {
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
    decision: app.decision ? { ...app.decision, at: app.decision.at.toISOString() } : null,
    payload: app.payload,
    attachments: await fileViews(db, [...new Set([...app.attachments, ...(app.supplement?.answerAttachments ?? [])])]),
    timeline: await timelineOf(db, app._id, forApplicant),
  }
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
