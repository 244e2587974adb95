/**
 * A test's own timeout, scaled like jest's default one: by TEST_TIMEOUT_SCALE, which the
 * workspace's jest.config.js sets from the machine's load when it starts (1 on an idle machine,
 * up to 8) and which a CI script may set itself. Timeouts are there to catch hangs; a test that
 * is only slow because the machine is busy must not fail (the contract's 20 concurrent writers
 * on the EventStoreDB stand-in took 100 to 224 s on a 2-core machine with two CPU burners beside
 * it, against 120 s allowed). Outside that workspace the variable is unset and `ms` is kept.
 */
export function scaledTimeout(ms: number): number {
  const scale = Number(process.env.TEST_TIMEOUT_SCALE);
  return scale > 0 ? Math.round(ms * scale) : ms;
}
