import { fieldErrors } from './validation'
import { ApproveInput, RejectInput, SupplementInput, approveInputFor } from './application.schema'

const id = 'a'.repeat(32)

describe('review and supplement inputs', () => {
  it('a supplement may be photos alone, or words alone, but not nothing', () => {
    expect(SupplementInput.safeParse({ id, note: '', attachments: ['f_1'] }).success).toBe(true)
    expect(SupplementInput.safeParse({ id, note: '补上了转账记录', attachments: [] }).success).toBe(true)
    const none = SupplementInput.safeParse({ id, note: '  ', attachments: [] })
    expect(none.success || fieldErrors(none.error)).toEqual({ note: '请上传补充的材料，或者说明补充了什么' })
  })

  it('a phone number typed with spaces is kept without them; letters are refused with an example', () => {
    const ok = approveInputFor('legalAid').safeParse({ id, version: 2, details: { agency: '崇川区法律援助中心', contact: '0513 8500 0000' } })
    expect(ok.success && ok.data.details.contact).toBe('051385000000')
    const bad = approveInputFor('legalAid').safeParse({ id, version: 2, details: { agency: '崇川区法律援助中心', contact: '打 110' } })
    expect(bad.success || fieldErrors(bad.error)).toEqual({ 'details.contact': '电话号码只能填数字和短横线，如 0513-85000000' })
    // The generic shape takes any details; the server checks them against the application's kind.
    expect(ApproveInput.safeParse({ id, version: 2, details: { anything: 1 } }).success).toBe(true)
  })

  it('a reason too short says how long it must be', () => {
    const short = RejectInput.safeParse({ id, version: 2, reason: '不符' })
    expect(short.success || fieldErrors(short.error)).toEqual({ reason: '请写明不予批准的理由，至少 4 个字（申请人会看到）' })
  })
})
