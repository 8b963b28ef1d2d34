import { model } from "@medusajs/framework/utils"

/**
 * A doctor who answers consultations. The public profile (name, title, hospital, photo,
 * introduction, departments, specialties) is synced from the CMS `expert` entry named by
 * `cms_document_id`; the phone they sign in with, the licence number, the prices per mode and
 * `license_verified_at` are set by staff here. Unverified doctors are not offered to members.
 */
export const ConsultationDoctor = model
  .define("consultation_doctor", {
    id: model.id({ prefix: "doc" }).primaryKey(),
    cms_document_id: model.text().nullable(),
    name: model.text(),
    title: model.text().nullable(),
    hospital: model.text().nullable(),
    departments: model.json(),
    specialties: model.json(),
    introduction: model.text().nullable(),
    photo_url: model.text().nullable(),
    phone: model.text().nullable(),
    license_number: model.text().nullable(),
    license_verified_at: model.dateTime().nullable(),
    /** Fen per mode: `{ text, phone, video }`; a mode without a price is not offered. */
    prices: model.json(),
    /** Weekly hours `{ "1": [["09:00","12:00"]], … }` (ISO weekday); phone/video use it later. */
    weekly_schedule: model.json(),
    on_duty: model.boolean().default(true),
    synced_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["cms_document_id"],
      unique: true,
      where: "deleted_at is null and cms_document_id is not null",
    },
    { on: ["phone"], unique: true, where: "deleted_at is null and phone is not null" },
  ])
