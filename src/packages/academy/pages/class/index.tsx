import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AttendanceInput, CreditsInput, IssueInput, formatCredits, sessionsToComplete, type RosterRow, type RosterView, type SessionView } from '~types/academy.schema'
import type { FieldErrors } from '~types/errors'
import { inZone } from '~types/time'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { ConsentToggle } from '../../../../components/consent-toggle'
import { DeskPage } from '../../../../components/desk-page'
import { FieldError } from '../../../../components/field-error'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { academyDistricts, creditsToTenths } from '../../lib/staff'
import { OFFER_STATUS_WORDS, attendanceWords, levelWord, rosterStateWords, sessionShort, sessionWords, staffSeatWords, typeWord } from '../../lib/words'
import '../../lib/academy.scss'
import '../../lib/staff.scss'

/** Those whose attendance and credits count: admitted (enrolled) or already completed. */
const active = (r: RosterRow) => r.state === 'enrolled' || r.state === 'completed'

/** 班级 (?id=): the class list, attendance per session, credits, no-shows, completion and certificates. */
export default function ClassPage() {
  const session = useGuard()
  const { params } = useRouter()
  const id = params.id ?? ''
  const allowed = !!session.user?.ready && academyDistricts(session.user).length > 0
  const roster = useRemote(() => api.academy.roster({ offerId: id }), allowed && !!id)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="班级只对学院工作人员开放">您没有江海新才学院的工作权限。</NoAccess>
  return (
    <DeskPage title="班级">
      <LoadState data={roster.data} error={roster.error} onRetry={() => void roster.reload()} loadingText="正在读取学员名单…">
        {(view) => <ClassView view={view} reload={() => roster.reload()} replace={(v) => roster.setData(() => v)} />}
      </LoadState>
    </DeskPage>
  )
}

function ClassView({ view, reload, replace }: { view: RosterView; reload: () => Promise<void>; replace: (v: RosterView) => void }) {
  const o = view.offer
  const names = new Map(view.rows.map((r) => [r.enrolmentId, r.name]))
  const nameOf = (id: string) => names.get(id) ?? '（不在名单上）'
  return (
    <>
      <View className="academy-card staff-class-head">
        <Text className="offer__type">{`${typeWord(o)}${o.skillLevel ? ` · ${levelWord(o.skillLevel)}` : ''}`}</Text>
        <Text className="offer__title">{o.title}</Text>
        <Text className="offer__line offer__line--strong">{OFFER_STATUS_WORDS[o.status]}</Text>
        <Text className="offer__line">{`${staffSeatWords(o)} · 共 ${o.sessions.length} 次课 · 报名截止 ${o.enrolUntil}`}</Text>
        <View className="academy-card__links">
          <View className="link" role="button" onClick={() => void Taro.navigateTo({ url: `${routes.academyEdit}?id=${o.id}` })}>
            编辑课程 ›
          </View>
        </View>
      </View>

      <Roster view={view} replace={replace} />
      {o.sessions.length ? <AttendanceForm view={view} reload={reload} /> : null}
      {o.type === 'diploma' ? <CreditsForm view={view} reload={reload} nameOf={nameOf} /> : null}
      {o.type !== 'diploma' ? <CompleteForm view={view} reload={reload} nameOf={nameOf} /> : null}
      {o.type !== 'diploma' ? <IssueForm view={view} reload={reload} nameOf={nameOf} /> : null}
    </>
  )
}

const MARK_WORDS = { present: '✓ 到', absent: '× 缺' } as const

