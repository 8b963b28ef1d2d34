import { createEscortTrainingClient } from "@health/core"
import { escortAppOptions } from "./escort-app-client"

/** 培训考试's client on Taro.request with the escort app's options (only this package uses it). */
export const escortTraining = createEscortTrainingClient(escortAppOptions)
