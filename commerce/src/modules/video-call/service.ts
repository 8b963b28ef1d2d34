import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { VideoCallSession } from "./models/video-call-session"

export type VideoCallSessionRow = {
  id: string
  consultation_id: string
  started_at: Date | string
  ended_at: Date | string | null
  duration_seconds: number | null
}

export type VideoCallSessionView = {
  id: string
  started_at: string
  ended_at: string | null
  duration_seconds: number | null
}

const COLUMNS = `id, consultation_id, started_at, ended_at, duration_seconds`
const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * 视频问诊 sessions: when member and doctor were both in the room. The signalling service
 * reports both ends; either report may arrive twice (two instances, a retry), so opening
 * finds an open session first and closing closes only an open one.
 */
class VideoCallModuleService extends MedusaService({ VideoCallSession }) {
  /** Both parties are in: opens a session unless one is open already. */
  @InjectTransactionManager()
  async recordCallStarted(
    consultationId: string,
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<VideoCallSessionRow> {
    const sql = this.sql(context)
    const [opened] = await sql.execute<VideoCallSessionRow>(
      `insert into video_call_session (id, consultation_id, started_at)
       values (?, ?, ?)
       on conflict (consultation_id) where ended_at is null and deleted_at is null do nothing
       returning ${COLUMNS}`,
      [generateEntityId("", "vcs"), consultationId, at]
    )
    if (opened) return opened
    const [open] = await sql.execute<VideoCallSessionRow>(
      `select ${COLUMNS} from video_call_session
       where consultation_id = ? and ended_at is null and deleted_at is null`,
      [consultationId]
    )
    return open
  }

  /** Someone left: closes the open session with its whole seconds; nothing open, nothing done. */
  @InjectTransactionManager()
  async recordCallEnded(
    consultationId: string,
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<VideoCallSessionRow | null> {
    const [closed] = await this.sql(context).execute<VideoCallSessionRow>(
      `update video_call_session
       set ended_at = greatest(?::timestamptz, started_at),
         duration_seconds = floor(extract(epoch from greatest(?::timestamptz, started_at) - started_at))::int,
         updated_at = now()
       where consultation_id = ? and ended_at is null and deleted_at is null
       returning ${COLUMNS}`,
      [at, at, consultationId]
    )
    return closed ?? null
  }

  /** The consultation's sessions, oldest first. */
  @InjectManager()
  async sessionsOf(
    consultationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<VideoCallSessionRow[]> {
    return this.sql(context).execute<VideoCallSessionRow>(
      `select ${COLUMNS} from video_call_session
       where consultation_id = ? and deleted_at is null order by started_at, id`,
      [consultationId]
    )
  }

  presentSession(row: VideoCallSessionRow): VideoCallSessionView {
    return {
      id: row.id,
      started_at: iso(row.started_at),
      ended_at: row.ended_at ? iso(row.ended_at) : null,
      duration_seconds: row.duration_seconds,
    }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "video-call")
  }
}

export default VideoCallModuleService
