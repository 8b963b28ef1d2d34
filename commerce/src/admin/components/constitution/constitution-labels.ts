import {
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  REVIEW_SECTION_LABELS,
  REVIEW_STATUS_LABELS,
} from "@health/contracts"

/** 体质评估 page text; the types' codes and names are the ones commerce scores with (@health/contracts). */
export const TYPE_CODES = CONSTITUTION_CODES

export const TYPE_NAMES: Record<string, string> = CONSTITUTION_NAMES

export const SEX_LABELS: Record<string, string> = { female: "女", male: "男" }

export const STATUS_TABS = [
  { id: "pending", label: "待评估" },
  { id: "draft", label: "草稿" },
  { id: "published", label: "已发布" },
  { id: "all", label: "全部" },
] as const

export type StatusTab = (typeof STATUS_TABS)[number]["id"]

export const STATUS_LABELS: Record<string, string> = REVIEW_STATUS_LABELS

export const SECTIONS = [
  {
    key: "summary",
    label: REVIEW_SECTION_LABELS.summary,
    hint: "体质判定的解读与总体调养方向（发布前必填）",
  },
  { key: "diet", label: REVIEW_SECTION_LABELS.diet, hint: "宜食、忌食与食疗建议" },
  { key: "exercise", label: REVIEW_SECTION_LABELS.exercise, hint: "适合的运动方式、强度与时间" },
  { key: "emotion", label: REVIEW_SECTION_LABELS.emotion, hint: "情绪与心理调适" },
  { key: "daily", label: REVIEW_SECTION_LABELS.daily, hint: "作息、环境、四季起居" },
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
