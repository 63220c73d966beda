import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { MAX_FILE_BYTES } from '~types/file.schema'
import { fileSize } from '~types/format'
import { toApiError } from '../../api/api-error'
import { uploadFile, type PickedFile } from '../../api/upload'
import { ActionButton } from '../action-button'
import { FieldError } from '../field-error'
import './index.scss'

/** A file that is on the server: what the form sends (`fileId`) and what the list shows. */
export interface Attached {
  fileId: string
  name: string
  size: number
}

interface Pending {
  key: string
  file: PickedFile
  size?: number
  percent: number
  error?: string
  /** Whether trying again can help: a dropped connection yes, a wrong type or size no. */
  retryable?: boolean
}

const isWeapp = process.env.TARO_ENV === 'weapp'
const ALLOWED = /\.(jpe?g|png|pdf)$/i
const WRONG_TYPE = '只能上传照片（JPG、PNG）或 PDF 文件'


const baseName = (path: string) => path.split(/[\\/]/).pop() || '文件'

/** H5: the browser's own chooser; the picked file is read back through a blob URL by uploadFile. */
function chooseInBrowser(accept: string, count: number): Promise<(PickedFile & { size: number })[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = count > 1
    input.onchange = () => {
      const files = [...(input.files ?? [])].slice(0, count)
      resolve(files.map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })))
    }
    input.click()
  })
}

async function choosePhotos(count: number): Promise<(PickedFile & { size: number })[]> {
  if (!isWeapp) return chooseInBrowser('image/jpeg,image/png', count)
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f) => ({ path: f.path, name: baseName(f.path), size: f.size }))
}

/** A PDF: in WeChat it comes from a chat (the only place a phone keeps files the mini-program can reach). */
async function choosePdfs(count: number): Promise<(PickedFile & { size: number })[]> {
  if (!isWeapp) return chooseInBrowser('application/pdf,image/jpeg,image/png', count)
  const res = await Taro.chooseMessageFile({ count, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
  return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }))
}

/**
 * Photos and PDFs for a form: each uploads at once with its own progress bar, can be removed, and a failed one
 * can be retried. `value` holds only the uploaded files (the caller keeps them in its draft); at most `max`.
 */
export function AttachmentPicker({ label, hint, value, onChange, onUploadingChange, error, max = 9, photosOnly = false }: {
  label: string
  hint?: string
  value: Attached[]
  onChange: (next: Attached[]) => void
  /** How many files are still uploading or failed: the form waits for them before it submits. */
  onUploadingChange?: (n: number) => void
  error?: string
  max?: number
  /** Photos only (a station's pictures, shown to anyone): no PDF button. */
  photosOnly?: boolean
}) {
  const [pending, setPending] = useState<Pending[]>([])
  const [problem, setProblem] = useState<string>()
  // Uploads finish in any order: each adds itself to the latest list, not the one it started with.
  const latest = useRef(value)
  latest.current = value
  const room = max - value.length - pending.length

  useEffect(() => onUploadingChange?.(pending.length), [pending.length, onUploadingChange])

  const patch = (key: string, p: Partial<Pending>) => setPending((list) => list.map((x) => (x.key === key ? { ...x, ...p } : x)))

  const start = (item: Pending) => {
    if (!ALLOWED.test(item.file.name)) return patch(item.key, { error: WRONG_TYPE, retryable: false })
    if (item.size !== undefined && item.size > MAX_FILE_BYTES) return patch(item.key, { error: '文件超过 10 MB，请换一张小一点的照片', retryable: false })
    patch(item.key, { error: undefined, percent: 0 })
    uploadFile(item.file, (percent) => patch(item.key, { percent }))
      .then((f) => {
        const next = [...latest.current, { fileId: f.fileId, name: f.name || item.file.name, size: f.size }]
        latest.current = next
        onChange(next)
        setPending((list) => list.filter((x) => x.key !== item.key))
      })
      .catch((e) => {
        const err = toApiError(e)
        patch(item.key, { error: err.message, retryable: !['INVALID_INPUT', 'PAYLOAD_TOO_LARGE', 'PROFILE_INCOMPLETE'].includes(err.code) })
      })
  }

  const pick = async (chooser: (count: number) => Promise<(PickedFile & { size: number })[]>) => {
    setProblem(undefined)
    if (room <= 0) return setProblem(`最多 ${max} 个附件`)
    let files: (PickedFile & { size: number })[]
    try {
      files = await chooser(room)
    } catch {
      return // the person closed the chooser
    }
    const items = files.slice(0, room).map((file, i) => ({ key: `${Date.now()}-${i}-${file.name}`, file, size: file.size, percent: 0 }))
    setPending((list) => [...list, ...items])
    items.forEach(start)
  }

  const remove = (fileId: string) => {
    const next = latest.current.filter((f) => f.fileId !== fileId)
    latest.current = next
    onChange(next)
  }

  return (
    <View className="attachments-picker">
      <Text className="attachments-picker__label">{`${label}（${value.length}/${max}）`}</Text>
      {hint ? <Text className="attachments-picker__hint">{hint}</Text> : null}
      <View role="list" aria-label={label}>
        {value.map((f) => (
          <View key={f.fileId} className="attachment-row" role="listitem">
            <View className="attachment-row__main">
              <Text className="attachment-row__name">{f.name}</Text>
              <Text className="attachment-row__state">{`✓ 已上传 · ${/\.pdf$/i.test(f.name) ? 'PDF' : '照片'} · ${fileSize(f.size)}`}</Text>
            </View>
            <ActionButton compact variant="secondary" onClick={() => remove(f.fileId)}>
              删除
            </ActionButton>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.key} className="attachment-row" role="listitem">
            <View className="attachment-row__main">
              <Text className="attachment-row__name">{p.file.name}</Text>
              {p.error ? (
                <FieldError message={p.error} />
              ) : (
                <>
                  <View className="attachment-row__bar" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
                    <View className="attachment-row__fill" style={{ width: `${p.percent}%` }} />
                  </View>
                  <Text className="attachment-row__state">{`正在上传 ${p.percent}%`}</Text>
                </>
              )}
            </View>
            {p.error ? (
              <View className="attachment-row__actions">
                {p.retryable ? (
                  <ActionButton compact variant="secondary" onClick={() => start(p)}>
                    重试
                  </ActionButton>
                ) : null}
                <ActionButton compact variant="secondary" onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}>
                  删除
                </ActionButton>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      {room > 0 ? (
        <View className="attachments-picker__add">
          <ActionButton variant="secondary" onClick={() => void pick(choosePhotos)}>
            ＋ 拍照或选照片
          </ActionButton>
          {photosOnly ? null : (
            <ActionButton variant="secondary" onClick={() => void pick(choosePdfs)}>
              {isWeapp ? '＋ 从微信聊天选 PDF' : '＋ 选 PDF 文件'}
            </ActionButton>
          )}
        </View>
      ) : (
        <Text className="attachments-picker__hint">{`已经 ${max} 个，删掉一个才能再加`}</Text>
      )}
      <FieldError message={problem ?? error} />
    </View>
  )
}
