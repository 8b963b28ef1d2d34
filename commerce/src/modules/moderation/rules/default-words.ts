import type { ModerationCategory } from "./moderation-categories"

/**
 * The list the platform starts with (seeded by the module's migration); staff maintain it in
 * the admin (内容审核 → 敏感词). Medical advertising follows 《医疗广告管理办法》 and the
 * Advertising Law's art. 16: no cure promises, no efficacy guarantees, no secret recipes.
 */
export const DEFAULT_MODERATION_WORDS: { word: string; category: ModerationCategory }[] = [
  ...[
    "根治",
    "包治",
    "包好",
    "无效退款",
    "祖传秘方",
    "特效药",
    "神药",
    "药到病除",
    "一次治愈",
    "永不复发",
    "治愈率",
    "无副作用",
    "保证治愈",
    "包治百病",
    "秘方",
    "偏方",
    "代开处方",
    "医托",
  ].map((word) => ({ word, category: "medical_ad" as const })),
  ...[
    "代孕",
    "卖肾",
    "器官买卖",
    "假证",
    "办证",
    "发票代开",
    "黄牛号",
    "倒号",
    "代挂号加价",
    "赌博",
    "毒品",
    "枪支",
  ].map((word) => ({ word, category: "illegal" as const })),
  ...["加微信", "加我微信", "私聊", "私下交易", "线下交易", "加qq", "联系电话"].map((word) => ({
    word,
    category: "contact" as const,
  })),
  ...["傻逼", "垃圾人", "去死", "骗子"].map((word) => ({ word, category: "abuse" as const })),
]
