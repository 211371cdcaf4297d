#!/usr/bin/env bash
# Loft and Dovecot side by side on this machine, same configuration, same client code:
# IMAP, LMTP, POP3 and IDLE.
#
#   bench/imap-vs-dovecot.sh [--count N] [--clients "10 50"] [--idle N] [--seconds S]
#
# Starts a private Dovecot with ../shared/anchor/dovecot-anchor.sh (IMAP on 20143) and Loft from
# distribution/target/loft with the anchor's configuration on other ports (IMAP on 30143), then runs
#   - imap_ops_bench.py (../shared/bench): FETCH FLAGS/ENVELOPE, UID SEARCH, SORT, THREAD on one
#     mailbox of N messages (default 20,000 from gen_mbox.py),
#   - bench/imap_mixed_load.py at each client count (select, fetch, store, append, expunge),
#   - lmtp_bench.py at concurrency 1 and 8 with 4 KiB and 100 KiB messages,
#   - pop3_bench.py: LIST+UIDL+RETR of a 5,000-message mailbox,
#   - idle_latency.py: time from an LMTP delivery to the EXISTS an IDLE client sees,
#   - idle_conns.py: memory per connection in IDLE (plain and TLS),
# against Dovecot then Loft, and prints each figure with the ratio (>1: Loft is better).
# Needs root (the anchor setuids), python3, Debian's dovecot-imapd; run `scripts/test` or
# `mvn -DskipTests install` first. Everything lives in a fresh temporary folder that is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${SHARED:-$ROOT/../shared}
COUNT=20000 CLIENTS="10 50" IDLE=2000 SECONDS_EACH=30
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    *) echo "usage: $0 [--count N] [--clients \"10 50\"] [--idle N] [--seconds S]" >&2; exit 2 ;;
  esac
done
[ -x distribution/target/loft/bin/loft ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }
WORK=$(mktemp -d /tmp/loft-bench.XXXXXX)
D=$WORK/dovecot L=$WORK/loft
mkdir -p "$D" "$L"
LOFT_PID=
cleanup() {
  [ -n "$LOFT_PID" ] && kill "$LOFT_PID" 2>/dev/null || true
  ANCHOR_DIR=$D bash "$SHARED/anchor/dovecot-anchor.sh" stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ports() { # prefix
  echo "ANCHOR_IMAP_PORT=${1}143 ANCHOR_IMAPS_PORT=${1}993 ANCHOR_POP3_PORT=${1}110 ANCHOR_POP3S_PORT=${1}995 ANCHOR_LMTP_PORT=${1}024 ANCHOR_SIEVE_PORT=$((${1}4190))"
}
export ANCHOR_USERS=100
env ANCHOR_DIR=$D $(ports 20) bash "$SHARED/anchor/dovecot-anchor.sh" start >/dev/null
env ANCHOR_DIR=$L $(ports 30) bash "$SHARED/anchor/dovecot-anchor.sh" config >/dev/null
echo "loft_connection_limit_per_ip = $((IDLE + 100))" >> "$L/dovecot.conf"
chmod -R a+rwX "$L"
LOFT_VAR=$L/var LOFT_JAVA_OPTS="${LOFT_JAVA_OPTS:--Xmx2g}" distribution/target/loft/bin/loft run -c "$L/dovecot.conf" > "$L/loft.out" 2>&1 &
LOFT_PID=$!
for _ in $(seq 60); do grep -q 'Loft ready' "$L/loft.out" && break; sleep 1; done
grep -q 'Loft ready' "$L/loft.out" || { cat "$L/loft.out"; exit 1; }
DPID=$(cat "$D/run/master.pid")

MBOX=${MBOX:-/tmp/loft-bench-$COUNT.mbox}
[ -s "$MBOX" ] || python3 "$SHARED/bench/gen_mbox.py" --count "$COUNT" --seed 7 --out "$MBOX"

result() { grep '^RESULT' | tail -1 | sed 's/^RESULT //'; }
ratio() { # name dovecot loft higher_is_better
  python3 - "$@" <<'PY'
import sys
name, d, l, hib = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4] == "1"
r = (l / d if hib else d / l) if d and l else float("nan")
print("%-28s dovecot %-12g loft %-12g ratio %.2f" % (name, d, l, r))
PY
}
field() { tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }

