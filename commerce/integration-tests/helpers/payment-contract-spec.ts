import { medusaIntegrationTestRunner } from "./http-test-runner"
import {
  describePaymentProviderContract,
  type PaymentProviderContract,
} from "./payment-provider-contract"

/**
 * One provider's spec file: the app booted against that provider's sandbox, and the whole
 * contract (describePaymentProviderContract) run against it. One file per provider keeps
 * each file short enough for npm test's lanes; every provider runs the same cases.
 */
export function runPaymentContract(contract: PaymentProviderContract) {
  jest.setTimeout(180_000)
  // The app reads the provider's configuration when it boots: the sandbox's keys first.
  Object.assign(process.env, contract.env)
  medusaIntegrationTestRunner({
    inApp: true,
    env: {},
    testSuite: ({ api, getContainer }) => {
      describe(`payment provider contract: ${contract.label}`, () => {
        describePaymentProviderContract(contract, { api: api as never, getContainer })
      })
    },
  })
}
