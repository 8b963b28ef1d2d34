/// <reference types="@tarojs/taro" />

declare module "*.png"
declare module "*.css"

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: "weapp" | "h5"
    TARO_APP_ID: string
    TARO_APP_COMMERCE_URL: string
    TARO_APP_PUBLISHABLE_KEY: string
    TARO_APP_CMS_URL: string
    TARO_APP_CMS_TOKEN: string
    TARO_APP_WEB_URL: string
  }
}
