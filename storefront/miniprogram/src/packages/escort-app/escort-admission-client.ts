import { createEscortAdmissionClient } from "@health/core"
import { escortAppOptions } from "./escort-app-client"

/** 陪诊员入驻's client on Taro.request, with the escort app's options. */
export const escortAdmission = createEscortAdmissionClient(escortAppOptions)
