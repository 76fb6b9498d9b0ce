# shellcheck shell=bash
# Sums the <Counters .../> element of the TRX files given as arguments.
# Prints "passed failed skipped"; prints nothing if no file has counters.
trx_counts() {
  local passed=0 failed=0 skipped=0 found=0 file counters
  for file in "$@"; do
    counters=$(grep -o "<Counters [^>]*>" "$file" 2>/dev/null | head -n1 || true)
    [[ -n $counters ]] || continue
    found=1
    passed=$((passed + $(trx_attr passed)))
    # error/timeout/aborted are failures too. Skipped tests count in total
    # but not in executed (xunit leaves notExecuted at 0).
    failed=$((failed + $(trx_attr failed) + $(trx_attr error) + $(trx_attr timeout) + $(trx_attr aborted)))
    skipped=$((skipped + $(trx_attr total) - $(trx_attr executed)))
  done
  ((found)) && echo "$passed $failed $skipped"
  return 0
}

# Reads attribute $1 from $counters (0 when absent).
trx_attr() {
  local value
  value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
  echo "${value:-0}"
}
