import { Text } from '@tarojs/components'
import { formatDateTime } from '~types/format'
import { minutesText } from '~types/volunteer-hours'
import { REPORT_CATEGORY_LABELS, REPORT_GRADE_LABELS, type VolunteerHoursDecision, type VolunteerHoursPayload, type VolunteerReportDecision, type VolunteerReportPayload } from '~types/volunteer.schema'
import { Row } from '../lib/card'
import type { ApplicantKind } from './index'

/** A 随手拍 read back to its reporter: what was reported, each department it went to, the reply and the points. */
export const volunteerReportApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<VolunteerReportPayload>
    return (
      <>
        <Row label="反映">
          <Text className="row__text">{p.category ? REPORT_CATEGORY_LABELS[p.category] : '—'}</Text>
          <Text className="row__sub">{`${p.place?.text ?? ''}${p.place && p.place.longitude === undefined ? '（没有定位）' : ''}`}</Text>
          {p.note ? <Text className="row__sub">{p.note}</Text> : null}
        </Row>
        {p.forwarded?.length ? (
          <Row label="转交">
            {p.forwarded.map((f) => (
              <Text key={f.at} className="row__sub">{`${formatDateTime(f.at).slice(5)} 已转交${f.department}处理${f.note ? `：${f.note}` : ''}`}</Text>
            ))}
          </Row>
        ) : null}
        {p.points ? (
          <Row label="积分">
            <Text className="row__text">{`+${p.points} 分（${p.grade ? REPORT_GRADE_LABELS[p.grade] : ''}）`}</Text>
          </Row>
        ) : null}
      </>
    )
  },
  ApprovedRows: ({ details }) => {
    const d = details as Partial<VolunteerReportDecision>
    return (
      <Row label="处理结果">
        <Text className="row__text">{d.reply ?? '已处理'}</Text>
      </Row>
    )
  },
  approvedNext: '已处理：积分已到账',
  appeal: '如果问题还在，可以再拍一次，或者拨打 12345 政务服务热线。',
  // A hazard report is urgent.
  urgentNote: '⚠ 安全隐患会优先处理。如果现场很危险，请先拨打 110 或 119。',
}

/** 补录 read back: what was claimed (marked as such) and what was confirmed. */
export const volunteerHoursApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<VolunteerHoursPayload>
    return (
      <Row label="补录">
        <Text className="row__text">{`${p.date ?? ''} ${typeof p.minutes === 'number' ? minutesText(p.minutes) : ''}`}</Text>
        <Text className="row__sub">{`${p.place ?? ''} · ${p.what ?? ''}`}</Text>
        <Text className="row__sub">{`证明人：${p.organiser ?? ''}。认定后计入时长和星级，标为“补录”，不折算积分`}</Text>
      </Row>
    )
  },
  ApprovedRows: ({ details }) => {
    const d = details as Partial<VolunteerHoursDecision>
    return (
      <Row label="认定">
        <Text className="row__text">{typeof d.minutes === 'number' ? `${minutesText(d.minutes)}，计入时长和星级（补录，不折算积分）` : '已认定'}</Text>
      </Row>
    )
  },
  approvedNext: '已认定：计入志愿时长（补录）',
  appeal: '如有服务签到表、组织方证明，可以补充后重新申请。',
}
