import Taro from "@tarojs/taro"
import { parseCnMobile } from "@health/core"
import type { AddressDraft } from "../components/address-fields"
import { isWeapp } from "./config"

/** 从微信导入 needs wx.chooseAddress, which only WeChat has (the H5 build's stub only fails). */
export const canImportWechatAddress = () => isWeapp() && typeof Taro.chooseAddress === "function"

/**
 * An address from the member's WeChat address list, in the address book's words, or null when
 * they closed the list. The result still goes through the form's checks: WeChat may hold a
 * landline or a region name the lists commerce checks against do not know.
 */
export async function importWechatAddress(): Promise<AddressDraft | null> {
  const chosen = await Taro.chooseAddress().catch(() => null)
  if (!chosen) return null
  return {
    name: chosen.userName.trim(),
    phone: parseCnMobile(chosen.telNumber) ?? chosen.telNumber,
    province: chosen.provinceName,
    city: chosen.cityName,
    district: chosen.countyName,
    street: chosen.detailInfo.trim(),
  }
}
