#!/bin/bash
# Regenerates the catalogue of Dovecot 2.3 settings that Loft's config bundle validates against:
#   bundles/config/src/main/resources/org/loftmail/config/impl/dovecot-2.3-settings.txt
#
# It asks the installed doveconf, so run it as root on a Debian machine with
#   apt-get install dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd dovecot-managesieved dovecot-sieve
# Usage: make-settings-catalogue.sh [OUTPUT]
#
# How: `doveconf -a -P -c FILE` prints every global setting with its built-in default, the
# built-in default sections (service imap-login { inet_listener imap { port = 143 } } ...) and the
# keys of every section type that FILE contains; FILE below holds one section of each type that
# doveconf only prints when present. The type of each setting is found by setting it to a
# nonsense value and reading doveconf's complaint; the values of an enumeration are found
# among the strings of Dovecot's binaries ("yes:no:required") and confirmed with doveconf.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../main/resources/org/loftmail/config/impl/dovecot-2.3-settings.txt}
command -v doveconf >/dev/null || { echo "doveconf not found: apt-get install dovecot-core ..." >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The lines that open a section of each type path (types joined by " > "), with what doveconf
# insists on to accept an otherwise empty section; close_section closes them again.
open_section() {   # $1 = generic path
    case "$1" in
        .) ;;
        passdb) printf 'passdb {\n  driver = static\n' ;;
        userdb) printf 'userdb {\n  driver = static\n' ;;
        namespace) printf 'namespace zzns {\n' ;;
        "namespace > mailbox") printf 'namespace zzns {\n  mailbox zzbox {\n' ;;
        service) printf 'service zzsvc {\n' ;;
        "service > inet_listener") printf 'service zzsvc {\n  inet_listener zzinet {\n' ;;
        "service > unix_listener") printf 'service zzsvc {\n  unix_listener zzunix {\n' ;;
        "service > fifo_listener") printf 'service zzsvc {\n  fifo_listener zzfifo {\n' ;;
        metric) printf 'metric zzmetric {\n  filter = event=zz\n' ;;
        event_exporter) printf 'event_exporter zzexp {\n  format = json\n  format_args = time-rfc3339\n  transport = log\n' ;;
        *) echo "unknown section path $1" >&2; exit 1 ;;
    esac
}
close_section() {
    case "$1" in
        .) ;;
        *" > "*) printf '  }\n}\n' ;;
        *) printf '}\n' ;;
    esac
}

{
    for p in passdb userdb "namespace > mailbox" "service > inet_listener" metric event_exporter; do
        open_section "$p"; close_section "$p"
    done
    printf 'service zzsvc {\n  unix_listener zzunix {\n  }\n  fifo_listener zzfifo {\n  }\n}\n'
} > "$work/all.conf"
doveconf -a -P -c "$work/all.conf" > "$work/all.out" 2> "$work/all.err" || { cat "$work/all.err" >&2; exit 1; }
version=$(head -1 "$work/all.out" | sed 's/^# //; s/:.*//')
pigeonhole=$(sed -n '2s/^# //p' "$work/all.out")

