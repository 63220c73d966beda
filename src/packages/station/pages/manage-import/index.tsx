import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { formatDateTime } from '~types/format'
import { regionLabel } from '~types/regions'
import { CSV_COLUMNS, TEMPLATE_ROWS } from '~types/station-csv'
import type { ImportCsvResult } from '~types/station-import.schema'
import { api, newRequestId } from '../../../../api/client'
import { toApiError } from '../../../../api/api-error'
import { ActionButton } from '../../../../components/action-button'
import { ChipGroup } from '../../../../components/chip-group'
import { DeskPage } from '../../../../components/desk-page'
import { LoadState } from '../../../../components/load-state'
import { NoAccess } from '../../../../components/no-access'
import { Notice } from '../../../../components/notice'
import { PageStatus } from '../../../../components/page-status'
import { useGuard } from '../../../../hooks/use-guard'
import { useRemote } from '../../../../hooks/use-remote'
import { routes } from '../../../../routes'
import { pickCsv, saveCsvLink, uploadCsv } from '../../lib/csv-file'
import { stationDistricts } from '../../lib/manage'
import '../../lib/manage.scss'

type Step =
  | { at: 'idle' }
  | { at: 'uploading'; name: string; percent: number }
  | { at: 'checking'; name: string }
  | { at: 'checked'; fileId: string; result: ImportCsvResult }
  | { at: 'importing'; fileId: string; result: ImportCsvResult }
  | { at: 'done'; result: ImportCsvResult }

/**
 * 导入驿站表格: the format (and a template to fill), a file chosen and checked at once — every bad row as a table of
 * line · column · problem, nothing written — then imported in as many calls as it takes, with progress; the
 * district's stations exported in the same format; the last imports.
 */
export default function ImportPage() {
  const session = useGuard()
  const { params } = useRouter()
  const districts = stationDistricts(session.user)
  const allowed = !!session.user?.ready && districts.length > 0
  const [district, setDistrict] = useState(params.district && districts.includes(params.district) ? params.district : districts[0])
  const history = useRemote(() => api.station.imports({ district }), allowed)
  if (!session.user?.ready) return <PageStatus session={session} />
  if (!allowed) return <NoAccess title="只有驿站工作人员可以导入驿站">您没有暖心驿站的工作权限。</NoAccess>
  return (
    <DeskPage title="导入驿站表格" lead={`把 ${regionLabel(district)} 的一批驿站用表格（CSV）一次导入，或者导出来在 Excel 里改好再导回来。`}>
      {districts.length > 1 ? (
        <ChipGroup label="导入到哪个区县" options={districts.map((c) => ({ value: c, label: regionLabel(c) }))} value={district} onChange={setDistrict} />
      ) : null}
      <Importer key={district} district={district} onImported={() => void history.reload()} />
      <Format district={district} />
      <View className="desk-page__section" role="region" aria-label="最近的导入">
        <Text className="section-title">最近的导入</Text>
        <LoadState data={history.data} error={history.error} onRetry={() => void history.reload()} empty={{ when: (d) => !d.length, title: '还没有导入过' }}>
          {(list) => (
            <View role="list">
              {list.map((r) => (
                <View key={r.id} role="listitem" className="sm-result__line">
                  {`${formatDateTime(r.startedAt)} · ${r.fileName} · ${r.rows} 行：新建 ${r.created}、修改 ${r.updated}、没变 ${r.unchanged}${r.state === 'running' ? ' · ⚠ 没有导完，重新选择这个文件导入即可接着导' : ''}`}
                </View>
              ))}
            </View>
          )}
        </LoadState>
      </View>
    </DeskPage>
  )
}

function planWords(r: ImportCsvResult): string {
  return `新建 ${r.plan.create} 个，修改 ${r.plan.update} 个${r.plan.unchanged ? `，${r.plan.unchanged} 个和现在一样（不动）` : ''}`
}

