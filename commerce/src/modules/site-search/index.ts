import { Module } from "@medusajs/framework/utils"
import SiteSearchModuleService from "./service"

export const SITE_SEARCH_MODULE = "siteSearch"

export default Module(SITE_SEARCH_MODULE, {
  service: SiteSearchModuleService,
})
