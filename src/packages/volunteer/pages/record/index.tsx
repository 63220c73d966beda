import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Empty } from '~types/user.schema'
import { hoursText, recordTotalMinutes, starText, type RecordsView, type VolunteerRecordView } from '~types/volunteer-record.schema'
import { toApiError } from '../../../../api/api-error'
import { api } from '../../../../api/client'
import { openAttachment } from '../../../../api/files'
import { ActionButton } from '../../../../components/action-button'
import { LoadState } from '../../../../components/load-state'
import { Notice } from '../../../../components/notice'
import { PageRoot } from '../../../../components/page-root'
import { PageStatus } from '../../../../components/page-status'
import { SubmitBar } from '../../../../components/submit-bar'
import { useAction } from '../../../../hooks/use-action'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { canPrint, printRecord } from '../../lib/print'
import { RecordPaper } from '../../lib/record-paper'
import { StarLine } from '../../lib/stars'
import '../../lib/record.scss'

/**
 * 志愿服务记录证明: the hours and star level now, a numbered certificate of them on request (free, as often as
 * needed — each one a snapshot), shown as a printable page, opened or downloaded as a PDF, checkable by its number.
 */
export default function RecordPage() {
  const session = useGuard()
  const { params } = useRouter()
  const ready = !!session.user?.ready
  const records = useRemote(() => api.volunteer.records({}), ready)
  const [chosen, setChosen] = useState<string | null>(params.number ?? null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const issue = useAction(Empty, (input, opts) => api.volunteer.recordCertificate(input, opts))
  if (!ready) return <PageStatus session={session} />

  const put = (r: VolunteerRecordView) =>
    records.setData((prev) => (prev ? { ...prev, issued: [r, ...prev.issued.filter((x) => x.number !== r.number)] } : prev))
  const onIssue = async () => {
    const r = await issue.run({})
    if (!r) return
    put(r)
    setChosen(r.number)
    setFileProblem(null)
    void Taro.showToast({ title: '证明已出具', icon: 'success' })
  }
  // Straight from the tap: a browser must open its tab before anything is awaited.
  const openPdf = (r: VolunteerRecordView) => {
    setFileProblem(null)
    if (r.file) void openAttachment(r.file, { showMenu: true }).catch((e: unknown) => setFileProblem(toApiError(e).message))
  }
  // The PDF is made after the record; if storage was down then, asking for the record makes it now.
  const makePdf = async (r: VolunteerRecordView) => {
    setFileProblem(null)
    try {
      const again = await api.volunteer.record({ number: r.number })
      put(again)
      if (!again.file) setFileProblem('证明文件还没有生成好，请稍后再试')
    } catch (e) {
      setFileProblem(toApiError(e).message)
    }
  }

  return (
    <PageRoot className="record">
      <Text className="page__title">志愿服务记录证明</Text>
      <Text className="page__lead">按“谁记录谁证明”，由所在区县的志愿服务站免费出具，写明您确认的服务时长、星级和服务内容，可凭编号核验。</Text>
      <LoadState data={records.data} error={records.error} onRetry={() => void records.reload()} loadingText="正在读取志愿服务记录…">
        {(d) => {
          const shown = d.issued.find((r) => r.number === chosen) ?? d.issued[0] ?? null
          return (
            <>
              <Standing d={d} />
              <SubmitBar problem={issue.problem} busy={issue.busy} busyText="正在出具…" onSubmit={() => void onIssue()}>
                {d.issued.length ? '按现在的时长再出具一份' : '出具志愿服务记录证明'}
              </SubmitBar>
              {shown ? (
                <>
                  <RecordPaper record={shown} />
                  <View className="record-paper__actions">
                    {fileProblem ? <Notice kind="warn">{`⚠ ${fileProblem}`}</Notice> : null}
                    {shown.file ? (
                      <ActionButton onClick={() => openPdf(shown)}>{process.env.TARO_ENV === 'weapp' ? '打开 PDF（可转发、保存）' : '下载 PDF'}</ActionButton>
                    ) : null}
                    {/* Not made yet (storage was down), or it would not open: asking for the record makes it again. */}
                    {!shown.file || fileProblem ? (
                      <ActionButton variant={shown.file ? 'secondary' : 'primary'} onClick={() => void makePdf(shown)}>
                        {shown.file ? '重新生成 PDF' : '生成 PDF'}
                      </ActionButton>
                    ) : null}
                    {canPrint ? (
                      <ActionButton variant="secondary" onClick={printRecord}>
                        打印
                      </ActionButton>
                    ) : null}
                    <ActionButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${routes.volunteerRecordVerify}?number=${shown.number}` })}>
                      核验这份证明
                    </ActionButton>
                  </View>
                </>
              ) : null}
              {d.issued.length > 1 ? (
                <View className="record-list" role="list" aria-label="出具过的证明">
                  <Text className="record-list__title">出具过的证明</Text>
                  {d.issued.map((r) => (
                    <View
                      key={r.number}
                      className={`record-list__item${r.number === shown?.number ? ' record-list__item--shown' : ''}`}
                      role="listitem"
                      aria-label={`${r.number}，${r.issuedOn}，${hoursText(recordTotalMinutes(r.minutesConfirmed, r.minutesMakeUp))}${r.number === shown?.number ? '，正在显示' : ''}`}
                      hoverClass="record-list__item--pressed"
                      onClick={() => {
                        setChosen(r.number)
                        setFileProblem(null)
                      }}
                    >
                      <Text className="record-list__number">{r.number}</Text>
                      <Text className="record-list__line">{`${r.issuedOn} 出具 · 累计 ${hoursText(recordTotalMinutes(r.minutesConfirmed, r.minutesMakeUp))} · ${starText(r.stars)}${r.number === shown?.number ? ' · 正在显示' : ''}`}</Text>
                    </View>
                  ))}
                </View>
              ) : null}
            </>
          )
        }}
      </LoadState>
    </PageRoot>
  )
}

/** Where the worker stands now: what a certificate issued today would say. */
function Standing({ d }: { d: RecordsView }) {
  const total = recordTotalMinutes(d.minutesConfirmed, d.minutesMakeUp)
  return (
    <View className="record-standing" role="region" aria-label="现在的志愿服务时长">
      <Text className="record-standing__hours">{`累计 ${hoursText(total)}`}</Text>
      <Text className="record-standing__line">{`签到及工作人员确认 ${hoursText(d.minutesConfirmed)}，补录 ${hoursText(d.minutesMakeUp)}`}</Text>
      <StarLine stars={d.stars} />
      <Text className="record-standing__line">{`出具单位：${d.issuer}`}</Text>
    </View>
  )
}
