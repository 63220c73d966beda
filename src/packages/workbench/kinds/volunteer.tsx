import { Text } from '@tarojs/components'
import { formatDateTime } from '~types/format'
import { minutesText } from '~types/volunteer-hours'
import {
  REPORT_CATEGORY_LABELS,
  REPORT_GRADES,
  REPORT_GRADE_LABELS,
  defaultGrade,
  type ReportCategory,
  type VolunteerHoursDecision,
  type VolunteerHoursPayload,
  type VolunteerReportDecision,
  type VolunteerReportPayload,
} from '~types/volunteer.schema'
import type { MakeUpCapFields } from '~types/volunteer-task.schema'
import { ChipGroup } from '../../../components/chip-group'
import { TextField } from '../../../components/text-field'
import { Field } from '../lib/fields'
import type { ReviewKind } from './index'
import { ReportActions } from './volunteer-report-actions'

/** 随手拍 at the desk: what, where, the reporter's line; handled = a grade (its points) and the reply. */
export const volunteerReportReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<VolunteerReportPayload>
    return (
      <>
        <Field label="类别">
          <Text className="field__text">{p.category ? REPORT_CATEGORY_LABELS[p.category] : '—'}</Text>
        </Field>
        <Field label="地点">
          <Text className="field__text">{p.place?.text ?? '—'}</Text>
          {p.place?.longitude !== undefined && p.place.latitude !== undefined ? (
            <Text className="field__sub">{`经度 ${p.place.longitude.toFixed(5)}，纬度 ${p.place.latitude.toFixed(5)}`}</Text>
          ) : p.place ? (
            <Text className="field__sub">没有定位，地点是报告人写的</Text>
          ) : null}
        </Field>
        {p.note ? (
          <Field label="报告人说">
            <Text className="field__text field__text--long">{p.note}</Text>
          </Field>
        ) : null}
        {p.forwarded?.length ? (
          <Field label="已转交">
            {p.forwarded.map((f) => (
              <Text key={f.at} className="field__sub">{`${formatDateTime(f.at)} 转交${f.department}${f.note ? `：${f.note}` : ''}`}</Text>
            ))}
          </Field>
        ) : null}
      </>
    )
  },
  DecisionFields({ details }) {
    const d = details as Partial<VolunteerReportDecision>
    return (
      <Field label="处理结果">
        <Text className="field__text">{d.grade ? REPORT_GRADE_LABELS[d.grade] : ''}</Text>
        <Text className="field__text field__text--long">{d.reply ?? ''}</Text>
      </Field>
    )
  },
  ApproveFields({ values, set, bind }) {
    return (
      <>
        <ChipGroup
          label="线索类别（决定积分）"
          options={REPORT_GRADES.map((g) => ({ value: g, label: REPORT_GRADE_LABELS[g] }))}
          value={values.grade ?? ''}
          onChange={(grade) => set({ grade })}
          error={bind('details.grade', values.grade ?? '', () => undefined).error}
        />
        <TextField label="给报告人的答复" maxlength={500} hint="报告人会看到这段话，请写明怎么处理的。" {...bind('details.reply', values.reply ?? '', (reply) => set({ reply }))} />
      </>
    )
  },
  emptyApproval: (payload) => ({ grade: defaultGrade(((payload as Partial<VolunteerReportPayload>)?.category ?? 'other') as ReportCategory), reply: '' }),
  // Possible duplicates (with 按重复驳回) and 转交 beside the workflow's steps.
  ExtraActions: ReportActions,
}

/** 补录 at the desk: when, where, what, who vouches, how much of the year's cap it takes; confirm what can be vouched for. */
export const volunteerHoursReview: ReviewKind = {
  RequestFields({ view }) {
    const p = view.payload as Partial<VolunteerHoursPayload & MakeUpCapFields>
    return (
      <>
        <Field label="补录的服务">
          <Text className="field__text">{`${p.date ?? '—'} · ${p.place ?? ''} · ${typeof p.minutes === 'number' ? minutesText(p.minutes) : '—'}`}</Text>
          <Text className="field__text field__text--long">{p.what ?? ''}</Text>
          <Text className="field__sub">没有用暖新签到，由申请人自己填报：请向组织方或证明人核实</Text>
        </Field>
        <Field label="组织方或证明人">
          <Text className="field__text">{p.organiser ?? '—'}</Text>
        </Field>
        {typeof p.capMinutes === 'number' ? (
          <Field label="当年补录额度">
            <Text className="field__text">{`${p.capYear} 年最多 ${minutesText(p.capMinutes)}；这份之前已用 ${minutesText(p.usedBeforeMinutes ?? 0)}（含待审核的）`}</Text>
          </Field>
        ) : null}
      </>
    )
  },
  DecisionFields({ details }) {
    const d = details as Partial<VolunteerHoursDecision>
    return (
      <Field label="认定时长">
        <Text className="field__text">{typeof d.minutes === 'number' ? `${minutesText(d.minutes)}（补录，不折算积分）` : '—'}</Text>
      </Field>
    )
  },
  ApproveFields({ values, set, bind, payload }) {
    const claimed = (payload as Partial<VolunteerHoursPayload> | undefined)?.minutes
    return (
      <TextField
        label="认定时长（小时，按 0.5 小时）"
        placeholder="如 2 或 2.5"
        maxlength={5}
        hint={`${typeof claimed === 'number' ? `不能超过申请的 ${minutesText(claimed)}。` : '不能超过申请的时长。'}计入时长和星级，标为“补录”，不折算积分。`}
        {...bind('details.minutes', values.hours ?? '', (hours) => set({ hours }))}
      />
    )
  },
  emptyApproval: (payload) => {
    const m = (payload as Partial<VolunteerHoursPayload>)?.minutes
    return { hours: typeof m === 'number' ? String(m / 60) : '' }
  },
  // Hours as typed → whole minutes by string reading (no float): "2.5" → 150; anything else goes as typed and the
  // decision schema says what it wants.
  toDetails: (values) => {
    const m = /^\s*(\d{1,2})(?:\.(0|5))?\s*$/.exec((values.hours ?? '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
    return { minutes: m ? Number(m[1]) * 60 + (m[2] === '5' ? 30 : 0) : values.hours }
  },
}
