import type { TimelineEntry } from './application.schema'

type StepName = TimelineEntry['step']

/** A step as staff name it — the workbench's trail, and the server's "cannot …" answers. */
export const STEP_LABELS: Record<StepName, string> = {
  submit: '提交申请',
  startReview: '开始审核',
  requestMore: '要求补充材料',
  supplement: '补充材料',
  approve: '批准',
  reject: '不予批准',
  withdraw: '撤回申请',
  expire: '逾期未补充，视为撤回',
  close: '办结',
  extend: '延长审查期限',
  revealId: '查看完整身份证号',
}

/** The same steps as the applicant reads them in 我的申请's trail. */
export const APPLICANT_STEP_WORDS: Record<StepName, string> = {
  submit: '您提交了申请',
  startReview: '工作人员开始审核',
  requestMore: '工作人员请您补充材料',
  supplement: '您补充了材料',
  approve: '申请已批准',
  reject: '申请未获批准',
  withdraw: '申请已撤回',
  expire: '逾期没有补充材料，申请视为撤回',
  close: '已办结',
  extend: '审查期限延长',
  revealId: '工作人员查看了身份证号',
}
