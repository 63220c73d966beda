import { Text, View } from '@tarojs/components'
import { ActionButton } from '../action-button'
import './index.scss'

/**
 * 上一页 · 第 n / m 页 · 下一页 under a paged list (the review queue, 课程管理, 志愿服务管理). Nothing when it all
 * fits on one page; a button that cannot go further is greyed, not hidden, so the row does not jump.
 */
export function Pager({ page, total, pageSize, onPage }: { page: number; total: number; pageSize: number; onPage: (page: number) => void }) {
  const pages = Math.ceil(total / pageSize)
  if (pages <= 1) return null
  return (
    <View className="pager" role="navigation" aria-label="翻页">
      <ActionButton compact variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </ActionButton>
      <Text className="pager__where">{`第 ${page} / ${pages} 页`}</Text>
      <ActionButton compact variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </ActionButton>
    </View>
  )
}
