import type { Page } from "../cms/types"

/** A consent text of the CMS (a page with a version) that a form asks to accept. */
export type ConsentDocument<Kind extends string> = { kind: Kind; label: string; slug: string }

/** A consent's published text as a form shows it; `version` null when unpublished. */
export type ConsentText<Kind extends string> = ConsentDocument<Kind> & {
  title: string
  version: string | null
  /** The text in Markdown, as the editor wrote it. */
  body: string
}

/** Reads each document's text from the CMS (`getPage` of the CMS client), in the given order. */
export async function loadConsentTexts<Kind extends string>(
  documents: ConsentDocument<Kind>[],
  getPage: (slug: string) => Promise<Page | null>
): Promise<ConsentText<Kind>[]> {
  return Promise.all(
    documents.map(async (doc) => {
      const page = await getPage(doc.slug).catch(() => null)
      return {
        ...doc,
        title: page?.title ?? doc.label,
        version: page?.version ?? null,
        body: page?.body ?? "",
      }
    })
  )
}

/**
 * What a form sends once every box is ticked: each kind with the exact version shown. The
 * Chinese reason instead while a box is unticked or a text has no published version; `action`
 * names what cannot go ahead (预约, 申请).
 */
export function consentAcceptances<Kind extends string>(
  texts: ConsentText<Kind>[],
  ticked: Partial<Record<Kind, boolean>>,
  action: string
): { consents: { kind: Kind; version: string }[] } | { refusal: string } {
  const unpublished = texts.find((text) => !text.version)
  if (unpublished) {
    return { refusal: `「${unpublished.label}」暂未发布，暂时无法${action}，请稍后再试` }
  }
  const unticked = texts.filter((text) => !ticked[text.kind])
  if (unticked.length) {
    return { refusal: `请阅读并勾选同意：${unticked.map((t) => `「${t.label}」`).join("、")}` }
  }
  return { consents: texts.map((text) => ({ kind: text.kind, version: text.version as string })) }
}
