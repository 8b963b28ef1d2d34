import { model } from "@medusajs/framework/utils"

/**
 * The last synced copy of a CMS hospital (陪诊医院) with its departments and their SOPs, so
 * booking and the escort's task detail keep working while the CMS is down. The id is the
 * CMS documentId; `departments` is `{ id, name, sop: { step, title, tips }[] }[]` in order.
 */
export const EscortHospital = model
  .define("escort_hospital", {
    id: model.text().primaryKey(),
    name: model.text(),
    level: model.text(),
    city: model.text(),
    address: model.text(),
    latitude: model.float(),
    longitude: model.float(),
    guide: model.text().nullable(),
    sort: model.number().default(0),
    departments: model.json(),
    synced_at: model.dateTime(),
  })
  .indexes([{ on: ["city"] }])
