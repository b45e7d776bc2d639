# bash completion for warrantcheck.
# Use: source <(warrantcheck completion bash), or install as
# /usr/share/bash-completion/completions/warrantcheck.
#
# It holds no list of its own: it asks the program, as you type, with
# `warrantcheck __complete WORD...` (the words so far, the last the one being
# completed), which prints the candidates one a line from its option tables
# and the dataset in use, or exits 1 when the word is a file name.

_warrantcheck() {
    local cur=${COMP_WORDS[COMP_CWORD]} quote='' w i
    local -a words=()
    COMPREPLY=()
    # The words before this one, with "--opt" "=" "VALUE" (COMP_WORDBREAKS
    # splits at '=') put back as "--opt" "VALUE".
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        [[ $w == = && ${COMP_WORDS[i - 1]} == --* ]] && continue
        words+=("$w")
    done
    [[ $cur == = && ${COMP_WORDS[COMP_CWORD - 1]} == --* ]] && cur=
    case $cur in
    \"* | \'*) quote=${cur:0:1} cur=${cur:1} ;;
    *) cur=${cur//\\/} ;;
    esac
    local program=${COMP_WORDS[0]/#\~/$HOME} out status
    out=$("$program" __complete "${words[@]}" "$cur" 2>/dev/null)
    status=$?
    if ((status == 1)); then
        compopt -o filenames 2>/dev/null
        while IFS= read -r w; do COMPREPLY+=("$w"); done < <(compgen -f -- "$cur")
        return
    fi
    ((status == 0)) || return
    # Each candidate quoted for the command line, or for the quote the user
    # opened, so that no name can expand or run anything.
    while IFS= read -r w; do
        [[ -n $w ]] || continue
        case $quote in
        \") w=${w//\\/\\\\} w=${w//\$/\\\$} w=${w//\`/\\\`} w=${w//\"/\\\"} ;;
        \') w=${w//\'/\'\\\'\'} ;;
        *) printf -v w '%q' "$w" ;;
        esac
        COMPREPLY+=("$w")
    done <<<"$out"
}

complete -F _warrantcheck warrantcheck