echo "== imap_ops_bench, $COUNT messages (seconds, warm median; ratio = dovecot/loft)"
OPS_D=$(python3 "$SHARED/bench/imap_ops_bench.py" --port 20143 --user user100 --password pass --fill-mbox "$MBOX" --fill-count "$COUNT" --repeat 3 | tee "$WORK/ops-d.txt" | result)
OPS_L=$(python3 "$SHARED/bench/imap_ops_bench.py" --port 30143 --user user100 --password pass --fill-mbox "$MBOX" --fill-count "$COUNT" --repeat 3 | tee "$WORK/ops-l.txt" | result)
grep -h '^filled' "$WORK/ops-d.txt" "$WORK/ops-l.txt" | sed 's/^/  fill: /'
for k in fetch_flags fetch_envelope search_body search_text search_from sort_date thread_refs; do
  ratio "$k" "$(echo "$OPS_D" | field $k)" "$(echo "$OPS_L" | field $k)" 0
done

echo "== mixed load, ${SECONDS_EACH}s each (ops/s; ratio = loft/dovecot)"
for c in $CLIENTS; do
  for pass in 1 2; do
    MD=$(python3 bench/imap_mixed_load.py --port 20143 --clients "$c" --seconds "$SECONDS_EACH" --first-user 1 | result)
    ML=$(python3 bench/imap_mixed_load.py --port 30143 --clients "$c" --seconds "$SECONDS_EACH" --first-user 1 | result)
    ratio "mixed clients=$c (run $pass)" "$(echo "$MD" | field ops_per_s)" "$(echo "$ML" | field ops_per_s)" 1
  done
done

echo "== LMTP deliveries (msgs/s; ratio = loft/dovecot)"
for size in 4096 102400; do
  for c in 1 8; do
    LD=$(python3 "$SHARED/bench/lmtp_bench.py" --port 20024 --rcpt-pattern user%d@example.org --users 20 --first-user 1 --messages 1000 --size $size --concurrency $c | result)
    LL=$(python3 "$SHARED/bench/lmtp_bench.py" --port 30024 --rcpt-pattern user%d@example.org --users 20 --first-user 1 --messages 1000 --size $size --concurrency $c | result)
    ratio "lmtp size=$size conc=$c" "$(echo "$LD" | field msgs/s)" "$(echo "$LL" | field msgs/s)" 1
  done
done

echo "== POP3 retrieval of 5,000 messages (MB/s; ratio = loft/dovecot)"
PD=$(python3 "$SHARED/bench/pop3_bench.py" --port 20110 --user user98 --password pass --fill 5000 --lmtp-port 20024 --rcpt user98@example.org --rounds 3 | result)
PL=$(python3 "$SHARED/bench/pop3_bench.py" --port 30110 --user user98 --password pass --fill 5000 --lmtp-port 30024 --rcpt user98@example.org --rounds 3 | result)
ratio "pop3 MB/s" "$(echo "$PD" | field MB/s)" "$(echo "$PL" | field MB/s)" 1

echo "== IDLE push latency after an LMTP delivery (ms; ratio = dovecot/loft)"
LD=$(python3 "$SHARED/bench/idle_latency.py" --imap-port 20143 --lmtp-port 20024 --user user99 --password pass --rcpt user99@example.org --deliveries 50 | result)
LL=$(python3 "$SHARED/bench/idle_latency.py" --imap-port 30143 --lmtp-port 30024 --user user99 --password pass --rcpt user99@example.org --deliveries 50 | result)
ratio "idle push p50_ms" "$(echo "$LD" | field p50_ms)" "$(echo "$LL" | field p50_ms)" 0
ratio "idle push p99_ms" "$(echo "$LD" | field p99_ms)" "$(echo "$LL" | field p99_ms)" 0

echo "== $IDLE connections in IDLE (KiB per connection, PSS; ratio = dovecot/loft)"
idle() { # script port pid
  python3 "$1" --port "$2" --user-pattern user%d --users 100 --password pass --conns "$IDLE" --hold 5 --server-pid "$3" | result
}
ID=$(idle "$SHARED/bench/idle_conns.py" 20143 "$DPID"); IL=$(idle "$SHARED/bench/idle_conns.py" 30143 "$LOFT_PID")
ratio "idle plain pss_kib_per_conn" "$(echo "$ID" | field pss_kib_per_conn)" "$(echo "$IL" | field pss_kib_per_conn)" 0
ID=$(idle bench/imap_idle_tls.py 20993 "$DPID"); IL=$(idle bench/imap_idle_tls.py 30993 "$LOFT_PID")
ratio "idle tls pss_kib_per_conn" "$(echo "$ID" | field pss_kib_per_conn)" "$(echo "$IL" | field pss_kib_per_conn)" 0
