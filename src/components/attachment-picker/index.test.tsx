import { fireEvent, render, screen } from '@testing-library/react'
import { resetTaroStub } from '../../../test/support/taro-stub'
import { AttachmentPicker } from './index'

/** The browser's file chooser, answered with `files` as a person would pick them. */
function pickInBrowser(files: File[]) {
  Object.assign(URL, { createObjectURL: () => 'blob:picked' })
  return jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: files })
    this.onchange?.(new Event('change'))
  })
}

beforeEach(() => resetTaroStub())

test('a file of the wrong type is refused on the phone, with no retry that could never work — only delete', async () => {
  const chooser = pickInBrowser([new File(['PK'], '劳动合同.docx')])
  const onUploading = jest.fn()
  try {
    render(<AttachmentPicker label="证据材料" value={[]} onChange={() => undefined} onUploadingChange={onUploading} />)
    fireEvent.click(screen.getByText('＋ 选 PDF 文件'))
    expect(await screen.findByText('劳动合同.docx')).toBeTruthy()
    expect(screen.getByText(/只能上传照片（JPG、PNG）或 PDF 文件/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(onUploading).toHaveBeenLastCalledWith(1)
    fireEvent.click(screen.getByText('删除'))
    expect(screen.queryByText('劳动合同.docx')).toBeNull()
    expect(onUploading).toHaveBeenLastCalledWith(0)
  } finally {
    chooser.mockRestore()
  }
})
