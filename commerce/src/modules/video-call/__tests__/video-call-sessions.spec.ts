import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { VIDEO_CALL_MODULE } from ".."
import { VideoCallSession } from "../models/video-call-session"
import VideoCallModuleService from "../service"

jest.setTimeout(60_000)

const at = (iso: string) => new Date(iso)

moduleIntegrationTestRunner<VideoCallModuleService>({
  moduleName: VIDEO_CALL_MODULE,
  moduleModels: [VideoCallSession],
  resolve: "./src/modules/video-call",
  testSuite: ({ service }) => {
    it("opens one session however often 'started' arrives, and closes it once with its length", async () => {
      const first = await service.recordCallStarted("cons_1", at("2026-12-07T06:00:00Z"))
      const again = await service.recordCallStarted("cons_1", at("2026-12-07T06:00:02Z"))
      expect(again.id).toBe(first.id)

      const closed = await service.recordCallEnded("cons_1", at("2026-12-07T06:12:30.900Z"))
      expect(closed).toMatchObject({ id: first.id, duration_seconds: 750 })
      expect(await service.recordCallEnded("cons_1", at("2026-12-07T06:13:00Z"))).toBeNull()
    })

    it("keeps a redial as a second session and never a negative length", async () => {
      await service.recordCallStarted("cons_2", at("2026-12-07T07:00:00Z"))
      await service.recordCallEnded("cons_2", at("2026-12-07T07:01:00Z"))
      await service.recordCallStarted("cons_2", at("2026-12-07T07:05:00Z"))
      // A late "ended" stamped before the start (clocks of two instances) counts as zero.
      await service.recordCallEnded("cons_2", at("2026-12-07T07:04:59Z"))
      const sessions = (await service.sessionsOf("cons_2")).map((row) =>
        service.presentSession(row)
      )
      expect(sessions.map((s) => s.duration_seconds)).toEqual([60, 0])
      expect(sessions[1].ended_at).toBe("2026-12-07T07:05:00.000Z")
      expect(await service.sessionsOf("cons_other")).toEqual([])
    })

    it("opens exactly one session when two instances report the start at once", async () => {
      const both = await Promise.all([
        service.recordCallStarted("cons_3", at("2026-12-07T08:00:00Z")),
        service.recordCallStarted("cons_3", at("2026-12-07T08:00:00.100Z")),
      ])
      expect(both[0].id).toBe(both[1].id)
      expect(await service.sessionsOf("cons_3")).toHaveLength(1)
    })
  },
})
