/** 体质评估 page text and the types' names (the codes commerce scores with). */
export const TYPE_CODES = [
  "pinghe",
  "qixu",
  "yangxu",
  "yinxu",
  "tanshi",
  "shire",
  "xueyu",
  "qiyu",
  "tebing",
] as const

export const TYPE_NAMES: Record<string, string> = {
  pinghe: "平和质",
  qixu: "气虚质",
  yangxu: "阳虚质",
  yinxu: "阴虚质",
  tanshi: "痰湿质",
  shire: "湿热质",
  xueyu: "血瘀质",
  qiyu: "气郁质",
  tebing: "特禀质",
}

export const SEX_LABELS: Record<string, string> = { female: "女", male: "男" }

export const STATUS_TABS = [
  { id: "pending", label: "待评估" },
  { id: "draft", label: "草稿" },
  { id: "published", label: "已发布" },
  { id: "all", label: "全部" },
] as const

export type StatusTab = (typeof STATUS_TABS)[number]["id"]

export const STATUS_LABELS: Record<string, string> = {
  pending: "待评估",
  draft: "草稿",
  published: "已发布",
}

export const SECTIONS = [
  { key: "summary", label: "总体评估", hint: "体质判定的解读与总体调养方向（发布前必填）" },
  { key: "diet", label: "饮食调养", hint: "宜食、忌食与食疗建议" },
  { key: "exercise", label: "运动锻炼", hint: "适合的运动方式、强度与时间" },
  { key: "emotion", label: "情志调摄", hint: "情绪与心理调适" },
  { key: "daily", label: "起居调护", hint: "作息、环境、四季起居" },
] as const

export type SectionKey = (typeof SECTIONS)[number]["key"]
export type Sections = Record<SectionKey, string>

export const emptySections = (): Sections => ({
  summary: "",
  diet: "",
  exercise: "",
  emotion: "",
  daily: "",
})

/** Verdicts that make a type apply (its advice belongs in the report). */
export const applies = (verdict: string | undefined) => !!verdict && verdict !== "否"
