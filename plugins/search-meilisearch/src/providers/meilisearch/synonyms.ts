/**
 * Words shoppers use for the same thing. Meilisearch synonyms are one-way, so each
 * group is expanded into every direction by `expandSynonymGroups`.
 */
export const DEFAULT_SYNONYM_GROUPS: string[][] = [
  ["基因检测", "基因筛查", "基因测序"],
  ["体质", "中医体质"],
  ["采集点", "采样点", "网点"],
  ["肿瘤", "癌症"],
]

export function expandSynonymGroups(groups: string[][]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const word of group) {
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...group.filter((w) => w !== word)])]
    }
  }
  return synonyms
}
