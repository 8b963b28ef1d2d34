/**
 * Member tags: what an article's audience tags (CMS tag slugs) are matched against.
 *
 * - Constitution: every type of the member's latest constitution result whose verdict is
 *   是, 基本是 or 倾向是, by its code (qixu, tanshi, ... the CMS constitution tag slugs).
 * - Test categories: the handles of the product categories of the products in the
 *   member's orders that were not cancelled (series-cancer, usage-medication, ...).
 * - Age group from metadata.birth_date (Asia/Shanghai today): children (under 18),
 *   age-18-35, age-36-55, seniors (56 and over).
 * - Report findings that call for attention (中/高风险, 关注, 异常): `gene-<gene>` of each
 *   (gene-brca1, gene-mthfr), so articles and products tagged with a gene reach the members
 *   whose reports flag it. Good news (低风险, 正常) adds nothing.
 */
export type MemberFacts = {
  birth_date?: string | null
  constitution_verdicts?: Record<string, string> | null
  category_handles?: string[]
  findings?: { gene: string | null; risk: string }[]
}

const APPLIES = new Set(["是", "基本是", "倾向是"])
const NEEDS_ATTENTION = new Set(["medium", "high", "attention", "abnormal"])

/** The tag slug of a gene: lower case, anything but letters and digits a hyphen. */
export function geneTag(gene: string): string {
  return `gene-${gene
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`
}

const shanghaiDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })

/** Whole years between a YYYY-MM-DD birth date and `today` (YYYY-MM-DD), or null. */
export function ageOn(birthDate: string | null | undefined, today: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null
  const [by, bm, bd] = birthDate.split("-").map(Number)
  const [ty, tm, td] = today.split("-").map(Number)
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
  return age >= 0 ? age : null
}

export function ageGroupTag(age: number | null): string | null {
  if (age === null) return null
  if (age < 18) return "children"
  if (age <= 35) return "age-18-35"
  if (age <= 55) return "age-36-55"
  return "seniors"
}

export function memberTags(facts: MemberFacts, now: Date = new Date()): string[] {
  const tags = new Set<string>()
  for (const [code, verdict] of Object.entries(facts.constitution_verdicts ?? {})) {
    if (APPLIES.has(verdict)) tags.add(code)
  }
  for (const handle of facts.category_handles ?? []) tags.add(handle)
  for (const finding of facts.findings ?? []) {
    if (finding.gene && NEEDS_ATTENTION.has(finding.risk)) tags.add(geneTag(finding.gene))
  }
  const ageTag = ageGroupTag(ageOn(facts.birth_date, shanghaiDate.format(now)))
  if (ageTag) tags.add(ageTag)
  return [...tags].sort()
}

/** A member gets an article when any of its tags is one of theirs. */
export function tagsMatch(articleTags: string[], member: string[]): boolean {
  const mine = new Set(member)
  return articleTags.some((tag) => mine.has(tag))
}
