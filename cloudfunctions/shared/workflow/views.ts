import type { ApplicationView, DecisionView, QueueRow, ReviewView, Status, TimelineEntry } from '~types/application.schema'
import { regionLabel } from '~types/regions'
import { AUDIT } from '../audit/audit'
import type { Database } from '../core/context'
import { FILES, fileView, type FileDoc, type FileView } from '../storage/file.doc'
import { fileViewsById } from '../storage/files'
import { USERS, type UserDoc } from '../user/user.doc'
import { findUserById } from '../user/user.repository'
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

/** An audit line of an application as a trail entry; the reviewers' carries the staff member's name. */
function auditEntry(a: AuditDoc, names: Map<string, string>): TimelineEntry {
  const isStaff = a.actorRole === 'staff' || a.actorRole === 'admin'
  const name = isStaff && a.actorId ? names.get(a.actorId) : undefined
  return {
    at: a.at.toISOString(),
    step: a.action.replace('application.', '') as TimelineEntry['step'],
    actorRole: a.actorRole === 'admin' ? 'staff' : a.actorRole,
    ...(name ? { actorName: name } : {}),
    from: a.from,
    to: a.to,
    ...(a.note ? { note: a.note } : {}),
  }
}

/** The audit lines as the trail: the applicant sees the steps that concern them, the reviewers see who took each. */
async function trailFromAudit(db: Database, lines: AuditDoc[], forApplicant: boolean): Promise<TimelineEntry[]> {
  const shown = lines.filter((a) => !forApplicant || a.visibleToApplicant !== false)
  const isStaff = (a: AuditDoc) => a.actorRole === 'staff' || a.actorRole === 'admin'
  const names = forApplicant ? new Map<string, string>() : await staffNames(db, shown.filter(isStaff).flatMap((a) => a.actorId ?? []))
  return shown.map((a) => auditEntry(a, names))
}

/**
 * The trail of one application from the audit collection, oldest first — for an application without a complete
 * trail of its own (filed before `timeline` existed). For the reviewers (`forApplicant` false) each staff step
 * names who took it — the names of all of them in one query.
 */
export async function timelineOf(db: Database, appId: string, forApplicant: boolean): Promise<TimelineEntry[]> {
  const { data } = await db.collection(AUDIT).where({ targetId: appId, targetType: 'application' }).orderBy('at', 'asc').limit(200).get()
  return trailFromAudit(db, data as AuditDoc[], forApplicant)
}

/**
 * The application's own trail, if it holds every step: one entry per version (each step adds one and moves the
 * version; the reveals of the ID number add one each and leave it). A step taken without appending — by an earlier
 * release, during a deploy — leaves it short: such an application is read from the audit lines, as one filed
 * before the trail existed is. Null: read the audit.
 */
export function storedTimeline(app: ApplicationDoc, forApplicant: boolean): TimelineEntry[] | null {
  const steps = app.timeline
  if (!Array.isArray(steps) || steps.filter((e) => e.step !== 'revealId').length !== app.version) return null
  return steps
    .filter((e) => !forApplicant || e.visibleToApplicant)
    .map((e) => ({
      at: e.at.toISOString(),
      step: e.step,
      actorRole: e.actorRole,
      // The applicant reads 工作人员, never a name.
      ...(e.actorName && !forApplicant ? { actorName: e.actorName } : {}),
      from: e.from,
      to: e.to,
      ...(e.note ? { note: e.note } : {}),
    }))
}

/** The trail of an application: its own, or (filed before it had one) from the audit lines. */
export async function timelineFor(db: Database, app: ApplicationDoc, forApplicant: boolean): Promise<TimelineEntry[]> {
  return storedTimeline(app, forApplicant) ?? timelineOf(db, app._id, forApplicant)
}

/** The applicant's trails of several applications without one of their own: one audit query for all of them. */
async function applicantTimelinesFromAudit(db: Database, appIds: string[]): Promise<Map<string, TimelineEntry[]>> {
  if (!appIds.length) return new Map()
  const LIMIT = 1000
  const { data } = await db.collection(AUDIT).where({ targetId: db.command.in(appIds), targetType: 'application' }).orderBy('at', 'asc').limit(LIMIT).get()
  if (data.length >= LIMIT) {
    // More lines than one answer holds (not seen in practice): each application on its own, as before.
    return new Map(await Promise.all(appIds.map(async (id) => [id, await timelineOf(db, id, true)] as const)))
  }
  const byApp = new Map<string, AuditDoc[]>(appIds.map((id) => [id, []]))
  for (const line of data as (AuditDoc & { targetId: string })[]) byApp.get(line.targetId)?.push(line)
  const out = new Map<string, TimelineEntry[]>()
  for (const [id, lines] of byApp) out.set(id, await trailFromAudit(db, lines, true))
  return out
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

/**
 * `files`: the attachments already looked up (applicationViews does it once for a whole list); `timeline`: the
 * trail already read. What is not given is read — the files in one query, the trail only for an application
 * without one of its own — side by side.
 */
export async function applicationView(
  db: Database,
  app: ApplicationDoc,
  forApplicant = true,
  files?: Map<string, FileView>,
  timeline?: TimelineEntry[],
): Promise<ApplicationView> {
  const ids = attachmentIds(app)
  const [byId, trail] = await Promise.all([files ?? fileViewsById(db, ids), timeline ?? timelineFor(db, app, forApplicant)])
  return applicationViewOf(app, byId, trail)
}

/** The view from what has been read: the application, its files by id, its trail. */
export function applicationViewOf(app: ApplicationDoc, byId: Map<string, FileView>, timeline: TimelineEntry[]): ApplicationView {
  const ids = attachmentIds(app)
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
    timeline,
  }
}

/**
 * An applicant's list (我的申请): the files of all the applications in one query; the trails from the applications
 * themselves — only those filed before they had one are read from the audit lines, in one query for all of them.
 */
export async function applicationViews(db: Database, apps: ApplicationDoc[]): Promise<ApplicationView[]> {
  const stored = apps.map((a) => storedTimeline(a, true))
  const [files, fromAudit] = await Promise.all([
    fileViewsById(db, apps.flatMap(attachmentIds)),
    applicantTimelinesFromAudit(db, apps.filter((_, i) => !stored[i]).map((a) => a._id)),
  ])
  return apps.map((a, i) => applicationViewOf(a, files, stored[i] ?? fromAudit.get(a._id) ?? []))
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

/**
 * What the reviewers see of an application: the applicant as on file now, the files (with where each came from) and
 * the trail with names — the applicant and the files read side by side, the trail from the application itself
 * (from the audit lines only for one filed before it had its own).
 */
export async function reviewView(db: Database, app: ApplicationDoc): Promise<ReviewView> {
  const ids = attachmentIds(app)
  const [applicant, { data }, timeline] = await Promise.all([
    findUserById(db, app.applicantId),
    ids.length ? db.collection(FILES).where({ _id: db.command.in(ids) }).limit(1000).get() : { data: [] },
    timelineFor(db, app, false),
  ])
  const p = applicant?.profile
  const docs = new Map((data as FileDoc[]).map((f) => [f._id, f]))
  return {
    ...applicationViewOf(app, new Map([...docs].map(([id, f]) => [id, fileView(f)])), timeline),
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
