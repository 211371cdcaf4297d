#!/usr/bin/env bash
# Loft and Dovecot side by side on this machine, same configuration, same client code:
# IMAP, LMTP, POP3 and IDLE.
#
#   bench/imap-vs-dovecot.sh [--count N] [--clients "10 50"] [--idle N] [--seconds S]
#                            [--only PARTS] [--pop3-runs N] [--loft DIR]
#
# --only runs just the named parts (comma-separated): ops, mixed, lmtp, pop3, idle, conns.
# --pop3-runs repeats the POP3 pair (Dovecot then Loft on the same mailbox) N times and prints
# each pair's ratio and the medians. --loft runs another build of Loft (default
# distribution/target/loft), e.g. a copy made before a change.
#
# Starts a private Dovecot with ../shared/anchor/dovecot-anchor.sh (IMAP on 20143) and Loft from
# distribution/target/loft with the anchor's configuration on other ports (IMAP on 30143), then runs
#   - imap_ops_bench.py (../shared/bench): FETCH FLAGS/ENVELOPE, UID SEARCH, SORT, THREAD on one
#     mailbox of N messages (default 20,000 from gen_mbox.py), then FETCH FLAGS again with three
#     clients (bench/imap_fetch_clients.py: the shared one, a buffered readline, a bulk reader),
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
COUNT=20000 CLIENTS="10 50" IDLE=2000 SECONDS_EACH=30 ONLY=ops,mixed,lmtp,pop3,idle,conns POP3_RUNS=1
LOFT_DIST=distribution/target/loft
usage() {
  echo "usage: $0 [--count N] [--clients \"10 50\"] [--idle N] [--seconds S] [--only ops,mixed,lmtp,pop3,idle,conns] [--pop3-runs N] [--loft DIR]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --idle) IDLE=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --pop3-runs) POP3_RUNS=$2; shift 2 ;;
    --loft) LOFT_DIST=$2; shift 2 ;;
    *) usage ;;
  esac
done
for part in ${ONLY//,/ }; do
  case "$part" in ops|mixed|lmtp|pop3|idle|conns) ;; *) echo "unknown part: $part" >&2; usage ;; esac
done
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }
[ -x "$LOFT_DIST/bin/loft" ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }
WORK=$(mktemp -d /tmp/loft-bench.XXXXXX)
chmod 755 "$WORK" # Dovecot's mail processes run as the test users' uids and must reach their maildirs
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
  echo "ANCHOR_IMAP_PORT=${1}143 ANCHOR_IMAPS_PORT=${1}993 ANCHOR_POP3_PORT=${1}110 ANCHOR_POP3S_PORT=${1}995 ANCHOR_LMTP_PORT=${1}024 ANCHOR_SIEVE_PORT=${1:0:1}4190"
}
export ANCHOR_USERS=100
env ANCHOR_DIR=$D $(ports 20) bash "$SHARED/anchor/dovecot-anchor.sh" start >/dev/null
env ANCHOR_DIR=$L $(ports 30) bash "$SHARED/anchor/dovecot-anchor.sh" config >/dev/null
echo "loft_connection_limit_per_ip = $((IDLE + 100))" >> "$L/dovecot.conf"
chmod -R a+rwX "$L"
LOFT_VAR=$L/var LOFT_JAVA_OPTS="${LOFT_JAVA_OPTS:--Xmx2g}" "$LOFT_DIST/bin/loft" run -c "$L/dovecot.conf" > "$L/loft.out" 2>&1 &
LOFT_PID=$!
# the anchor's configuration sets log_path: the ready line goes there, not to standard output
ready() { grep -qs 'Loft ready' "$L/loft.out" "$L/log/dovecot.log"; }
for _ in $(seq 60); do ready && break; sleep 1; done
ready || { cat "$L/loft.out" "$L/log/dovecot.log"; exit 1; }
DPID=$(cat "$D/run/master.pid")

MBOX=${MBOX:-/tmp/loft-bench-$COUNT.mbox}
if wanted ops; then
  [ -s "$MBOX" ] || python3 "$SHARED/bench/gen_mbox.py" --count "$COUNT" --seed 7 --out "$MBOX"
fi

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
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

if wanted ops; then
echo "== imap_ops_bench, $COUNT messages (seconds, warm median; ratio = dovecot/loft)"
OPS_D=$(python3 "$SHARED/bench/imap_ops_bench.py" --port 20143 --user user100 --password pass --fill-mbox "$MBOX" --fill-count "$COUNT" --repeat 3 | tee "$WORK/ops-d.txt" | result)
OPS_L=$(python3 "$SHARED/bench/imap_ops_bench.py" --port 30143 --user user100 --password pass --fill-mbox "$MBOX" --fill-count "$COUNT" --repeat 3 | tee "$WORK/ops-l.txt" | result)
grep -h '^filled' "$WORK/ops-d.txt" "$WORK/ops-l.txt" | sed 's/^/  fill: /'
for k in fetch_flags fetch_envelope search_body search_text search_from sort_date thread_refs; do
  ratio "$k" "$(echo "$OPS_D" | field $k)" "$(echo "$OPS_L" | field $k)" 0
done
# the shared client's line reader bounds FETCH FLAGS (see bench/imap_fetch_clients.py): the same
# command timed with clients that read lines cheaply shows the servers' own difference
CL_D=$(python3 bench/imap_fetch_clients.py --port 20143 --user user100 --password pass | result)
CL_L=$(python3 bench/imap_fetch_clients.py --port 30143 --user user100 --password pass | result)
for k in benchlib_ms readline_ms bulk_ms; do
  ratio "fetch_flags $k" "$(echo "$CL_D" | field $k)" "$(echo "$CL_L" | field $k)" 0
