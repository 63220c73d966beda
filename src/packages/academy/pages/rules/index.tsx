import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type * as z from 'zod/mini'
import { HONOUR_TIER_LABELS, SKILL_LEVELS, SKILL_LEVEL_LABELS, SetRulesInput } from '~types/academy.schema'
import { HONOUR_TIERS, type AcademyRules } from '../../../../../config/academy'
import type { FieldErrors } from '~types/errors'
import { fenToYuanText, formatFen, yuanToFen } from '~types/money'
import { regionLabel } from '~types/regions'
import { api } from '../../../../api/client'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { TextField } from '../../../../components/text-field'
import { useAction } from '../../../../hooks/use-action'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { academyDistricts, wholeNumber } from '../../lib/staff'
import '../../lib/academy.scss'
import '../../lib/staff.scss'

interface RulesDraft {
  rate: Record<string, string>
  cap: Record<string, string>
  shortage: { key: string; occupation: string; pct: string }[]
  windowMonths: string
  claimsPerYear: string
  completionPct: string
}

let rowKeys = 0

function toDraft(r: AcademyRules): RulesDraft {
  return {
    rate: Object.fromEntries(HONOUR_TIERS.map((t) => [t, String(r.tuitionRatePct[t])])),
    cap: Object.fromEntries(SKILL_LEVELS.map((l) => [String(l), r.skillCapFen[l] === undefined ? '' : fenToYuanText(r.skillCapFen[l]!)])),
    shortage: Object.entries(r.shortageUpliftPct).map(([occupation, pct]) => ({ key: `r${++rowKeys}`, occupation, pct: String(pct) })),
    windowMonths: String(r.skillWindowMonths),
    claimsPerYear: String(r.skillClaimsPerYear),
    completionPct: String(r.completionAttendancePct),
  }
}

/** 补贴标准: one of the caller's districts' subsidy rates, caps and windows (setRules is audited on the server). */
export default function RulesPage() {
  const session = useGuard()
  const districts = academyDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const [district, setDistrict] = useState('')
  const chosen = district || districts[0] || ''
  const rules = useRemote(() => api.academy.rules({ district: chosen }), allowed)
  useEffect(() => {
    if (allowed && district) void rules.reload()
  }, [district])
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="补贴标准只对学院工作人员开放">您没有江海新才学院的工作权限。</NoAccess>
  return (
    <DeskPage title="补贴标准" lead="学费补贴比例、技能提升补贴上限和申请期限。改动马上用于新的申请；每次修改都记入审计日志。">
      {districts.length > 1 ? <ChipGroup label="区县" options={districts.map((d) => ({ value: d, label: regionLabel(d) }))} value={chosen} onChange={setDistrict} /> : <Text className="section-title">{regionLabel(chosen)}</Text>}
      <LoadState data={rules.data} error={rules.error} onRetry={() => void rules.reload()} loadingText="正在读取补贴标准…">
        {(r) => <RulesForm key={chosen} userId={session.user!.id} district={chosen} rules={r} onSaved={(next) => rules.setData(() => next)} />}
      </LoadState>
    </DeskPage>
  )
}

