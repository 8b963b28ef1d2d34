import { model } from "@medusajs/framework/utils"

/**
 * A photo or PDF of a hospital record a member keeps in the archive. The file is
 * encrypted in the file module; its name and note (often telling) are sealed here.
 */
export const MemberUpload = model.define("member_upload", {
  id: model.id({ prefix: "mupl" }).primaryKey(),
  customer_id: model.text().index(),
  kind: model.enum(["image", "pdf"]),
  mime_type: model.text(),
  size: model.number(),
  file_id: model.text(),
  key_id: model.text(),
  payload_ciphertext: model.text(),
})
