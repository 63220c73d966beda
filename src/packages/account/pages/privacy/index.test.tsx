import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PRIVACY_GUIDE } from '~types/privacy'
import { navigations, resetTaroStub } from '../../../../../test/support/taro-stub'
import { api, newRequestId } from '../../../../api/client'
import { getSession, setUser, signInDemo } from '../../../../store/session'
import { validProfile } from '../../../../../test/support/profiles'
import PrivacyUpdatePage from './index'

beforeEach(() => resetTaroStub())

/**
 * A worker who agreed to an older guide. The server refuses a profile saved under an old version, so the page is
 * given the user as the server shows one (reconsent, not ready); agreeing then goes to the real server
 * (test/integration/privacy.test.ts covers the server side with a truly older record).
 */
test('the changes come first, both consents are needed, and agreeing opens the app again with the record kept', async () => {
  await signInDemo(`privacy-${Date.now()}`)
  const saved = await api.user.saveProfile(validProfile(88), { requestId: newRequestId() })
  // As the server shows a user whose agreed version is older than the guide in force.
  setUser({ ...saved, ready: false, reconsent: true, privacyVersionAccepted: '2026-11-29' })
  render(<PrivacyUpdatePage />)
  expect(screen.getByText(/您同意过的是 2026-11-29 版/)).toBeTruthy()
  expect(screen.getByRole('region', { name: '改了什么' }).textContent).toMatch(/“消息”只能收不能发/)

  fireEvent.click(screen.getByText('同意并继续'))
  expect(await screen.findByText(/请阅读并同意隐私保护指引/)).toBeTruthy()
  expect(screen.getByText(/请单独同意处理敏感个人信息/)).toBeTruthy()

  const [privacy, sensitive] = screen.getAllByRole('checkbox')
  expect(privacy.textContent).toContain(`我已阅读并同意新版《${PRIVACY_GUIDE.title}》`)
  expect(sensitive.textContent).toContain(PRIVACY_GUIDE.sensitiveConsentText)
  fireEvent.click(privacy)
  fireEvent.click(sensitive)
  fireEvent.click(screen.getByText('同意并继续'))
  await waitFor(() => expect(navigations).toContainEqual(expect.objectContaining({ kind: 'reLaunch', url: '/pages/hub/index' })))
  const user = getSession().user!
  expect(user).toMatchObject({ ready: true, reconsent: false, privacyVersionAccepted: PRIVACY_GUIDE.version })
  expect(user.consents.filter((c) => c.version === PRIVACY_GUIDE.version).map((c) => c.kind).sort()).toEqual(['privacy', 'sensitive'])
})
