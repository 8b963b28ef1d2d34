/**
 * 中医体质辨识 (ZYYXH/T157-2009): the nine type codes commerce scores with (the CMS's
 * constitution tags use them as slugs), their names, and the words around an expert's
 * 养生评估报告. The questionnaire itself is ../ccmq.json.
 */
export const CONSTITUTION_CODES = [
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

export type ConstitutionCode = (typeof CONSTITUTION_CODES)[number]

/** 平和质, the balanced type; every other type is 偏颇. */
export const BALANCED_CONSTITUTION: ConstitutionCode = "pinghe"

export const CONSTITUTION_NAMES: Record<ConstitutionCode, string> = {
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

/** 平和质 is 是/基本是/否; every other (偏颇) type 是/倾向是/否. */
export type ConstitutionVerdict = "是" | "基本是" | "倾向是" | "否"

/** Where an assessment stands for the experts: nobody wrote yet, a draft, or published. */
export type ReviewStatus = "pending" | "draft" | "published"

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: "待评估",
  draft: "草稿",
  published: "已发布",
}

/** The parts of a 养生评估报告, in the order they are written and read. */
export const REVIEW_SECTION_KEYS = ["summary", "diet", "exercise", "emotion", "daily"] as const

export type ReviewSectionKey = (typeof REVIEW_SECTION_KEYS)[number]

export const REVIEW_SECTION_LABELS: Record<ReviewSectionKey, string> = {
  summary: "总体评估",
  diet: "饮食调养",
  exercise: "运动锻炼",
  emotion: "情志调摄",
  daily: "起居调护",
}
