import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { articleContent } from "./article-content"
import { clinicSessionContent } from "./clinic-session-content"
import { consultationOfferContent } from "./consultation-offer-content"
import { escortServiceContent } from "./escort-service-content"
import { productContent } from "./product-content"
import {
  PUSH_CONTENT_TYPES,
  type PushContent,
  type PushContentSource,
  type PushContentType,
} from "./push-content-types"
import { PUSH_CONTENT_TEXT as T } from "./push-content.zh-CN"

/** 推送中心's content picker shows this many candidates at most. */
export const PUSH_CONTENT_LIMIT = 20

const SOURCES: Record<PushContentType, PushContentSource> = {
  article: articleContent,
  product: productContent,
  clinic_session: clinicSessionContent,
  escort: escortServiceContent,
  consultation: consultationOfferContent,
}

export const isPushContentType = (type: string): type is PushContentType =>
  (PUSH_CONTENT_TYPES as readonly string[]).includes(type)

/** Candidates of one kind matching `q`; 503 in Chinese when the CMS does not answer. */
export function searchPushContent(
  container: MedusaContainer,
  type: PushContentType,
  q: string
): Promise<PushContent[]> {
  return SOURCES[type].search(container, q.trim(), PUSH_CONTENT_LIMIT)
}

/**
 * The content a push names, or 404 in Chinese when it is gone, so a push never links to
 * deleted content. Custom text (and any other type) names nothing and is not checked.
 */
export async function requirePushContent(
  container: MedusaContainer,
  type: string,
  ref: string
): Promise<PushContent | null> {
  if (!isPushContentType(type)) return null
  const found = await SOURCES[type].find(container, ref)
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, T.missing[type])
  return found
}
