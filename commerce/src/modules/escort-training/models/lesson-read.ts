import { model } from "@medusajs/framework/utils"

/**
 * 课时已读: the first time an escort opened a lesson of a course (the synced course's id, the
 * lesson's key). Progress is lessons read over the course's lessons; one row per lesson.
 */
export const EscortLessonRead = model
  .define("escort_lesson_read", {
    id: model.id({ prefix: "etread" }).primaryKey(),
    escort_id: model.text(),
    course_id: model.text(),
    lesson_key: model.text(),
    read_at: model.dateTime(),
  })
  .indexes([
    { on: ["escort_id", "course_id", "lesson_key"], unique: true, where: "deleted_at is null" },
  ])
