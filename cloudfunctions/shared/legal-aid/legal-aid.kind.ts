import { KINDS } from '~types/kinds'
import type { LegalAidDecision, LegalAidPayload } from '~types/legal-aid.schema'
import { formatDateTime } from '~types/format'
import { standardMessages, type KindDefinition } from '../workflow/kind'

/**
 * Legal aid (法律援助法) as a kind of the workflow: decided within 7 working days (config/workflow.ts); an approval
 * names who takes the case and a number to call; a rejection can be contested at the district's justice bureau
 * (Art. 49). Nothing happens inside its transitions beyond the workflow's own.
 */
export const legalAidKind: KindDefinition = {
  messages: standardMessages(KINDS.legalAid, {
    received: (app) => ({
      title: '已收到您的法律援助申请',
      body: `申请编号 ${app.caseNo}。所在区县的法律援助工作人员会在 ${formatDateTime(app.decisionDueAt!)} 前作出决定${(app.payload as LegalAidPayload).hardshipExempt ? '；您的案件属于免予经济困难审查的情形' : ''}。进度可以在“我的申请”里查看。`,
    }),
    approved: (app, details) => {
      const d = details as LegalAidDecision
      return { title: '法律援助申请已批准', body: `您的申请（${app.caseNo}）已批准，由${d.agency}承办。联系电话：${d.contact}。` }
    },
    appeal: '如对这个决定有异议，可以向所在区县的司法局提出（法律援助法第四十九条）。',
  }),
}
