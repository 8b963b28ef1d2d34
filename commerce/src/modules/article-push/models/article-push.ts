import { model } from "@medusajs/framework/utils"

/** A CMS article pushed to members: one row per article, written when its push starts. */
export const ArticlePush = model.define("article_push", {
  id: model.id({ prefix: "apush" }).primaryKey(),
  /** The Strapi documentId of the article. */
  document_id: model.text().unique(),
  title: model.text(),
  slug: model.text().nullable(),
  /** The article's tag slugs the members were matched against. */
  tags: model.json(),
  /** Customers looked at so far (every batch adds its size). */
  scanned: model.number().default(0),
})
