import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { MAX_FILE_BYTES } from '~types/file.schema'
import { toApiError } from '../../../api/api-error'
import { uploadFile, type PickedFile } from '../../../api/upload'
import { ActionButton } from '../../../components/action-button'
import { FieldError } from '../../../components/field-error'
import type { DraftPhoto } from './report-draft'

const isWeapp = process.env.TARO_ENV === 'weapp'
type Source = 'camera' | 'album'
type Picked = PickedFile & { size: number }

interface Pending {
  key: string
  file: Picked
  percent: number
  error?: string
  retryable?: boolean
}

const baseName = (path: string) => path.split(/[\\/]/).pop() || '照片.jpg'

/** H5: the browser's chooser; `capture` opens the phone's camera straight away. */
function chooseInBrowser(source: Source, count: number): Promise<Picked[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png'
    input.multiple = source === 'album' && count > 1
    if (source === 'camera') input.setAttribute('capture', 'environment')
    input.onchange = () => resolve([...(input.files ?? [])].slice(0, count).map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })))
    input.click()
  })
}

async function choose(source: Source, count: number): Promise<Picked[]> {
  if (!isWeapp) return chooseInBrowser(source, count)
  const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: [source], sizeType: ['compressed'], camera: 'back' })
  return res.tempFiles.map((f) => ({ path: f.tempFilePath, name: baseName(f.tempFilePath), size: f.size }))
}

/**
 * The report's photos: 拍照 first (the camera at once), 相册 beside it. Each photo uploads the moment it is taken, so
 * the send itself carries only ids; a failed upload can be retried. Only uploaded photos reach `value` (the draft):
 * after a restart they are still there, shown as tiles (the phone's preview is gone by then).
 */
export function ReportPhotos({ value, onChange, onUploadingChange, error, max = 9 }: {
  value: DraftPhoto[]
  onChange: (next: DraftPhoto[]) => void
  onUploadingChange?: (n: number) => void
  error?: string
  max?: number
}) {
  const [pending, setPending] = useState<Pending[]>([])
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const latest = useRef(value)
  latest.current = value
  const room = max - value.length - pending.length
  useEffect(() => onUploadingChange?.(pending.filter((p) => !p.error).length), [pending, onUploadingChange])

  const patch = (key: string, p: Partial<Pending>) => setPending((list) => list.map((x) => (x.key === key ? { ...x, ...p } : x)))
  const start = (item: Pending) => {
    if (item.file.size > MAX_FILE_BYTES) return patch(item.key, { error: '照片超过 10 MB，请重拍一张', retryable: false })
    patch(item.key, { error: undefined, percent: 0 })
    uploadFile(item.file, (percent) => patch(item.key, { percent }))
      .then((f) => {
        const next = [...latest.current, { fileId: f.fileId, name: f.name || item.file.name, size: f.size }]
        latest.current = next
        onChange(next)
        setPreviews((p) => ({ ...p, [f.fileId]: item.file.path }))
        setPending((list) => list.filter((x) => x.key !== item.key))
      })
      .catch((e) => {
        const err = toApiError(e)
        patch(item.key, { error: err.message, retryable: !['INVALID_INPUT', 'PAYLOAD_TOO_LARGE', 'PROFILE_INCOMPLETE'].includes(err.code) })
      })
  }
  const pick = async (source: Source) => {
    if (room <= 0) return
    let files: Picked[]
    try {
      files = await choose(source, room)
    } catch {
      return // closed the camera or the album
    }
    const items = files.slice(0, room).map((file, i) => ({ key: `${Date.now()}-${i}`, file, percent: 0 }))
    setPending((list) => [...list, ...items])
    items.forEach(start)
  }
  const remove = (fileId: string) => {
    const next = latest.current.filter((f) => f.fileId !== fileId)
    latest.current = next
    onChange(next)
  }

  return (
    <View className={`vr-photos${error ? ' vr-photos--error' : ''}`}>
      <Text className="vr-label">{`照片（${value.length}/${max}）`}</Text>
      <View className="vr-photos__grid" role="list" aria-label="照片">
        {value.map((f, i) => (
          <View key={f.fileId} className="vr-photo" role="listitem">
            {previews[f.fileId] ? <Image className="vr-photo__img" src={previews[f.fileId]} mode="aspectFill" /> : <Text className="vr-photo__tile">{`照片 ${i + 1}`}</Text>}
            <Text className="vr-photo__state">✓ 已上传</Text>
            <View className="vr-photo__remove" role="button" aria-label={`删除照片 ${i + 1}`} onClick={() => remove(f.fileId)}>
              × 删除
            </View>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.key} className="vr-photo vr-photo--pending" role="listitem">
            <Text className="vr-photo__tile">{p.error ? '⚠ 没传上去' : `上传中 ${p.percent}%`}</Text>
            {p.error ? (
              <>
                <FieldError message={p.error} />
                {p.retryable ? (
                  <View className="vr-photo__remove" role="button" onClick={() => start(p)}>
                    重试
                  </View>
                ) : null}
                <View className="vr-photo__remove" role="button" onClick={() => setPending((list) => list.filter((x) => x.key !== p.key))}>
                  × 删除
                </View>
              </>
            ) : (
              <View className="vr-photo__bar" role="progressbar" aria-valuenow={p.percent} aria-valuemin={0} aria-valuemax={100}>
                <View className="vr-photo__fill" style={{ width: `${p.percent}%` }} />
              </View>
            )}
          </View>
        ))}
      </View>
      {room > 0 ? (
        <View className="vr-photos__add">
          <ActionButton onClick={() => void pick('camera')}>{value.length ? '再拍一张' : '拍照'}</ActionButton>
          <ActionButton variant="secondary" onClick={() => void pick('album')}>从相册选</ActionButton>
        </View>
      ) : (
        <Text className="vr-hint">{`已经 ${max} 张，删掉一张才能再加`}</Text>
      )}
      <FieldError message={error} />
    </View>
  )
}
