import { cmsBase } from "../../modules/site-search/documents/cms-document"

/** The CMS could not be read; the step fails, so does the job, and BullMQ retries it. */
export class CmsReadError extends Error {}

type CmsPage = { data: unknown[] | null; meta?: { pagination?: { pageCount?: number } } }

/** One page of a Strapi collection (`path` after /api), or null when the CMS answers 404. */
export async function readCmsCollection(path: string): Promise<CmsPage | null> {
  const token = process.env.CMS_API_TOKEN
  let response: Response
  try {
    response = await fetch(`${cmsBase()}/api${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
    })
  } catch (error) {
    throw new CmsReadError(`CMS unreachable: ${(error as Error).message}`)
  }
  if (response.status === 404) return null
  if (!response.ok) throw new CmsReadError(`CMS answered ${response.status} for ${path}`)
  return (await response.json()) as CmsPage
}
