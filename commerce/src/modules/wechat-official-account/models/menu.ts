import { model } from "@medusajs/framework/utils"

/**
 * 自定义菜单: one row ("default"), the buttons as staff saved them (WeChat's menu/create
 * body `button`) and the outcome of the last publish to WeChat.
 */
export const OfficialAccountMenu = model.define("wechat_oa_menu", {
  id: model.text().primaryKey(),
  buttons: model.json(),
  published_at: model.dateTime().nullable(),
  last_publish_errcode: model.number().nullable(),
  last_publish_errmsg: model.text().nullable(),
})