done
fi

if wanted mixed; then
echo "== mixed load, ${SECONDS_EACH}s each (ops/s; ratio = loft/dovecot)"
for c in $CLIENTS; do
  for pass in 1 2; do
    MD=$(python3 bench/imap_mixed_load.py --port 20143 --clients "$c" --seconds "$SECONDS_EACH" --first-user 1 | result)
    ML=$(python3 bench/imap_mixed_load.py --port 30143 --clients "$c" --seconds "$SECONDS_EACH" --first-user 1 | result)
    ratio "mixed clients=$c (run $pass)" "$(echo "$MD" | field ops_per_s)" "$(echo "$ML" | field ops_per_s)" 1
  done
done
fi

if wanted lmtp; then
echo "== LMTP deliveries (msgs/s; ratio = loft/dovecot)"
for size in 4096 102400; do
  for c in 1 8; do
    LD=$(python3 "$SHARED/bench/lmtp_bench.py" --port 20024 --rcpt-pattern user%d@example.org --users 20 --first-user 1 --messages 1000 --size $size --concurrency $c | result)
    LL=$(python3 "$SHARED/bench/lmtp_bench.py" --port 30024 --rcpt-pattern user%d@example.org --users 20 --first-user 1 --messages 1000 --size $size --concurrency $c | result)
    ratio "lmtp size=$size conc=$c" "$(echo "$LD" | field msgs/s)" "$(echo "$LL" | field msgs/s)" 1
  done
done
fi

if wanted pop3; then
echo "== POP3 retrieval of 5,000 messages, $POP3_RUNS run(s) (ratio = loft/dovecot)"
pop3() { # port lmtp_port fill
  python3 "$SHARED/bench/pop3_bench.py" --port "$1" --user user98 --password pass --fill "$3" --lmtp-port "$2" \
    --rcpt user98@example.org --rounds 3 | result
}
FILL=5000 PD_RATES= PL_RATES= PD_MBS= PL_MBS= RATIOS=
for run in $(seq "$POP3_RUNS"); do
  PD=$(pop3 20110 20024 $FILL); PL=$(pop3 30110 30024 $FILL); FILL=0
  ratio "pop3 msgs/s (run $run)" "$(echo "$PD" | field msgs/s)" "$(echo "$PL" | field msgs/s)" 1
  ratio "pop3 MB/s (run $run)" "$(echo "$PD" | field MB/s)" "$(echo "$PL" | field MB/s)" 1
  PD_RATES="$PD_RATES $(echo "$PD" | field msgs/s)" PL_RATES="$PL_RATES $(echo "$PL" | field msgs/s)"
  PD_MBS="$PD_MBS $(echo "$PD" | field MB/s)" PL_MBS="$PL_MBS $(echo "$PL" | field MB/s)"
  RATIOS="$RATIOS $(python3 -c "print($(echo "$PL" | field msgs/s) / $(echo "$PD" | field msgs/s))")"
done
if [ "$POP3_RUNS" -gt 1 ]; then
  ratio "pop3 msgs/s (median)" "$(echo "$PD_RATES" | median)" "$(echo "$PL_RATES" | median)" 1
  ratio "pop3 MB/s (median)" "$(echo "$PD_MBS" | median)" "$(echo "$PL_MBS" | median)" 1
  printf "%-28s %.2f\n" "pop3 median of run ratios" "$(echo "$RATIOS" | median)"
fi
fi

if wanted idle; then
echo "== IDLE push latency after an LMTP delivery (ms; ratio = dovecot/loft)"
LD=$(python3 "$SHARED/bench/idle_latency.py" --imap-port 20143 --lmtp-port 20024 --user user99 --password pass --rcpt user99@example.org --deliveries 50 | result)
LL=$(python3 "$SHARED/bench/idle_latency.py" --imap-port 30143 --lmtp-port 30024 --user user99 --password pass --rcpt user99@example.org --deliveries 50 | result)
ratio "idle push p50_ms" "$(echo "$LD" | field p50_ms)" "$(echo "$LL" | field p50_ms)" 0
ratio "idle push p99_ms" "$(echo "$LD" | field p99_ms)" "$(echo "$LL" | field p99_ms)" 0
fi

if wanted conns; then
echo "== $IDLE connections in IDLE (KiB per connection, PSS; ratio = dovecot/loft)"
idle() { # script port pid
  python3 "$1" --port "$2" --user-pattern user%d --users 100 --password pass --conns "$IDLE" --hold 5 --server-pid "$3" | result
}
ID=$(idle "$SHARED/bench/idle_conns.py" 20143 "$DPID"); IL=$(idle "$SHARED/bench/idle_conns.py" 30143 "$LOFT_PID")
ratio "idle plain pss_kib_per_conn" "$(echo "$ID" | field pss_kib_per_conn)" "$(echo "$IL" | field pss_kib_per_conn)" 0
ID=$(idle bench/imap_idle_tls.py 20993 "$DPID"); IL=$(idle bench/imap_idle_tls.py 30993 "$LOFT_PID")
ratio "idle tls pss_kib_per_conn" "$(echo "$ID" | field pss_kib_per_conn)" "$(echo "$IL" | field pss_kib_per_conn)" 0
fi
