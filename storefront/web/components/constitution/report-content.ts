import type { Article, ConstitutionCode, ConstitutionType, Product } from "@health/core"

/** What a report shows beside the scores: CMS advice per type, and products and articles by tag. */
export type ReportContent = {
  types: ConstitutionType[]
  products: Product[]
  articles: Partial<Record<ConstitutionCode, Article[]>>
}

/** The CMS's four regimen fields of a type, in the order every report (page, PDF) shows them. */
export const REGIMEN_SECTIONS = [
  { key: "regimen_diet", title: "饮食调养" },
  { key: "regimen_exercise", title: "运动锻炼" },
  { key: "regimen_emotion", title: "情志调摄" },
  { key: "regimen_daily", title: "起居调护" },
] as const
