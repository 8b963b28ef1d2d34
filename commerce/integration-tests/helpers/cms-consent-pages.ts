import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http"
import type { AddressInfo } from "net"

/**
 * The CMS's legal pages as Strapi's REST API answers `GET /api/pages?filters[slug][$in]…`:
 * commerce checks every consent version it is sent against these (the versions of
 * helpers/escort-consents.ts). A test publishes a new version or unpublishes a page here.
 */
export type ConsentPages = Map<string, string>

export const consentPages = (): ConsentPages =>
  new Map([
    ["privacy-policy", "2026-12"],
    ["consent-personal-info", "2026-12"],
    ["consent-sensitive-personal-info", "2026-12"],
    ["consent-escort-sharing", "2026-12"],
    ["consent-escort-applicant-personal-info", "2026-12"],
    ["consent-escort-applicant-sensitive-info", "2026-12"],
  ])

/** Answers the pages request (true) or leaves the request to the caller's own stand-in. */
export function serveConsentPages(
  pages: ConsentPages,
  req: IncomingMessage,
  res: ServerResponse
): boolean {
  const url = new URL(req.url ?? "/", "http://cms")
  if (req.method !== "GET" || url.pathname !== "/api/pages") return false
  const asked = [...url.searchParams.entries()]
    .filter(([key]) => key.startsWith("filters[slug]"))
    .map(([, value]) => value)
  const data = [...pages]
    .filter(([slug]) => !asked.length || asked.includes(slug))
    .map(([slug, version], i) => ({
      id: i + 1,
      documentId: `page-${slug}`,
      slug,
      version,
      title: slug,
    }))
  res.writeHead(200, { "content-type": "application/json" })
  res.end(
    JSON.stringify({
      data,
      meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } },
    })
  )
  return true
}

export type ConsentCms = { pages: ConsentPages; url: string; server: Server }

/**
 * For a spec file with no CMS stand-in of its own: starts one serving the legal pages and
 * points the app at it (in `beforeAll`, since a file before it in its group may have pointed
 * the app elsewhere); stops it after the file.
 */
export function useConsentCms(): ConsentCms {
  const cms = { pages: consentPages(), url: "", server: null as unknown as Server }
  beforeAll(async () => {
    cms.server = createServer((req, res) => {
      if (serveConsentPages(cms.pages, req, res)) return
      res.writeHead(404, { "content-type": "application/json" })
      res.end(JSON.stringify({ data: null, error: { status: 404, message: "Not Found" } }))
    })
    await new Promise<void>((resolve) => cms.server.listen(0, "127.0.0.1", resolve))
    cms.url = `http://127.0.0.1:${(cms.server.address() as AddressInfo).port}`
    process.env.CMS_URL = cms.url
  })
  afterAll(async () => {
    await new Promise<void>((resolve) =>
      cms.server ? cms.server.close(() => resolve()) : resolve()
    )
  })
  return cms
}
