import { model } from "@medusajs/framework/utils"

/**
 * One sitting of a course's exam. The drawn questions, their shown order, each option's
 * per-attempt key and which keys are correct are stored here when it starts, so grading
 * happens on the server against exactly what the escort saw; the client only ever gets
 * stems and options.
 */
export const EscortExamAttempt = model
  .define("escort_exam_attempt", {
    id: model.id({ prefix: "etatt" }).primaryKey(),
    escort_id: model.text(),
    course_id: model.text(),
    status: model.enum(["in_progress", "passed", "failed"]).default("in_progress"),
    /** `{ question_id, kind, stem, options: { key, text }[], correct: string[], explanation }[]` */
    questions: model.json(),
    /** `{ [question_id]: string[] }`: the keys the escort chose. */
    answers: model.json().nullable(),
    pass_mark_percent: model.number(),
    correct_count: model.number().nullable(),
    score_percent: model.number().nullable(),
    started_at: model.dateTime(),
    submitted_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["escort_id", "course_id"] }, { on: ["status"] }])
