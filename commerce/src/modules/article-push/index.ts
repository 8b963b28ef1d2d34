import { Module } from "@medusajs/framework/utils"
import ArticlePushModuleService from "./service"

export const ARTICLE_PUSH_MODULE = "articlePush"

export default Module(ARTICLE_PUSH_MODULE, {
  service: ArticlePushModuleService,
})
