/** What 推送中心's content picker and the push's content check say to staff. */
export const PUSH_CONTENT_TEXT = {
  cmsUnavailable: "内容管理系统暂时无法访问，无法读取文章或义诊，请稍后再试",
  typeInvalid: "内容类型只能是文章、商品、义诊活动、陪诊服务或问诊服务",
  queryTooLong: "搜索词不能超过 50 个字",
  missing: {
    article: "文章不存在或已下线，请重新选择推送内容",
    product: "商品不存在或未上架，请重新选择推送内容",
    clinic_session: "义诊活动不存在或已下线，请重新选择推送内容",
    escort: "陪诊服务不存在或已下架，请重新选择推送内容",
    consultation: "医生不存在、未通过资质核验或未设置问诊价格，请重新选择推送内容",
  },
  consultationModes: { text: "图文问诊", phone: "电话问诊", video: "视频问诊" },
} as const
