import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { AddCertificateInput, SKILL_LEVELS, SKILL_LEVEL_LABELS } from '~types/academy.schema'
import type { UserView } from '~types/user.schema'
import { api } from '../../../../api/client'
import { AttachmentPicker, type Attached } from '../../../../components/attachment-picker'
import { ChipGroup } from '../../../../components/chip-group'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { TextField } from '../../../../components/text-field'
import { formProblem, scrollToFirstError } from '../../../../components/field-error/summary'
import { useAction } from '../../../../hooks/use-action'
import { DRAFT_PREFIX, useDraft } from '../../../../hooks/use-draft'
import { useGuard } from '../../../../hooks/use-guard'
import { dateFromText } from '../../lib/date-text'
import '../../lib/academy.scss'

interface CertificateDraft {
  number: string
  level: string
  occupation: string
  issuedOn: string
  photo: Attached[]
}

const LABELS: Record<string, string> = { number: '证书编号', level: '等级', occupation: '职业', issuedOn: '发证日期', photo: '证书照片' }

const levelOptions = SKILL_LEVELS.map((l) => ({ value: String(l), label: SKILL_LEVEL_LABELS[l] }))

/** A certificate from elsewhere: number, level, occupation, date and a photo — checked against each other. */
export default function CertificatePage() {
  const session = useGuard()
  if (!session.user?.ready) return <PageStatus session={session} />
  return <CertificateForm user={session.user} />
}

function CertificateForm({ user }: { user: UserView }) {
  const [d, update, clear] = useDraft<CertificateDraft>(`${DRAFT_PREFIX}academy.certificate.${user.id}`, () => ({ number: '', level: '', occupation: '', issuedOn: '', photo: [] }))
  const [uploading, setUploading] = useState(0)
  const onUploadingChange = useCallback((n: number) => setUploading(n), [])
  const action = useAction(AddCertificateInput, (input, opts) => api.academy.addCertificate(input, opts))
  const send = async () => {
    if (uploading > 0) return action.fail({ photo: '照片还没有传完，请等一等' })
    const issuedOn = dateFromText(d.issuedOn)
    if (d.issuedOn && !issuedOn) return action.fail({ issuedOn: '日期请写成 2026-05-20 或 2026年5月20日' })
    const saved = await action.run({ number: d.number, level: Number(d.level) as never, occupation: d.occupation, issuedOn: issuedOn ?? '', photo: d.photo[0]?.fileId ?? '' })
    if (!saved) return scrollToFirstError()
    clear()
    void Taro.showToast({ title: '已添加', icon: 'success' })
    await Taro.navigateBack()
  }
  return (
    <PageRoot className="certificate">
      <Text className="page__title">添加职业技能等级证书</Text>
      <Text className="page__lead">在别处考的证书也可以加进来，12 个月内能申请技能提升补贴。学院发的证书会自动出现，不用再加。</Text>
      <TextField label="证书编号" placeholder="如 Y000032000001263000002" hint="1 个字母（Y 或 S）加 21 位数字，在证书右上角" maxlength={30} value={d.number} onChange={(number) => update({ number })} error={action.errors.number} />
      <ChipGroup label="等级" options={levelOptions} value={d.level} onChange={(level) => update({ level })} error={action.errors.level} />
      <TextField label="职业（工种）" placeholder="如 快递员、网约配送员" maxlength={30} value={d.occupation} onChange={(occupation) => update({ occupation })} error={action.errors.occupation} />
      <TextField label="发证日期" placeholder="如 2026-05-20" maxlength={16} value={d.issuedOn} onChange={(issuedOn) => update({ issuedOn })} error={action.errors.issuedOn} />
      <AttachmentPicker label="证书照片" hint="拍清楚编号和印章" max={1} value={d.photo} onChange={(photo) => update({ photo })} onUploadingChange={onUploadingChange} error={action.errors.photo} />
      <SubmitBar problem={formProblem(action, LABELS)} busy={action.busy} busyText="正在保存…" onSubmit={() => void send()}>
        添加证书
      </SubmitBar>
    </PageRoot>
  )
}
