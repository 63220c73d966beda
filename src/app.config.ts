// Main package = the three tab pages only (WeChat caps it at 2 MB); everything else is a subpackage,
// downloaded when first opened.
const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: ['pages/hub/index', 'pages/inbox/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/account',
      // The demo sign-in stands in for WeChat login on the local H5 server; it never ships in the weapp.
      pages: [...(isH5 ? ['pages/signin/index'] : []), 'pages/profile/index', 'pages/consent/index', 'pages/privacy/index'],
    },
    { root: 'packages/workbench', pages: ['pages/index/index', 'pages/detail/index'] },
    { root: 'packages/admin', pages: ['pages/roles/index', 'pages/calendar/index'] },
    // 我的申请 and an application's page, for every kind; each service's own pages in its own package.
    { root: 'packages/applications', pages: ['pages/mine/index', 'pages/detail/index'] },
    { root: 'packages/legal-aid', pages: ['pages/apply/index'] },
    { root: 'packages/academy', pages: ['pages/index/index', 'pages/offer/index', 'pages/learning/index', 'pages/subsidy/index', 'pages/manage/index', 'pages/edit/index', 'pages/class/index', 'pages/rules/index', 'pages/certificate/index', 'pages/verify/index', 'pages/transcript/index'] },
    { root: 'packages/insurance', pages: ['pages/index/index', 'pages/enrol/index', 'pages/pay/index', 'pages/report/index', 'pages/evidence/index'] },
    // 附近驿站 (public: a rider need not sign in to find a toilet or a charger) and the stations' staff pages.
    { root: 'packages/station', pages: ['pages/nearby/index', 'pages/map/index', 'pages/detail/index', 'pages/correct/index', 'pages/manage/index', 'pages/manage-edit/index', 'pages/manage-import/index', 'pages/manage-corrections/index'] },
    { root: 'packages/volunteer', pages: ['pages/index/index', 'pages/mall/index', 'pages/reward/index', 'pages/redemptions/index', 'pages/mall-manage/index', 'pages/pickup/index', 'pages/tasks/index', 'pages/task/index', 'pages/task-manage/index', 'pages/task-signups/index', 'pages/task-edit/index', 'pages/hours/index', 'pages/teams/index', 'pages/report/index', 'pages/reports-desk/index', 'pages/ledger/index', 'pages/leaderboard/index', 'pages/record/index', 'pages/record-verify/index'] },
  ],
  // 一键报案's and 随手拍's 用当前位置 (and 随手拍's 在地图上选): asked for separately at the moment of use (the page
  // explains why first); WeChat requires the APIs declared here and a reason shown in its own prompt. 附近驿站 asks
  // once on its page (the reason first, declining leaves a district to pick) and measures distances from it.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '报案、随手拍时标出地点，查找离您最近的驿站' } },
  // Most workers open 我的 to fill in their profile: fetch that subpackage in the background.
  preloadRule: {
    'pages/me/index': { network: 'all', packages: ['packages/account'] },
  },
  window: {
    navigationBarTitleText: '暖新',
    navigationBarBackgroundColor: '#b84a1c', // brand-strong: white title stays ≥ 4.5:1,
    navigationBarTextStyle: 'white',
    backgroundColor: '#fff8f3',
    backgroundTextStyle: 'dark',
    // WeChat draws its own title bar; in the browser Taro draws one only when asked — with a back arrow on
    // sub-pages, so a phone browser is not left with the browser's own back button as the only way out.
    ...(isH5 ? { navigationStyle: 'default' as const } : {}),
  },
  tabBar: {
    color: '#5f5f5f',
    selectedColor: '#b84a1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/hub/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/inbox/index', text: '消息', iconPath: 'assets/tab/inbox.png', selectedIconPath: 'assets/tab/inbox-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
})
