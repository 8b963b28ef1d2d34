import { model } from "@medusajs/framework/utils"

/**
 * One searchable thing (product, article, collection site) in the Postgres search
 * provider. Postgres full-text search has no Chinese tokenizer, so a query term matches
 * as a substring of `search_text`, found through the GIN index on its bigrams.
 */
export const SearchDocument = model
  .define("site_search_document", {
    id: model.id({ prefix: "sdoc" }).primaryKey(),
    /** The physical index the document belongs to. */
    index_name: model.text(),
    /** The document's primary key within its index (product id, Strapi documentId). */
    doc_id: model.text(),
    title: model.text(),
    /** Every searchable field joined, as written. */
    content: model.text(),
    /** `content` normalised (NFKC, lower case): what terms are matched against. */
    search_text: model.text().default(""),
    /** The distinct two-character windows of `search_text`. */
    grams: model.array(),
    /** Each searchable field normalised, for ranking by the fields a term occurs in. */
    fields: model.json(),
    /** The document as written, returned on hits and filtered on. */
    document: model.json(),
  })
  .indexes([
    { on: ["index_name", "doc_id"], unique: true },
    { name: "IDX_site_search_document_grams", on: ["grams"], type: "GIN" },
    { name: "IDX_site_search_document_document", on: ["document"], type: "GIN" },
    { name: "IDX_site_search_document_index_name_title", on: ["index_name", "title"] },
  ])
