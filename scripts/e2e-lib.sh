# Helpers for scripts/e2e.sh: drive a program in a private tmux server and
# poll its pane for what should appear. Sourced, not run.
#
# The caller sets E2E_TMP (a private temporary folder) and E2E_SOCK (the
# tmux socket name) before sourcing, and E2E_TARGET (the pane) per run.

E2E_TIMEOUT=${E2E_TIMEOUT:-5}   # seconds to wait for an expectation
E2E_POLL=0.1                    # seconds between two looks at the pane
E2E_PASSED=0
E2E_FAILED=0
E2E_RUN_OK=1                    # cleared by a failed expectation: the rest of the run is not tried
E2E_TARGET=""
E2E_PANE="$E2E_TMP/pane.txt"

# tmux on the private socket, ignoring any user configuration.
tm() { tmux -L "$E2E_SOCK" -f /dev/null -u "$@"; }

# Milliseconds since the epoch, in $E2E_NOW (no subshell).
e2e_now() {
    local t=${EPOCHREALTIME//[.,]/}
    E2E_NOW=$((10#$t / 1000))
}

pass() {
    E2E_PASSED=$((E2E_PASSED + 1))
    echo "PASS $1"
}

# fail NAME [DETAIL]: DETAIL (several lines) is printed indented under it.
fail() {
    E2E_FAILED=$((E2E_FAILED + 1))
    echo "FAIL $1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/    | /'; fi
}

# The pane as text, one line per row (trailing spaces trimmed by tmux), in $E2E_PANE.
capture() {
    tm capture-pane -p -t "$E2E_TARGET" >"$E2E_PANE" 2>/dev/null
}

# Captures until two looks E2E_POLL apart agree (the program has finished
# drawing), at most E2E_TIMEOUT seconds; copies the pane to $1.
settle() {
    local out=$1 prev="$E2E_TMP/settle.prev"
    e2e_now
    local deadline=$((E2E_NOW + E2E_TIMEOUT * 1000))
    capture || true
    while :; do
        cp "$E2E_PANE" "$prev"
        sleep 0.2
        capture || true
        if cmp -s "$E2E_PANE" "$prev"; then break; fi
        e2e_now
        if ((E2E_NOW >= deadline)); then break; fi
    done
    cp "$E2E_PANE" "$out"
}

# Keys, by tmux name (Enter, Escape, BSpace, Up…).
keys() { tm send-keys -t "$E2E_TARGET" "$@"; }
# Text typed literally, character by character.
typed() { tm send-keys -t "$E2E_TARGET" -l -- "$1"; }

# Row N of the pane (1-based; -1 is the last row).
pane_row() {
    local n=$1
    if ((n < 0)); then n=$(($(wc -l <"$E2E_PANE") + 1 + n)); fi
    sed -n "${n}p" "$E2E_PANE"
}

# match OP ARG… on the captured pane; every one must hold:
#   has TEXT        the pane contains TEXT
#   lacks TEXT      it does not
#   re REGEX        some row matches the extended REGEX
#   nore REGEX      no row does
#   row N REGEX     row N (1-based, -1 = last) matches REGEX
#   call FUNC ARG   FUNC ARG succeeds (it reads $E2E_PANE)
match() {
    while (($#)); do
        case $1 in
            has) grep -qF -- "$2" "$E2E_PANE" || return 1; shift 2 ;;
            lacks) ! grep -qF -- "$2" "$E2E_PANE" || return 1; shift 2 ;;
            re) grep -qE -- "$2" "$E2E_PANE" || return 1; shift 2 ;;
            nore) ! grep -qE -- "$2" "$E2E_PANE" || return 1; shift 2 ;;
            row) pane_row "$2" | grep -qE -- "$3" || return 1; shift 3 ;;
            call) "$2" "$3" || return 1; shift 3 ;;
            *) echo "e2e: unknown expectation '$1'" >&2; return 2 ;;
        esac
    done
}

