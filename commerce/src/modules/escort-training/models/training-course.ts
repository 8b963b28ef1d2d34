import { model } from "@medusajs/framework/utils"

/**
 * Commerce's synced copy of a CMS course (培训课程) with its lessons and its question bank.
 * The bank holds the correct options, so it lives here, server-side, and is never sent to
 * an escort; a course gone from the CMS is soft-deleted and no longer required.
 */
export const EscortTrainingCourse = model
  .define("escort_training_course", {
    id: model.id({ prefix: "etcourse" }).primaryKey(),
    /** The CMS documentId; routes use it as the course id. */
    cms_id: model.text(),
    title: model.text(),
    summary: model.text().nullable(),
    hospital_name: model.text().nullable(),
    department_name: model.text().nullable(),
    specialty: model.text().nullable(),
    required_for_first_task: model.boolean().default(false),
    refresher_months: model.number().default(12),
    pass_mark_percent: model.number().default(80),
    question_count: model.number().default(10),
    retry_cooldown_minutes: model.number().default(30),
    sort: model.number().default(0),
    /** `{ title, body, images: { url, alt }[], video_url }[]` in reading order. */
    lessons: model.json(),
    /** `{ id, kind, stem, options: { text, correct }[], explanation }[]` (server-side only). */
    questions: model.json(),
    synced_at: model.dateTime(),
  })
  .indexes([{ on: ["cms_id"], unique: true }])
