import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import type { FileView } from '~types/file.schema'
import { fileSize } from '~types/format'
import { openAttachment } from '../../api/files'
import './index.scss'

const TYPE_WORDS: Record<FileView['contentType'], string> = { 'image/jpeg': '照片', 'image/png': '照片', 'application/pdf': 'PDF', 'text/csv': '表格' }

/**
 * The files on an application, each a whole-row tap target with its name, type and size — for the applicant and the
 * reviewer alike, in the browser and the mini-program. A failure to open says why in a toast; nothing is lost.
 */
export function AttachmentList({ files, empty }: { files: FileView[]; empty: string }) {
  // A double tap opens it once (one link, one audit line, one tab).
  const opening = useRef(false)
  const open = (f: FileView) => {
    if (opening.current) return
    opening.current = true
    openAttachment(f)
      .catch((e: Error) => void Taro.showToast({ title: e.message, icon: 'none', duration: 3000 }))
      .finally(() => (opening.current = false))
  }
  if (!files.length) return <Text className="attachment-list__empty">{empty}</Text>
  return (
    <View className="attachment-list" role="list">
      {files.map((f) => (
        <View
          key={f.fileId}
          className="attachment-list__item"
          role="listitem"
          hoverClass="attachment-list__item--pressed"
          onClick={() => open(f)}
        >
          <Text className="attachment-list__badge">{TYPE_WORDS[f.contentType]}</Text>
          <View className="attachment-list__text">
            <Text className="attachment-list__name">{f.name}</Text>
            <Text className="attachment-list__meta">{`${fileSize(f.size)} · 点一下打开`}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