function RulesForm({ userId, district, rules, onSaved }: { userId: string; district: string; rules: AcademyRules; onSaved: (r: AcademyRules) => void }) {
  const [d, update, clear] = useDraft<RulesDraft>(`${DRAFT_PREFIX}academy.staff.rules.${userId}.${district}`, () => toDraft(rules))
  const saving = useAction(SetRulesInput, (input, opts) => api.academy.setRules(input, opts))
  const errors: FieldErrors = saving.errors
  const save = async () => {
    const typos: FieldErrors = {}
    const skillCapFen: Record<string, number> = {}
    for (const l of SKILL_LEVELS) {
      const text = d.cap[String(l)] ?? ''
      if (!text.trim()) continue
      const fen = yuanToFen(text)
      if (fen.ok) skillCapFen[l] = fen.fen
      else typos[`skillCapFen.${l}`] = fen.error
    }
    const shortageUpliftPct: Record<string, number> = {}
    d.shortage.forEach((row, i) => {
      const name = row.occupation.trim()
      if (!name && !row.pct.trim()) return
      if (name.length < 2) typos[`shortage.${i}`] = '请填写职业名称（至少 2 个字）'
      else if (name in shortageUpliftPct) typos[`shortage.${i}`] = '这个职业上面已经填过了'
      else shortageUpliftPct[name] = wholeNumber(row.pct) as number
    })
    if (Object.keys(typos).length) return saving.fail(typos)
    const input: z.input<typeof SetRulesInput> = {
      district,
      tuitionRatePct: Object.fromEntries(HONOUR_TIERS.map((t) => [t, wholeNumber(d.rate[t] ?? '')])) as z.input<typeof SetRulesInput>['tuitionRatePct'],
      skillCapFen,
      shortageUpliftPct,
      skillWindowMonths: wholeNumber(d.windowMonths) as number,
      skillClaimsPerYear: wholeNumber(d.claimsPerYear) as number,
      completionAttendancePct: wholeNumber(d.completionPct) as number,
    }
    const out = await saving.run(input)
    if (!out) return
    clear()
    onSaved(out)
    void Taro.showToast({ title: '补贴标准已保存', icon: 'success' })
  }
  const shortageError = (i: number, occupation: string) => errors[`shortage.${i}`] ?? errors[`shortageUpliftPct.${occupation.trim()}`]
  const hasErrors = Object.keys(errors).length > 0
  return (
    <View className="staff-form" role="form" aria-label="补贴标准">
      <View className="staff-fieldset" role="group" aria-label="学费补贴比例">
        <Text className="section-title">学费补贴比例（学历教育）</Text>
        <Text className="page__lead">每学年学分修满后，按实际交的学费乘以比例补贴，不超过实际交的学费。</Text>
        <View className="staff-grid">
          {HONOUR_TIERS.map((t) => (
            <TextField key={t} label={`${HONOUR_TIER_LABELS[t]}（%）`} type="number" maxlength={3} placeholder="0–100" value={d.rate[t] ?? ''} onChange={(v) => update({ rate: { ...d.rate, [t]: v } })} error={errors[`tuitionRatePct.${t}`]} />
          ))}
        </View>
      </View>
      <View className="staff-fieldset" role="group" aria-label="技能提升补贴上限">
        <Text className="section-title">技能提升补贴上限（每张证书）</Text>
        <Text className="page__lead">空着的等级没有补贴。</Text>
        <View className="staff-grid">
          {SKILL_LEVELS.map((l) => (
            <TextField
              key={l}
              label={`${SKILL_LEVEL_LABELS[l]}（元）`}
              placeholder="如 1500"
              maxlength={12}
              value={d.cap[String(l)] ?? ''}
              onChange={(v) => update({ cap: { ...d.cap, [String(l)]: v } })}
              error={errors[`skillCapFen.${l}`]}
              hint={rules.skillCapFen[l] === undefined ? '现在：没有补贴' : `现在：${formatFen(rules.skillCapFen[l]!)}`}
            />
          ))}
        </View>
      </View>
      <View className="staff-fieldset" role="group" aria-label="紧缺职业">
        <Text className="section-title">紧缺职业</Text>
        <Text className="page__lead">列入的职业在上限之上再加一定比例。</Text>
        {d.shortage.map((row, i) => (
          <View key={row.key} className="staff-grid staff-grid--row">
            <TextField label={`职业 ${i + 1}`} placeholder="如 快递员" maxlength={30} value={row.occupation} onChange={(occupation) => update({ shortage: d.shortage.map((x, j) => (j === i ? { ...x, occupation } : x)) })} error={shortageError(i, row.occupation)} />
            <TextField label="上浮（%）" type="number" maxlength={3} placeholder="如 20" value={row.pct} onChange={(pct) => update({ shortage: d.shortage.map((x, j) => (j === i ? { ...x, pct } : x)) })} />
            <View className="link" role="button" aria-label={`删除职业 ${i + 1}`} onClick={() => update({ shortage: d.shortage.filter((_x, j) => j !== i) })}>
              删除
            </View>
          </View>
        ))}
        <ActionButton compact variant="secondary" onClick={() => update({ shortage: [...d.shortage, { key: `r${++rowKeys}`, occupation: '', pct: '' }] })}>
          加一个紧缺职业
        </ActionButton>
      </View>
      <View className="staff-fieldset" role="group" aria-label="期限和次数">
        <Text className="section-title">期限、次数和结业标准</Text>
        <View className="staff-grid">
          <TextField label="发证后几个月内可申请（月）" type="number" maxlength={2} placeholder="如 12" value={d.windowMonths} onChange={(windowMonths) => update({ windowMonths })} error={errors.skillWindowMonths} />
          <TextField label="每人每年最多申请（次）" type="number" maxlength={2} placeholder="如 3" value={d.claimsPerYear} onChange={(claimsPerYear) => update({ claimsPerYear })} error={errors.skillClaimsPerYear} />
          <TextField label="结业要求的出勤（%）" type="number" maxlength={3} placeholder="如 80" value={d.completionPct} onChange={(completionPct) => update({ completionPct })} error={errors.completionAttendancePct} />
        </View>
      </View>
      {saving.problem || hasErrors ? (
        <View role="alert">
          <Notice kind="warn">{hasErrors ? '有几项需要修改，请看标 ⚠ 的地方' : saving.problem!}</Notice>
        </View>
      ) : null}
      <ActionButton busy={saving.busy} busyText="正在保存…" onClick={() => void save()}>
        保存补贴标准
      </ActionButton>
    </View>
  )
}