# expect NAME [-t SECONDS] OP ARG…: polls the pane until `match OP ARG…`
# holds. On a timeout prints what was expected and the pane, and gives up
# on the rest of the run (its later checks fail as not tried).
expect() {
    local name=$1 timeout=$E2E_TIMEOUT
    shift
    if [[ ${1:-} == -t ]]; then timeout=$2; shift 2; fi
    if ((!E2E_RUN_OK)); then fail "$name (not tried: an earlier step of this run failed)"; return 0; fi
    e2e_now
    local deadline=$((E2E_NOW + timeout * 1000))
    while :; do
        if capture && match "$@"; then pass "$name"; return 0; fi
        e2e_now
        if ((E2E_NOW >= deadline)); then break; fi
        sleep "$E2E_POLL"
    done
    fail "$name (after ${timeout} s)" "expected: $(printf "%s " "$@")
pane ${E2E_TARGET} ($(tm display -p -t "$E2E_TARGET" '#{pane_width}×#{pane_height}' 2>/dev/null || echo gone)), rows end at ⏎:
$(show_pane)"
    E2E_RUN_OK=0
}

# The captured pane, each row ending in ⏎, trailing empty rows summed up.
show_pane() {
    [[ -f $E2E_PANE ]] || { echo "(no pane)"; return; }
    awk '{ row[NR] = $0; if ($0 != "") last = NR }
         END { for (i = 1; i <= last; i++) print row[i] "⏎"
               if (NR > last) print "(" NR - last " empty rows)" }' "$E2E_PANE"
}

# check NAME CMD ARG…: a one-off assertion (no polling). CMD may write an
# explanation to $E2E_TMP/detail, printed when it fails. Does not end the run.
check() {
    local name=$1
    shift
    if ((!E2E_RUN_OK)); then fail "$name (not tried: an earlier step of this run failed)"; return 0; fi
    : >"$E2E_TMP/detail"
    if "$@"; then pass "$name"; else fail "$name" "$(cat "$E2E_TMP/detail")"; fi
}

# wait_until SECONDS CMD ARG…: polls CMD until it succeeds; status 1 on a timeout.
wait_until() {
    local timeout=$1
    shift
    e2e_now
    local deadline=$((E2E_NOW + timeout * 1000))
    while ! "$@"; do
        e2e_now
        if ((E2E_NOW >= deadline)); then return 1; fi
        sleep "$E2E_POLL"
    done
}

# same_text NAME-A FILE-A NAME-B FILE-B: equal after trimming trailing spaces; the diff goes to detail.
same_text() {
    local a=$2 b=$4
    sed 's/[[:space:]]*$//' "$a" >"$a.trimmed"
    sed 's/[[:space:]]*$//' "$b" >"$b.trimmed"
    if diff -u --label "$1" --label "$3" "$a.trimmed" "$b.trimmed" >"$E2E_TMP/detail"; then return 0; fi
    return 1
}

# start_shell NAME W H: a fresh tmux session running an interactive shell
# in a clean environment (UTF-8, xterm-256color, a private HOME).
start_shell() {
    local name=$1 w=$2 h=$3
    tm new-session -d -s "$name" -x "$w" -y "$h" \
        "exec env -u LC_ALL -u LC_CTYPE -u LANGUAGE LANG=C.UTF-8 TERM=xterm-256color \
         HOME='$TMP/home' XDG_DATA_HOME='$TMP/home/.local/share' PS1='e2e\$ ' \
         bash --norc --noprofile -i"
    E2E_TARGET="$name"
    E2E_RUN_OK=1
    SOCKET_PATH=$(tm display -p '#{socket_path}' 2>/dev/null || echo "$SOCKET_PATH")
    expect "$name: shell prompt" row 1 '^e2e\$ ?$'
}

file_nonempty() { [[ -s $1 ]]; }

# same_stty N: the terminal modes after run N equal those before it.
same_stty() {
    local n=$1
    if ! wait_until "$E2E_TIMEOUT" file_nonempty "$TMP/stty-after-$n"; then
        echo "no $TMP/stty-after-$n written" >"$TMP/detail"
        return 1
    fi
    same_text "stty -g before" "$TMP/stty-before-$n" "stty -g after" "$TMP/stty-after-$n"
}

# report_and_exit: the time per run (TIMINGS: "name tenths"), the closing
# `N passed, M failed` line, and the exit status.
report_and_exit() {
    e2e_now
    local line="# time:" t d
    for t in "${TIMINGS[@]}"; do
        d=${t##* }
        line+=" ${t% *} $((d / 10)).$((d % 10)) s,"
    done
    d=$(((E2E_NOW - T_START) / 100))
    echo "$line total $((d / 10)).$((d % 10)) s"
    echo "$E2E_PASSED passed, $E2E_FAILED failed"
    ((E2E_FAILED == 0))
}
