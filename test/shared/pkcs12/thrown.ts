// A test helper shared by the PKCS#12 parser tests.

/** Runs `run` and returns what it raised, or null when it returned normally. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}
