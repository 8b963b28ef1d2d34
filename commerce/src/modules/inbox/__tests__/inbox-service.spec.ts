import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { INBOX_MODULE } from ".."
import InboxModuleService from "../service"
import { InboxMessage } from "../models/inbox-message"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<InboxModuleService>({
  moduleName: INBOX_MODULE,
  moduleModels: [InboxMessage],
  resolve: "./src/modules/inbox",
  testSuite: ({ service }) => {
    const message = (key: string, customer = "cus_a") => ({
      customer_id: customer,
      category: "order",
      title: "订单已提交",
      body: "您的订单 #1 已提交，请尽快完成支付。",
      link: "/account/orders/order_1",
      dedupe_key: key,
    })

    it("delivers a message once per dedupe key, however often the event is replayed", async () => {
      const first = await service.deliver(message("order-placed:order_1"))
      const again = await service.deliver(message("order-placed:order_1"))
      const parallel = await Promise.all(
        Array.from({ length: 5 }, () => service.deliver(message("order-placed:order_1")))
      )

      expect(first.created).toBe(true)
      expect(again.created).toBe(false)
      expect(parallel.every((result) => result.message.id === first.message.id)).toBe(true)
      const stored = await service.listInboxMessages({ customer_id: "cus_a" })
      expect(stored).toHaveLength(1)
      expect(stored[0].title).toBe("订单已提交")
    })

    it("counts unread messages and marks only the member's own messages read", async () => {
      const mine = await service.deliver(message("k1"))
      await service.deliver(message("k2"))
      const theirs = await service.deliver(message("k3", "cus_b"))

      expect(await service.countUnread("cus_a")).toBe(2)

      const marked = await service.markRead("cus_a", [mine.message.id, theirs.message.id])

      expect(marked).toBe(1)
      expect(await service.countUnread("cus_a")).toBe(1)
      expect(await service.countUnread("cus_b")).toBe(1)
    })
  },
})
