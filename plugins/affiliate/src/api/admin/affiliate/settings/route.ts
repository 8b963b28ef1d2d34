import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import type { SettingsView } from "../../../../modules/affiliate/service"
import { updateAffiliateSettingsWorkflow } from "../../../../workflows/programme-settings"
import type { UpdateSettingsBodyType } from "../../../validators"
import { toFenFromYuan } from "../../../views"

const settingsView = (settings: SettingsView) => ({
  rates_percent: settings.rates_bp.map((bp) => bp / 100),
  levels: settings.rates_bp.length,
  max_levels: 3,
  hold_days: settings.hold_days,
  min_withdrawal: settings.min_withdrawal / 100,
})

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  res.json({ settings: settingsView(await service.settings()) })
}

export async function POST(
  req: AuthenticatedMedusaRequest<UpdateSettingsBodyType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await updateAffiliateSettingsWorkflow(req.scope).run({
    input: {
      ...(body.rates_percent && {
        rates_bp: body.rates_percent.map((percent) => Math.round(percent * 100)),
      }),
      ...(body.hold_days !== undefined && { hold_days: body.hold_days }),
      ...(body.min_withdrawal !== undefined && {
        min_withdrawal: toFenFromYuan(body.min_withdrawal),
      }),
    },
  })
  res.json({ settings: settingsView(result) })
}
