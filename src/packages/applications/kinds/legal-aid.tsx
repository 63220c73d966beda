import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CASE_TYPE_LABELS, PARTY_LABELS, type LegalAidDecision, type LegalAidPayload } from '~types/legal-aid.schema'
import { formatFen } from '~types/money'
import { Row } from '../lib/card'
import type { ApplicantKind } from './index'

/** A legal-aid request read back in the rider's words, and who takes the case once approved. */
export const legalAidApplicant: ApplicantKind = {
  RequestRows({ view }) {
    const p = view.payload as Partial<LegalAidPayload>
    const urgent = [p.urgent?.limitationEndsSoon ? '再过 7 天就过了打官司的期限（诉讼时效）' : '', p.urgent?.preservationNeeded ? '需要马上申请财产保全' : ''].filter(Boolean)
    return (
      <>
        <Row label="遇到的问题">
          <Text className="row__text">{p.caseType ? CASE_TYPE_LABELS[p.caseType] : '—'}</Text>
        </Row>
        <Row label="对方">
          <Text className="row__text">{p.otherParty ? `${PARTY_LABELS[p.otherParty.kind] ?? ''}：${p.otherParty.name}` : '—'}</Text>
          {p.otherParty?.contact ? <Text className="row__sub">{`联系方式：${p.otherParty.contact}`}</Text> : null}
        </Row>
        <Row label="要讨回的钱">
          <Text className="row__text">{typeof p.amountFen === 'number' && p.amountFen > 0 ? formatFen(p.amountFen) : '没有填写'}</Text>
        </Row>
        <Row label="发生了什么">
          <Text className="row__text row__text--long">{p.facts ?? '—'}</Text>
        </Row>
        <Row label="紧急情况">
          <Text className="row__text">{urgent.length ? `⚠ ${urgent.join('；')}` : '没有'}</Text>
        </Row>
        <Row label="经济困难">
          <Text className="row__text row__text--long">{p.hardshipExempt ? '不需要证明（拖欠工资、工伤赔偿）' : p.hardship ? p.hardship : '—'}</Text>
        </Row>
      </>
    )
  },
  ApprovedRows({ details }) {
    const d = details as Partial<LegalAidDecision>
    return (
      <>
        <Row label="承办机构或律师">
          <Text className="row__text">{d.agency ?? '—'}</Text>
        </Row>
        {d.contact ? (
          <Row label="联系电话">
            <View className="call" role="link" aria-label={`拨打 ${d.contact}`} onClick={() => void Taro.makePhoneCall({ phoneNumber: d.contact! })}>
              {`点这里拨打 ${d.contact}`}
            </View>
          </Row>
        ) : null}
      </>
    )
  },
  approvedNext: '已批准：请联系承办的律师',
  appeal: '如对这个决定有异议，可以向所在区县的司法局提出（法律援助法第四十九条）。',
  urgentNote: '⚠ 您标记了紧急情况，工作人员可以在作出决定前先为您提供法律援助。',
}
