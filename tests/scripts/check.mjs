// The tally every browser and graphology check keeps: check(cond, what) counts a check and prints "FAIL: what"
// when it does not hold; done() prints "N passed, M failed" last and exits 1 on any failure.
let passed = 0;
let failed = 0;

export function check(cond, what) {
  if (cond) passed++;
  else {
    failed++;
    console.log("FAIL:", what);
  }
}

export function done() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
