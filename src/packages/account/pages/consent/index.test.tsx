import { render, screen } from '@testing-library/react'
import { PRIVACY_GUIDE } from '~types/privacy'
import { signInDemo } from '../../../../store/session'
import { resetTaroStub } from '../../../../../test/support/taro-stub'
import ConsentPage from './index'

beforeEach(() => resetTaroStub())

test('同意记录 shows both consents of the guide in force, and the guide itself', async () => {
  await signInDemo('demo-courier')
  render(<ConsentPage />)
  expect(await screen.findByText('✓ 隐私保护指引')).toBeTruthy()
  expect(screen.getByText('✓ 敏感个人信息')).toBeTruthy()
  expect(screen.getAllByText(`版本 ${PRIVACY_GUIDE.version}（现行）`)).toHaveLength(2)
  expect(screen.getAllByText(/^同意时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toHaveLength(2)
  expect(screen.getByText(PRIVACY_GUIDE.title)).toBeTruthy()
  for (const s of PRIVACY_GUIDE.sections) expect(screen.getByText(s.heading)).toBeTruthy()
  expect(screen.getByText(PRIVACY_GUIDE.sensitiveConsentText)).toBeTruthy()
  expect(screen.getByText('指引更新时会再次询问您')).toBeTruthy()
})
