import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules, PaymentWebhookEvents } from "@medusajs/framework/utils"

type PaymentModuleOptions = { webhook_delay?: number; webhook_retries?: number }

/**
 * Takes the place of Medusa's generic /hooks/payment/:provider for WeChat Pay and does
 * what it does (hand the callback, raw bytes and headers included, to the payment module
 * through a delayed event), but answers 204 with no body as WeChat Pay v3 documents;
 * Medusa's answers 200 "OK". The signature was checked by the middleware before this runs.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  try {
    const options =
      (req.scope.resolve(Modules.PAYMENT) as unknown as { options?: PaymentModuleOptions })
        .options ?? {}
    await req.scope.resolve(Modules.EVENT_BUS).emit(
      {
        name: PaymentWebhookEvents.WebhookReceived,
        data: {
          provider: "wechatpay_wechatpay",
          payload: {
            data: req.body,
            rawData: (req as MedusaRequest & { rawBody?: Buffer }).rawBody,
            headers: req.headers,
          },
        },
      },
      // As Medusa's route: a short delay, so the payment session the buyer's page just
      // created is committed before the callback is processed.
      { delay: options.webhook_delay || 5000, attempts: options.webhook_retries || 3 }
    )
  } catch (error) {
    // WeChat retries whatever is not 2xx; its documented failure answer is a JSON body.
    res.status(500).json({ code: "FAIL", message: (error as Error).message })
    return
  }
  res.status(204).end()
}
