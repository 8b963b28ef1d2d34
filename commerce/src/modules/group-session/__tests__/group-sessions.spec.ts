import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { GROUP_SESSION_MODULE } from ".."
import GroupSessionModuleService from "../service"
import { GroupSession } from "../models/group-session"
import { GroupSessionParticipant } from "../models/group-session-participant"
import { GroupSessionQuestion } from "../models/group-session-question"
import { MAX_PENDING_PER_MEMBER } from "../rules/session-schedule"

jest.setTimeout(60_000)

const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000)

moduleIntegrationTestRunner<GroupSessionModuleService>({
  moduleName: GROUP_SESSION_MODULE,
  moduleModels: [GroupSession, GroupSessionParticipant, GroupSessionQuestion],
  resolve: "./src/modules/group-session",
  testSuite: ({ service }) => {
    /** A session starting in `startsIn` minutes, an hour long. */
    const scheduled = (startsIn = 10, capacity = 50) =>
      service.scheduleSession(
        {
          doctor_id: "doc_1",
          title: "秋冬养生答疑",
          topic: "气虚体质如何调养",
          starts_at: minutes(startsIn),
          ends_at: minutes(startsIn + 60),
          capacity,
        },
        new Date()
      )
    const live = (session: { starts_at: Date }) => minutes(5, new Date(session.starts_at))
    const ask = (
      sessionId: string,
      customerId: string,
      now: Date,
      text = "秋天总是咳嗽怎么调理？"
    ) => service.askQuestion({ session_id: sessionId, customer_id: customerId, text }, now)
    const moderator = { by_type: "doctor" as const, by_id: "doc_1" }

    it("refuses a session that starts in the past or runs backwards, in Chinese", async () => {
      const base = {
        doctor_id: "doc_1",
        title: "答疑",
        topic: "",
        capacity: 10,
      }
      await expect(
        service.scheduleSession(
          { ...base, starts_at: minutes(-5), ends_at: minutes(60) },
          new Date()
        )
      ).rejects.toThrow("开始时间须晚于现在")
      await expect(
        service.scheduleSession(
          { ...base, starts_at: minutes(60), ends_at: minutes(30) },
          new Date()
        )
      ).rejects.toThrow("每场时长应为")
    })

    it("gives each member one seat, numbered in joining order, and joining again changes nothing", async () => {
      const session = await scheduled()
      const first = await service.join(session.id, "cus_a", new Date())
      const second = await service.join(session.id, "cus_b", new Date())
      const again = await service.join(session.id, "cus_a", new Date())
      expect([first.created, second.created, again.created]).toEqual([true, true, false])
      expect([first.participant.seat, second.participant.seat, again.participant.seat]).toEqual([
        1, 2, 1,
      ])
      expect((await service.joinedCounts([session.id])).get(session.id)).toBe(2)
    })

    it("never seats more members than the capacity, even when they join at once", async () => {
      const session = await scheduled(10, 3)
      const results = await Promise.allSettled(
        ["cus_1", "cus_2", "cus_3", "cus_4", "cus_5"].map((c) =>
          service.join(session.id, c, new Date())
        )
      )
      const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
      expect(refused.map((r) => (r.reason as Error).message)).toEqual([
        "本场咨询名额已满",
        "本场咨询名额已满",
      ])
      expect((await service.joinedCounts([session.id])).get(session.id)).toBe(3)
    })

    it("lets no one join a session that is over", async () => {
      const session = await scheduled()
      await expect(
        service.join(session.id, "cus_a", minutes(61, session.starts_at))
      ).rejects.toThrow("本场咨询已结束")
    })

    it("takes questions only from joined members while the room is open", async () => {
      const session = await scheduled(120)
      await expect(ask(session.id, "cus_a", new Date())).rejects.toThrow("请先加入本场咨询")
      await service.join(session.id, "cus_a", new Date())
      await expect(ask(session.id, "cus_a", new Date())).rejects.toThrow("开始前 30 分钟开放提问")
      const asked = await ask(session.id, "cus_a", minutes(-10, session.starts_at))
      expect([asked.status, asked.seat]).toEqual(["pending", 1])
      await expect(ask(session.id, "cus_a", session.ends_at)).rejects.toThrow("本场咨询已结束")
    })

    it(`keeps at most ${MAX_PENDING_PER_MEMBER} of a member's questions waiting at once`, async () => {
      const session = await scheduled()
      await service.join(session.id, "cus_a", new Date())
      const now = live(session)
      const waiting = []
      for (let i = 0; i < MAX_PENDING_PER_MEMBER; i++)
        waiting.push(await ask(session.id, "cus_a", now))
      await expect(ask(session.id, "cus_a", now)).rejects.toThrow("在等待审核")
      await service.decideQuestion(session.id, waiting[0].id, { action: "approve", ...moderator })
      await expect(ask(session.id, "cus_a", now)).resolves.toMatchObject({ status: "pending" })
    })

    it("decides a question once, and answers only public ones, once", async () => {
      const session = await scheduled()
      await service.join(session.id, "cus_a", new Date())
      const q1 = await ask(session.id, "cus_a", live(session))
      const q2 = await ask(session.id, "cus_a", live(session), "请问熬夜后怎么补气？")
      const [a, b] = await Promise.allSettled([
        service.decideQuestion(session.id, q1.id, { action: "approve", ...moderator }),
        service.decideQuestion(session.id, q1.id, {
          action: "reject",
          ...moderator,
          reason: null,
        }),
      ])
      expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"])
      await service.decideQuestion(session.id, q2.id, {
        action: "reject",
        by_type: "staff",
        by_id: "user_1",
        reason: "与主题无关",
      })
      await expect(service.answerQuestion(session.id, q2.id, "回答")).rejects.toThrow(
        "只能回答已公开的问题"
      )
      const decided = await service.question(session.id, q1.id)
      if (decided.status === "approved") {
        await service.answerQuestion(session.id, q1.id, "多喝温水，注意保暖。")
        await expect(service.answerQuestion(session.id, q1.id, "再答一次")).rejects.toThrow(
          "已经回答过"
        )
      }
      // A question of another session is not found through this one.
      const other = await scheduled()
      await expect(
        service.decideQuestion(other.id, q2.id, { action: "approve", ...moderator })
      ).rejects.toThrow("没有找到这个问题")
    })

    it("shows members only public questions and answers, in order; moderators see everything", async () => {
      const session = await scheduled()
      await service.join(session.id, "cus_a", new Date())
      await service.join(session.id, "cus_b", new Date())
      const kept = await ask(session.id, "cus_b", live(session), "气虚的人适合跑步吗？")
      const dropped = await ask(session.id, "cus_a", live(session), "这个问题会被驳回吗？")
      const waiting = await ask(session.id, "cus_a", live(session), "这个问题还在等审核。")
      await service.decideQuestion(session.id, kept.id, { action: "approve", ...moderator })
      await service.decideQuestion(session.id, dropped.id, {
        action: "reject",
        ...moderator,
        reason: null,
      })
      await service.answerQuestion(session.id, kept.id, "可以慢跑，循序渐进。")

      const members = await service.roomEvents(session.id, "members")
      expect(members.map((e) => e.id)).toEqual([`${kept.id}:approved`, `${kept.id}:answered`])
      expect(members[0].question).toMatchObject({ asker: "2 号会员", text: "气虚的人适合跑步吗？" })
      expect(JSON.stringify(members)).not.toContain("cus_b")

      const moderators = await service.roomEvents(session.id, "moderators")
      expect(moderators.map((e) => e.id).sort()).toEqual(
        [
          `${kept.id}:asked`,
          `${kept.id}:approved`,
          `${kept.id}:answered`,
          `${dropped.id}:asked`,
          `${dropped.id}:rejected`,
          `${waiting.id}:asked`,
        ].sort()
      )
    })
  },
})
