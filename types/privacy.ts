/**
 * What changed in each version, newest first: a user who agreed to an older version is shown every change since,
 * then asked again. Keep an entry for every bump.
 */
export const PRIVACY_CHANGES: readonly { version: string; changes: readonly string[] }[] = [
  {
    version: '2026-12-01',
    changes: ['“您的权利”：旧版说有疑问可以在“消息”里联系我们，但“消息”只能收不能发。改为向所在区县负责暖新的工作人员提出，并写明 15 个工作日内答复；也写明了可以撤回同意、注销账号。'],
  },
]

/** The changes a user who agreed to `since` has not seen (all of them when unknown). */
export function privacyChangesSince(since: string | null): string[] {
  return PRIVACY_CHANGES.filter((c) => !since || c.version > since).flatMap((c) => c.changes)
}

/**
 * The privacy guide (用户隐私保护指引) in force. Bump `version` whenever the text changes: users who agreed to an
 * older version are asked again, and the consent record keeps which version each user agreed to (PIPL; WeChat
 * requires the guide before privacy APIs work).
 */
export const PRIVACY_GUIDE = {
  version: '2026-12-01',
  title: '暖新用户隐私保护指引',
  sections: [
    {
      heading: '我们收集什么',
      body: '为给您办理培训报名、职业伤害保障、法律援助、志愿积分等服务，我们需要您的姓名、身份证号、手机号、职业、所在平台或单位、所在城市和区县。我们只收集办理服务所必需的信息。',
    },
    {
      heading: '怎么保管',
      body: '身份证号加密保存，页面上只显示部分号码。只有负责您所在区县和相应服务的工作人员能看到您的申请；工作人员每一次审核和查看完整证件号都会留下记录。填写到一半的内容只保存在您的手机上，提交成功、退出登录或 7 天没有改动后自动清除。',
    },
    {
      heading: '敏感个人信息',
      body: '身份证号属于敏感个人信息。以后办理工伤理赔时的病历、领取补贴时的银行账户、查找附近驿站时的精确位置，我们会在用到时再单独征求您的同意。',
    },
    {
      heading: '您的权利',
      body: '您可以随时在“我的”里查看、更正个人信息，查看同意记录。对个人信息处理有疑问，或想撤回同意、注销账号，请向您所在区县负责暖新的工作人员提出（所在区县见“我的”→“个人信息”），我们会在 15 个工作日内答复。',
    },
  ],
  /** Separate consent for sensitive personal information (PIPL Art. 29). */
  sensitiveConsentText: '我单独同意暖新为办理服务处理我的身份证号等敏感个人信息。',
} as const