# all.out -> rows "instance path <TAB> key <TAB> default"; the zz* probe sections become generic paths.
awk '
function unquote(v) {
    if (v ~ /^".*"$/ && length(v) >= 2) { v = substr(v, 2, length(v) - 2); gsub(/\\"/, "\"", v); gsub(/\\\\/, "\\", v) }
    return v
}
function path(   i, s) { s = "."; for (i = 1; i <= depth; i++) s = (i == 1 ? stack[i] : s " > " stack[i]); return s }
/^#/ { next }
/^ *}$/ { depth--; next }
/ {$/ {
    line = $0; sub(/^ */, "", line); sub(/ {$/, "", line)
    type = line; name = ""
    if (index(line, " ") > 0) { type = substr(line, 1, index(line, " ") - 1); name = unquote(substr(line, index(line, " ") + 1)) }
    if (name ~ /^zz/) seg = type; else if (name == "") seg = type; else seg = type " " name
    stack[++depth] = seg; next
}
/ = / || / =$/ {
    line = $0; sub(/^ */, "", line)
    key = substr(line, 1, index(line, " =") - 1)
    val = substr(line, index(line, " =") + 2); sub(/^ /, "", val)
    print path() "\t" key "\t" unquote(val)
}' "$work/all.out" > "$work/rows"

# generic rows: global settings and the zz* probe sections (no names in the path)
# (the values that open_section has to give to please doveconf are no defaults: blank them)
awk -F'\t' -v OFS='\t' '$1 == "." || $1 !~ /(^| > )[a-z_]+ [^>]/ {
    if (($1 == "passdb" || $1 == "userdb") && $2 == "driver") $3 = ""
    if ($1 == "metric" && $2 == "filter") $3 = ""
    if ($1 == "event_exporter" && ($2 == "format" || $2 == "format_args" || $2 == "transport")) $3 = ""
    print }' "$work/rows" | sort -u > "$work/generic"

# strings that look like enumerations ("a:b:c")
find /usr/lib/dovecot /usr/bin/doveconf /usr/sbin/dovecot -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
    | xargs -0 strings -n 3 2>/dev/null | grep -E '^[A-Za-z0-9_.+-]*(:[A-Za-z0-9_.+-]*)+$' | sort -u > "$work/enums"

probe() {  # $1 path, $2 key, $3 value -> doveconf complaint (empty when accepted)
    { open_section "$1"; printf '%s = %s\n' "$2" "$3"; close_section "$1"; } > "$work/probe.conf"
    doveconf -n -c "$work/probe.conf" 2>&1 >/dev/null | grep -E 'Fatal|Error' | grep -v 'dump-capability' | head -1 || true
}

type_of() {  # $1 path, $2 key, $3 default
    local err
    err=$(probe "$1" "$2" "zzz-not-a-value")
    case "$err" in
        "") echo string ;;
        *"Invalid boolean"*) echo bool ;;
        *"Invalid port number"*) echo port ;;
        *"Invalid size"*) echo size ;;
        *"Invalid time interval"*|*"missing units"*)
            if probe "$1" "$2" "1ms" | grep -q 'Milliseconds not supported'; then echo time; else echo time_msecs; fi ;;
        *"Invalid number"*)
            if probe "$1" "$2" "0999" | grep -q 'Invalid number'; then echo octal; else echo uint; fi ;;
        *"Invalid value: "*) echo "enum:$(enum_values "$1" "$2" "$3")" ;;
        *) echo string ;;
    esac
}

enum_values() {  # the longest candidate "default:..." none of whose values doveconf calls invalid
    local best="$3" cand v ok
    while IFS= read -r cand; do
        ok=1
        IFS=: read -ra vals <<< "$cand"
        for v in "${vals[@]}"; do
            [ -z "$v" ] && continue
            # another complaint (e.g. "flag needs pop3_deleted_flag") still means the value is known
            if probe "$1" "$2" "$v" | grep -q 'Invalid value'; then ok=0; break; fi
        done
        if [ $ok = 1 ] && [ ${#cand} -gt ${#best} ]; then best=$cand; fi
    done < <(grep -F -- "$3:" "$work/enums" | grep -E "^$(printf '%s' "$3" | sed 's/[.[\*^$+?(){}|]/\\&/g'):" || true)
    printf '%s' "$best" | tr ':' '|'
}

{
    echo "# Dovecot 2.3 settings catalogue for Loft: every setting name doveconf knows, its type and built-in default."
    echo "# Generated by bundles/config/src/build/make-settings-catalogue.sh from doveconf $version, $pigeonhole."
    echo "# Do not edit by hand: run the script again."
    echo "#"
    echo "# Rows (tab-separated):"
    echo "#   setting <path> <key> <type> <default>    a key of a section type (path '.' = top level, else types joined by ' > ')"
    echo "#   default <path> <key> <default>           a built-in default section, path segments are 'type name'"
    echo "# Types: string bool uint octal size time time_msecs port enum:a|b|c (first value = default)"
    while IFS=$'\t' read -r p k d; do
        printf 'setting\t%s\t%s\t%s\t%s\n' "$p" "$k" "$(type_of "$p" "$k" "$d")" "$d"
    done < "$work/generic"
    awk -F'\t' '$1 != "." && $1 ~ /(^| > )[a-z_]+ [^>]/ { print "default\t" $0 }' "$work/rows"
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $(grep -c '^setting' "$out") settings and $(grep -c '^default' "$out") default-section values to $out" >&2