function Roster({ view, replace }: { view: RosterView; replace: (v: RosterView) => void }) {
  const { offer: o, rows } = view
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const noShow = async (r: RosterRow) => {
    const { confirm } = await Taro.showModal({
      title: `${r.name} 未到课？`,
      content: '标记后这位学员退出本课程，名额让给候补第一位（会通知双方）。这一步不能撤回。',
      confirmText: '确认未到课',
      cancelText: '不标记',
    })
    if (!confirm) return
    setBusy(r.enrolmentId)
    setProblem(undefined)
    try {
      replace(await api.academy.markNoShow({ enrolmentId: r.enrolmentId }, { requestId: newRequestId() }))
      void Taro.showToast({ title: '已标记未到课', icon: 'success' })
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(undefined)
    }
  }
  const counts = {
    active: rows.filter(active).length,
    seated: rows.filter((r) => r.state === 'seated').length,
    waiting: rows.filter((r) => r.state === 'waitlisted').length,
  }
  return (
    <View className="desk-page__section" role="region" aria-label="学员名单">
      <Text className="section-title">{`学员名单（${rows.length} 人）`}</Text>
      <Text className="academy__count">{`已录取或结业 ${counts.active} 人 · 待审核 ${counts.seated} 人 · 候补 ${counts.waiting} 人`}</Text>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      {rows.length === 0 ? (
        <View className="load-state load-state--empty">
          <Text className="load-state__title">还没有人报名</Text>
        </View>
      ) : (
        <View className="staff-roster" role="list" aria-label="学员">
          {rows.map((r) => (
            <View key={r.enrolmentId} className={`academy-card staff-row staff-row--${r.state}`} role="listitem" aria-label={r.name}>
              <View className="offer__top">
                <View>
                  <Text className="staff-row__name">{r.name}</Text>
                  <Text className="offer__line">{`报名编号 ${r.caseNo}`}</Text>
                </View>
                <Text className={`offer__state offer__state--${r.state}`}>{rosterStateWords(r)}</Text>
              </View>
              {o.sessions.length && r.state !== 'waitlisted' ? (
                <>
                  <Text className="offer__line">{attendanceWords(r, o.sessions)}</Text>
                  <View className="staff-marks" aria-label={`${r.name}的出勤`}>
                    {o.sessions.map((s, i) => (
                      <Text key={s.id} className={`staff-mark staff-mark--${r.attendance[s.id] ?? 'none'}`}>
                        {`${i + 1}. ${r.attendance[s.id] ? MARK_WORDS[r.attendance[s.id]] : '— 未记'}`}
                      </Text>
                    ))}
                  </View>
                </>
              ) : null}
              {o.type === 'diploma' ? <Text className="offer__line">{`已修 ${formatCredits(r.creditsEarned)} 学分${o.diploma ? ` / 毕业要 ${formatCredits(o.diploma.creditsRequired)} 学分` : ''}`}</Text> : null}
              {o.type !== 'diploma' ? <Text className="offer__line">{r.certificateId ? `证书编号 ${r.certificateId}` : '未发证'}</Text> : null}
              <View className="staff-actions">
                <View className="link" role="link" onClick={() => void Taro.navigateTo({ url: `${routes.workbenchDetail}?id=${r.applicationId}` })}>
                  查看报名申请 ›
                </View>
                {r.state === 'seated' || r.state === 'enrolled' ? (
                  <ActionButton compact variant="danger" busy={busy === r.enrolmentId} busyText="正在标记…" onClick={() => void noShow(r)}>
                    未到课
                  </ActionButton>
                ) : null}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** The session to mark first: the earliest one with someone not yet marked. */
function firstOpenSession(view: RosterView): SessionView {
  const rows = view.rows.filter(active)
  return view.offer.sessions.find((s) => rows.some((r) => !r.attendance[s.id])) ?? view.offer.sessions[0]
}

function AttendanceForm({ view, reload }: { view: RosterView; reload: () => Promise<void> }) {
  const sessions = view.offer.sessions
  const rows = view.rows.filter(active)
  const [sessionId, setSessionId] = useState(() => firstOpenSession(view).id)
  const marked = (sid: string) => rows.filter((r) => r.attendance[sid] === 'present').map((r) => r.enrolmentId)
  const [present, setPresent] = useState<string[]>(() => marked(sessionId))
  const saving = useAction(AttendanceInput, (input, opts) => api.academy.recordAttendance(input, opts))
  const [result, setResult] = useState<string>()
  // Another session picked: its own marks, as recorded.
  const pick = (sid: string) => {
    setSessionId(sid)
    setPresent(marked(sid))
    setResult(undefined)
    saving.reset()
  }
  const idx = sessions.findIndex((s) => s.id === sessionId)
  const s = sessions[idx] ?? sessions[0]
  const waiting = view.rows.filter((r) => r.state === 'seated').length
  const send = async () => {
    setResult(undefined)
    const out = await saving.run({ offerId: view.offer.id, sessionId: s.id, present, absent: rows.map((r) => r.enrolmentId).filter((e) => !present.includes(e)) })
    if (!out) return
    setResult(`已记录第 ${idx + 1} 次课：到课 ${present.length} 人，缺课 ${rows.length - present.length} 人${out.skipped ? `；${out.skipped} 人不在录取名单上，没有记` : ''}。`)
    void Taro.showToast({ title: '出勤已记录', icon: 'success' })
    await reload()
  }
  return (
    <View className="desk-page__section staff-panel" role="region" aria-label="记出勤">
      <Text className="section-title">记出勤</Text>
      <ChipGroup label="哪一次课" options={sessions.map((x, i) => ({ value: x.id, label: sessionShort(x, i) }))} value={s.id} onChange={pick} error={saving.errors.sessionId} />
      <Text className="page__lead">{sessionWords(s)}</Text>
      {rows.length === 0 ? (
        <Text className="page__lead">{`还没有录取的学员。${waiting ? `有 ${waiting} 人占了名额待审核，在工作台批准后才能记出勤。` : ''}`}</Text>
      ) : (
        <>
          <Text className="page__lead">勾选来了的学员，没勾的记为缺课。</Text>
          <View className="staff-actions">
            <ActionButton compact variant="secondary" onClick={() => setPresent(rows.map((r) => r.enrolmentId))}>
              全部到课
            </ActionButton>
            <ActionButton compact variant="secondary" onClick={() => setPresent([])}>
              全部清空
            </ActionButton>
          </View>
          <View className="staff-ticks" role="group" aria-label={`第 ${idx + 1} 次课到课的学员`}>
            {rows.map((r) => (
              <ConsentToggle key={r.enrolmentId} checked={present.includes(r.enrolmentId)} onChange={(on) => setPresent(on ? [...present, r.enrolmentId] : present.filter((e) => e !== r.enrolmentId))}>
                {`${r.name}${r.attendance[s.id] ? `（已记：${r.attendance[s.id] === 'present' ? '到课' : '缺课'}）` : ''}`}
              </ConsentToggle>
            ))}
          </View>
          <FieldError message={saving.errors.present ?? saving.errors.absent} />
          {saving.problem ? <Notice kind="warn">{saving.problem}</Notice> : null}
          {result ? (
            <View className="staff-result" role="status">
              <Text className="staff-result__line">{`✓ ${result}`}</Text>
            </View>
          ) : null}
          <ActionButton busy={saving.busy} busyText="正在记录…" onClick={() => void send()}>
            {`记录第 ${idx + 1} 次课的出勤（到 ${present.length} 人，缺 ${rows.length - present.length} 人）`}
          </ActionButton>
        </>
      )}
    </View>
  )
}

function CreditsForm({ view, reload, nameOf }: { view: RosterView; reload: () => Promise<void>; nameOf: (id: string) => string }) {
  const rows = view.rows.filter(active)
  const years = view.offer.diploma?.years ?? 1
  const [module, setModule] = useState('')
  const [yearNo, setYearNo] = useState('1')
  const [credits, setCredits] = useState<Record<string, string>>({})
  const [sentIds, setSentIds] = useState<string[]>([])
  const saving = useAction(CreditsInput, (input, opts) => api.academy.recordCredits(input, opts))
  const [result, setResult] = useState<string>()
  const send = async () => {
    setResult(undefined)
    const typos: FieldErrors = {}
    const sent: { enrolmentId: string; credits: number }[] = []
    for (const r of rows) {
      const text = credits[r.enrolmentId]?.trim()
      if (!text) continue
      const tenths = creditsToTenths(text)
      if (tenths === null) typos[`row.${r.enrolmentId}`] = '学分请填数字，最多一位小数，如 3 或 2.5'
      else sent.push({ enrolmentId: r.enrolmentId, credits: tenths })
    }
    if (Object.keys(typos).length) return saving.fail(typos)
    setSentIds(sent.map((x) => x.enrolmentId))
    const out = await saving.run({ offerId: view.offer.id, module, yearNo: Number(yearNo), rows: sent })
    if (!out) return
    setResult(`已给 ${out.recorded} 人记“${module.trim()}”的学分${out.skipped.length ? `；没有记上：${out.skipped.map(nameOf).join('、')}（不在录取名单上）` : ''}。同一门课再记一次会改成新的学分，不会重复累加。`)
    setCredits({})
    void Taro.showToast({ title: '学分已记录', icon: 'success' })
    await reload()
  }
  // A server error on `rows.N.credits` names the N-th row sent.
  const rowError = (id: string) => saving.errors[`row.${id}`] ?? (sentIds.includes(id) ? saving.errors[`rows.${sentIds.indexOf(id)}.credits`] : undefined)
  return (
    <View className="desk-page__section staff-panel" role="region" aria-label="记学分">
      <Text className="section-title">记学分</Text>
      {rows.length === 0 ? (
        <Text className="page__lead">还没有录取的学员：在工作台批准报名后才能记学分。</Text>
      ) : (
        <>
          <TextField label="课程（模块）名称" placeholder="如 物流管理概论" maxlength={40} value={module} onChange={setModule} error={saving.errors.module} />
          <ChipGroup label="第几学年" options={Array.from({ length: years }, (_v, i) => ({ value: String(i + 1), label: `第 ${i + 1} 学年` }))} value={yearNo} onChange={setYearNo} error={saving.errors.yearNo} />
          <Text className="page__lead">每位学员这门课得的学分（没考或没过的空着）：</Text>
          {rows.map((r) => (
            <TextField
              key={r.enrolmentId}
              label={`${r.name}（已修 ${formatCredits(r.creditsEarned)} 学分）`}
              placeholder="如 3 或 2.5"
              maxlength={6}
              value={credits[r.enrolmentId] ?? ''}
              onChange={(v) => setCredits({ ...credits, [r.enrolmentId]: v })}
              error={rowError(r.enrolmentId)}
            />
          ))}
          <FieldError message={saving.errors.rows} />
          {saving.problem ? <Notice kind="warn">{saving.problem}</Notice> : null}
          {result ? (
            <View className="staff-result" role="status">
              <Text className="staff-result__line">{`✓ ${result}`}</Text>
            </View>
          ) : null}
          <ActionButton busy={saving.busy} busyText="正在记录…" onClick={() => void send()}>
            记录学分
          </ActionButton>
        </>
      )}
    </View>
  )
}

interface Completion {
  completed: string[]
  notYet: { enrolmentId: string; attended: number }[]
  sessionsNeeded: number
}

function CompleteForm({ view, reload, nameOf }: { view: RosterView; reload: () => Promise<void>; nameOf: (id: string) => string }) {
  const o = view.offer
  const [pct, setPct] = useState<number>()
  useEffect(() => {
    api.academy.rules({ district: o.district }).then((r) => setPct(r.completionAttendancePct), () => undefined)
  }, [o.district])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const [result, setResult] = useState<Completion>()
  const enrolled = view.rows.filter((r) => r.state === 'enrolled').length
  const need = pct === undefined ? null : sessionsToComplete(o.sessions.length, pct)
  const complete = async () => {
    const { confirm } = await Taro.showModal({
      title: '按出勤结业？',
      content: `已录取的 ${enrolled} 位学员中，出勤${need === null ? '达到本区县标准' : `至少 ${need} 次`}的结业；不够的留在名单上，以后补记出勤后可以再结业。`,
      confirmText: '结业',
      cancelText: '再等等',
    })
    if (!confirm) return
    setBusy(true)
    setProblem(undefined)
    try {
      setResult(await api.academy.completeCourse({ offerId: o.id }, { requestId: newRequestId() }))
      void Taro.showToast({ title: '已结业', icon: 'success' })
      await reload()
    } catch (e) {
      setProblem(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="desk-page__section staff-panel" role="region" aria-label="结业">
      <Text className="section-title">结业</Text>
      <Text className="page__lead">
        {`共 ${o.sessions.length} 次课${need === null ? '' : `，出勤至少 ${need} 次（本区县标准 ${pct}%）`}的已录取学员可以结业。现在已录取未结业的有 ${enrolled} 人。`}
      </Text>
      {problem ? <Notice kind="warn">{problem}</Notice> : null}
      {result ? (
        <View className="staff-result" role="status">
          <Text className="staff-result__line">{result.completed.length ? `✓ 结业 ${result.completed.length} 人：${result.completed.map(nameOf).join('、')}` : '这次没有新结业的学员'}</Text>
          {result.notYet.length ? (
            <Text className="staff-result__line">{`⚠ 出勤不够（要 ${result.sessionsNeeded} 次），暂不结业 ${result.notYet.length} 人：${result.notYet.map((n) => `${nameOf(n.enrolmentId)}（到课 ${n.attended} 次）`).join('、')}`}</Text>
          ) : null}
        </View>
      ) : null}
      <ActionButton variant={enrolled ? 'primary' : 'secondary'} disabled={!enrolled} busy={busy} busyText="正在结业…" onClick={() => void complete()}>
        {enrolled ? '按出勤结业' : '没有待结业的学员'}
      </ActionButton>
    </View>
  )
}

function IssueForm({ view, reload, nameOf }: { view: RosterView; reload: () => Promise<void>; nameOf: (id: string) => string }) {
  const contest = view.offer.type === 'contest'
  const candidates = view.rows.filter((r) => !r.certificateId && (contest ? active(r) : r.state === 'completed'))
  const [picked, setPicked] = useState<string[]>([])
  const [issuedOn, setIssuedOn] = useState(() => inZone(new Date()).format('YYYY-MM-DD'))
  const saving = useAction(IssueInput, (input, opts) => api.academy.issueCertificates(input, opts))
  const [result, setResult] = useState<{ issued: { name: string; number: string }[]; skipped: { enrolmentId: string; reason: string }[] }>()
  const send = async () => {
    setResult(undefined)
    const out = await saving.run({ offerId: view.offer.id, enrolmentIds: picked, issuedOn: issuedOn.trim() })
    if (!out) return
    setPicked([])
    await reload()
    setResult({ issued: out.issued.map(({ enrolmentId, number }) => ({ number, name: nameOf(enrolmentId) })), skipped: out.skipped })
    void Taro.showToast({ title: `已发 ${out.issued.length} 张证书`, icon: 'success' })
  }
  return (
    <View className="desk-page__section staff-panel" role="region" aria-label="发证">
      <Text className="section-title">发证</Text>
      <Text className="page__lead">
        {contest ? '竞赛和岗前课：勾选获奖或合格的已录取学员。' : '技能培训：结业的学员可以发职业技能等级证书，编号自动生成。'}
        {view.offer.skillLevel ? `证书等级：${levelWord(view.offer.skillLevel)}。` : ''}
      </Text>
      {result ? (
        <View className="staff-result" role="status" aria-label="发证结果">
          {result.issued.length ? <Text className="staff-result__line">{`✓ 已发 ${result.issued.length} 张证书：`}</Text> : <Text className="staff-result__line">这次没有发出证书</Text>}
          {result.issued.map((c) => (
            <Text key={c.number} className="staff-result__line staff-result__number">{`${c.name ? `${c.name}：` : ''}${c.number}`}</Text>
          ))}
          {result.skipped.map((s) => (
            <Text key={s.enrolmentId} className="staff-result__line">{`⚠ 没有发给 ${nameOf(s.enrolmentId)}：${s.reason}`}</Text>
          ))}
        </View>
      ) : null}
      {candidates.length === 0 ? (
        <Text className="page__lead">
          {view.rows.some((r) => r.certificateId) && !view.rows.some((r) => (contest ? active(r) : r.state === 'completed') && !r.certificateId)
            ? `${contest ? '选中的学员' : '结业的学员'}都已发证。${contest ? '' : '还没结业的，补记出勤、结业后再发。'}`
            : contest
              ? '没有待发证的已录取学员。'
              : '还没有结业的学员：先记出勤，再点上面的“按出勤结业”。'}
        </Text>
      ) : (
        <>
          <View className="staff-actions">
            <ActionButton compact variant="secondary" onClick={() => setPicked(candidates.map((r) => r.enrolmentId))}>
              全选
            </ActionButton>
            <ActionButton compact variant="secondary" onClick={() => setPicked([])}>
              全部清空
            </ActionButton>
          </View>
          <View className="staff-ticks" role="group" aria-label="发证的学员">
            {candidates.map((r) => (
              <ConsentToggle key={r.enrolmentId} checked={picked.includes(r.enrolmentId)} onChange={(on) => setPicked(on ? [...picked, r.enrolmentId] : picked.filter((e) => e !== r.enrolmentId))}>
                {`${r.name}（${rosterStateWords(r)}）`}
              </ConsentToggle>
            ))}
          </View>
          <FieldError message={saving.errors.enrolmentIds} />
          <TextField label="发证日期" placeholder="如 2026-12-20" maxlength={12} value={issuedOn} onChange={setIssuedOn} error={saving.errors.issuedOn} hint="不能晚于今天；编号里的年份按这个日期" />
          {saving.problem && !Object.keys(saving.errors).length ? <Notice kind="warn">{saving.problem}</Notice> : null}
          <ActionButton busy={saving.busy} busyText="正在发证…" onClick={() => void send()}>
            {`发证（${picked.length} 人）`}
          </ActionButton>
        </>
      )}
    </View>
  )
}