function Importer({ district, onImported }: { district: string; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ at: 'idle' })
  const [problem, setProblem] = useState<string>()
  const running = useRef(false)

  const choose = async () => {
    if (running.current) return
    setProblem(undefined)
    const picked = await pickCsv()
    if (!picked) return
    running.current = true
    try {
      setStep({ at: 'uploading', name: picked.name, percent: 0 })
      const file = await uploadCsv(picked, (percent) => setStep({ at: 'uploading', name: picked.name, percent }))
      setStep({ at: 'checking', name: file.name })
      const result = await api.station.importCsv({ fileId: file.fileId, district, dryRun: true })
      setStep({ at: 'checked', fileId: file.fileId, result })
    } catch (e) {
      setProblem(toApiError(e).message)
      setStep({ at: 'idle' })
    } finally {
      running.current = false
    }
  }

  // A large file is written over several calls; each goes on where the last stopped.
  const importNow = async (fileId: string, first: ImportCsvResult) => {
    if (running.current) return
    running.current = true
    setProblem(undefined)
    let result = first
    try {
      setStep({ at: 'importing', fileId, result: { ...first, written: 0 } })
      for (;;) {
        result = await api.station.importCsv({ fileId, district })
        if (result.state !== 'running') break
        setStep({ at: 'importing', fileId, result })
      }
      if (result.state === 'invalid') setStep({ at: 'checked', fileId, result })
      else setStep({ at: 'done', result })
      onImported()
    } catch (e) {
      setProblem(`${toApiError(e).message}${result.written ? `。已经导入的 ${result.written} 行不会重复，再点“导入”会接着导` : ''}`)
      setStep({ at: 'checked', fileId, result: first })
    } finally {
      running.current = false
    }
  }

  return (
    <View className="desk-page__section" role="region" aria-label="选择文件">
      <Text className="section-title">1 选择表格文件</Text>
      <Text className="sm-hint">先检查每一行，有问题会列出来，这时一个驿站也不导入；全部没问题才能导入。</Text>
      <View className="sm-actions">
        <ActionButton variant={step.at === 'idle' ? 'primary' : 'secondary'} busy={step.at === 'uploading' || step.at === 'checking'} busyText={step.at === 'uploading' ? `正在上传 ${step.percent}%` : '正在检查…'} disabled={step.at === 'importing'} onClick={() => void choose()}>
          {step.at === 'idle' ? '选择 CSV 文件' : '重新选择文件'}
        </ActionButton>
      </View>
      {problem ? (
        <View role="alert">
          <Notice kind="warn">{problem}</Notice>
        </View>
      ) : null}
      {step.at === 'checked' ? <Checked result={step.result} onImport={() => void importNow(step.fileId, step.result)} /> : null}
      {step.at === 'importing' ? <Progress result={step.result} /> : null}
      {step.at === 'done' ? <Done result={step.result} district={district} /> : null}
    </View>
  )
}

function Checked({ result: r, onImport }: { result: ImportCsvResult; onImport: () => void }) {
  if (r.state === 'done') {
    return (
      <View className="sm-result" role="status">
        <Text className="sm-result__title">✓ 这个文件已经导入过了</Text>
        <Text className="sm-result__line">{`${r.fileName}${r.finishedAt ? ` 在 ${formatDateTime(r.finishedAt)}` : ''} 导入：新建 ${r.plan.create} 个，修改 ${r.plan.update} 个。同一个文件不会重复导入。`}</Text>
      </View>
    )
  }
  if (r.state === 'invalid') {
    return (
      <View className="sm-result sm-result--bad" role="status">
        <Text className="sm-result__title">{`× 有 ${r.problemsTotal} 处要改，没有导入任何驿站`}</Text>
        <Text className="sm-result__line">{`${r.fileName}（${r.encoding}）${r.rows ? `，共 ${r.rows} 行驿站` : ''}。在 Excel 里改好这些地方，保存后重新选择文件。`}</Text>
        <View className="sm-table" role="table" aria-label="表格里的问题">
          <View className="sm-table__row sm-table__row--head" role="row">
            <View className="sm-table__cell" role="columnheader">行</View>
            <View className="sm-table__cell" role="columnheader">字段</View>
            <View className="sm-table__cell" role="columnheader">问题</View>
          </View>
          {r.problems.map((p, i) => (
            <View className="sm-table__row" role="row" key={`${p.line}-${p.column}-${i}`} aria-label={p.text}>
              <View className="sm-table__cell" role="cell">{`第 ${p.line} 行`}</View>
              <View className="sm-table__cell" role="cell">{p.column}</View>
              <View className="sm-table__cell" role="cell">{p.message}</View>
            </View>
          ))}
        </View>
        {r.problemsTotal > r.problems.length ? <Text className="sm-hint">{`只列出前 ${r.problems.length} 处，改好后再检查会列出其余的。`}</Text> : null}
      </View>
    )
  }
  return (
    <View className="sm-result" role="status">
      <Text className="sm-result__title">{`✓ ${r.rows} 行都没问题`}</Text>
      <Text className="sm-result__line">{`${r.fileName}（${r.encoding}）：导入后${planWords(r)}。`}</Text>
      <View className="sm-actions">
        <ActionButton disabled={!r.plan.create && !r.plan.update} onClick={onImport}>
          {r.plan.create || r.plan.update ? `导入 ${r.plan.create + r.plan.update} 个驿站` : '没有要导入的改动'}
        </ActionButton>
      </View>
    </View>
  )
}

