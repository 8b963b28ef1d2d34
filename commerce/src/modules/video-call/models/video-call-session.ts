import { model } from "@medusajs/framework/utils"

/**
 * One stretch of a video consultation during which member and doctor were both in the room:
 * it starts when the second of them joins and ends when either leaves. A consultation keeps
 * every session (a dropped call and its redial are two rows); at most one is open at a time.
 */
export const VideoCallSession = model
  .define("video_call_session", {
    id: model.id({ prefix: "vcs" }).primaryKey(),
    consultation_id: model.text(),
    started_at: model.dateTime(),
    ended_at: model.dateTime().nullable(),
    duration_seconds: model.number().nullable(),
  })
  .indexes([
    { on: ["consultation_id", "started_at"] },
    // One open session per consultation (the migration names it IDX_video_call_session_one_open).
    {
      name: "IDX_video_call_session_one_open",
      on: ["consultation_id"],
      unique: true,
      where: "ended_at is null and deleted_at is null",
    },
  ])
