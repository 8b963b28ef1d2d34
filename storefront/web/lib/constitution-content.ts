import { CONSTITUTION_CODES, type ConstitutionCode } from "@health/core"
import type { ReportContent } from "@/components/constitution/report-content"
import { cms, commerce, optional } from "./backends"

/** The CMS's nine constitution types with their advice; none while the CMS is down. */
export function loadConstitutionTypes() {
  return optional(() => cms.listConstitutionTypes(), [])
}

/**
 * The CMS advice for every type and the products and articles tagged for `codes`. Each part
 * is optional: without the CMS or the shop the report still shows scores and verdicts.
 */
export async function loadReportContent(
  codes: readonly ConstitutionCode[] = CONSTITUTION_CODES
): Promise<ReportContent> {
  const [types, products, articleLists] = await Promise.all([
    loadConstitutionTypes(),
    optional(async () => {
      const region = await commerce.getRegion()
      return (await commerce.listProducts({ regionId: region.id, limit: 50 })).products
    }, []),
    Promise.all(
      codes.map((code) =>
        optional(() => cms.listArticles({ tag: code, pageSize: 3 }).then((page) => page.data), [])
      )
    ),
  ])
  return {
    types,
    products,
    articles: Object.fromEntries(codes.map((code, i) => [code, articleLists[i]])),
  }
}