function Progress({ result: r }: { result: ImportCsvResult }) {
  const pct = r.rows ? Math.round((r.written / r.rows) * 100) : 0
  return (
    <View className="sm-result" role="status">
      <Text className="sm-result__title">{`正在导入… 已写入 ${r.written} / ${r.rows} 行`}</Text>
      <View className="sm-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <View className="sm-progress__fill" style={{ width: `${pct}%` }} />
      </View>
      <Text className="sm-hint">请不要关掉这个页面。万一中断了，重新选择同一个文件导入，会接着导，不会重复。</Text>
    </View>
  )
}

function Done({ result: r, district }: { result: ImportCsvResult; district: string }) {
  return (
    <View className="sm-result" role="status">
      <Text className="sm-result__title">{`✓ 已导入：新建 ${r.plan.create} 个，修改 ${r.plan.update} 个`}</Text>
      <Text className="sm-result__line">{`${r.fileName}，共 ${r.rows} 行${r.plan.unchanged ? `，${r.plan.unchanged} 个没变` : ''}。骑手现在就能找到。`}</Text>
      <View className="sm-actions">
        <ActionButton compact variant="secondary" onClick={() => void (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: `${routes.stationManage}?district=${district}` }))}>
          去驿站列表看看
        </ActionButton>
      </View>
    </View>
  )
}

/** The format, the template and the export: what a clerk needs to fill the file in Excel. */
function Format({ district }: { district: string }) {
  const [busy, setBusy] = useState<'' | 'template' | 'export'>('')
  const [said, setSaid] = useState<string>()
  const download = async (template: boolean) => {
    setBusy(template ? 'template' : 'export')
    setSaid(undefined)
    try {
      const out = await api.station.exportCsv({ district, ...(template ? { template: true } : {}) }, { requestId: newRequestId() })
      const how = await saveCsvLink(out.file, out.fileName)
      setSaid(
        how === 'downloaded' ? `✓ 已下载“${out.fileName}”${template ? '' : `（${out.rows} 个驿站）`}`
          : how === 'shared' ? `✓ 已发送“${out.fileName}”到聊天，在电脑上打开`
            : `链接已复制：在电脑浏览器里打开即可下载“${out.fileName}”（10 分钟内有效）`,
      )
    } catch (e) {
      setSaid(`× ${toApiError(e).message}`)
    } finally {
      setBusy('')
    }
  }
  const example = TEMPLATE_ROWS[0]
  return (
    <View className="desk-page__section" role="region" aria-label="表格格式">
      <Text className="section-title">2 表格格式</Text>
      <Text className="sm-hint">第一行是表头（下面这些列名，顺序不限），从第二行起每行一个驿站。用 Excel 填好后“另存为”CSV UTF-8（逗号分隔）；存成普通 CSV（GBK）也认得。</Text>
      <View className="sm-table sm-table--format" role="table" aria-label="表格的列">
        <View className="sm-table__row sm-table__row--head" role="row">
          <View className="sm-table__cell" role="columnheader">列名</View>
          <View className="sm-table__cell" role="columnheader">必填</View>
          <View className="sm-table__cell" role="columnheader">怎么写</View>
        </View>
        {CSV_COLUMNS.map((c) => (
          <View className="sm-table__row" role="row" key={c.key}>
            <View className="sm-table__cell" role="cell">{c.header}</View>
            <View className="sm-table__cell" role="cell">{c.required ? '必填' : '选填'}</View>
            <View className="sm-table__cell" role="cell">{c.help}</View>
          </View>
        ))}
      </View>
      <Text className="sm-hint">开放时间的写法：</Text>
      <Text className="sm-code">· 每天一样：08:00-20:00　·　全天：24小时　·　中午休息：08:00-12:00,14:00-20:00　·　跨夜：18:00-02:00</Text>
      <Text className="sm-code">{`· 按星期：${example.hours}（几段之间用“；”，没写到的日子算休息）`}</Text>
      <Text className="sm-hint">模板里有两行“示例：”开头的例子，照着填，导入前删掉它们（留着的话会提示）。要修改已有的驿站，先导出本区的驿站，改好后导回来：有“编号”的行会修改那个驿站，没有编号的行新建。</Text>
      <View className="sm-actions">
        <ActionButton compact variant="secondary" busy={busy === 'template'} busyText="正在准备…" onClick={() => void download(true)}>
          下载模板
        </ActionButton>
        <ActionButton compact variant="secondary" busy={busy === 'export'} busyText="正在导出…" onClick={() => void download(false)}>
          导出本区驿站
        </ActionButton>
      </View>
      {said ? <View className="sm-result__line" role="status">{said}</View> : null}
    </View>
  )
}
