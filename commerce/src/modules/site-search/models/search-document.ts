import { model } from "@medusajs/framework/utils"

/**
 * One searchable thing (product, article, collection site) in the Postgres search
 * provider. `content` holds every searchable field joined, matched with ILIKE (trigram
 * indexed) because Postgres full-text search has no Chinese tokenizer.
 */
export const SearchDocument = model
  .define("site_search_document", {
    id: model.id({ prefix: "sdoc" }).primaryKey(),
    /** The physical index the document belongs to. */
    index_name: model.text(),
    /** The document's primary key within its index (product id, Strapi documentId). */
    doc_id: model.text(),
    title: model.text(),
    content: model.text(),
    /** The document as written, returned on hits. */
    document: model.json(),
  })
  .indexes([{ on: ["index_name", "doc_id"], unique: true }])
