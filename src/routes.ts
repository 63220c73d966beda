// URLs for Taro.navigateTo & co. Keep in step with app.config.ts (which must stay a static literal for
// WeChat's build tooling to read).
export const routes = {
  hub: '/pages/hub/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  signin: '/packages/account/pages/signin/index',
  profile: '/packages/account/pages/profile/index',
  consent: '/packages/account/pages/consent/index',
  privacyUpdate: '/packages/account/pages/privacy/index',
  workbench: '/packages/workbench/pages/index/index',
  workbenchDetail: '/packages/workbench/pages/detail/index',
  roles: '/packages/admin/pages/roles/index',
  calendar: '/packages/admin/pages/calendar/index',
  legalAidApply: '/packages/legal-aid/pages/apply/index',
  myApplications: '/packages/applications/pages/mine/index',
  applicationDetail: '/packages/applications/pages/detail/index',
  academy: '/packages/academy/pages/index/index',
  academyOffer: '/packages/academy/pages/offer/index',
  academyLearning: '/packages/academy/pages/learning/index',
  academySubsidy: '/packages/academy/pages/subsidy/index',
} as const
