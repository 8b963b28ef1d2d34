import type { ModerationCategory } from "./moderation-categories"

export type ScreenWord = { word: string; category: ModerationCategory }
export type ScreenMatch = { category: ModerationCategory; word: string }
export type ScreenResult = { flagged: boolean; matches: ScreenMatch[] }

/**
 * The text as the filter compares it: NFKC folds full-width letters and digits (ｗｘ, １３８)
 * into their plain forms, case is ignored, and spaces, punctuation, symbols and invisible
 * characters are dropped, so "根 治", "根·治" and "根\u200b治" all read "根治".
 */
export function normalizeForScreening(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}_]/gu, "")
}

const CHINESE_DIGITS: Record<string, string> = {
  零: "0",
  〇: "0",
  一: "1",
  幺: "1",
  二: "2",
  两: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
}

/** Contact details written to move a deal off the platform, in the usual disguises. */
const CONTACT_PATTERNS: { label: string; pattern: RegExp; digits?: boolean }[] = [
  { label: "手机号", pattern: /(?<!\d)1[3-9]\d{9}(?!\d)/, digits: true },
  { label: "固定电话", pattern: /(?<!\d)0\d{2,3}\d{7,8}(?!\d)/, digits: true },
  {
    label: "微信号",
    pattern: /(?:微信|薇信|威信|徽信|v信|vx|wx|weixin|wechat|加v)(?:号|id)?[a-z][a-z0-9]{5,19}/,
  },
  { label: "QQ号", pattern: /(?:qq|扣扣)(?:号)?\d{5,11}/ },
]

/**
 * Screens one text against the word list and the contact patterns. Pure: the moderation
 * module passes the active words; anything matched sends the text to the queue.
 */
export function screenText(text: string, words: ScreenWord[]): ScreenResult {
  const plain = normalizeForScreening(text)
  const matches: ScreenMatch[] = []
  for (const { word, category } of words) {
    const needle = normalizeForScreening(word)
    if (needle && plain.includes(needle)) matches.push({ category, word })
  }
  const digitsRead = plain.replace(/[零〇一幺二两三四五六七八九]/g, (c) => CHINESE_DIGITS[c])
  for (const { label, pattern, digits } of CONTACT_PATTERNS) {
    if (pattern.test(digits ? digitsRead : plain)) {
      matches.push({ category: "contact", word: label })
    }
  }
  return { flagged: matches.length > 0, matches }
}
